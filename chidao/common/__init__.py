"""What every app of chidao shares and none owns: the clock, uploaded files, the refusals
a service raises, calendar periods, the task queue's adapter.

The bottom layer: it imports no other chidao package (tests/test_import_graph.py)."""
