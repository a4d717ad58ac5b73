"""Background workers that stay up.

``manage.py worker`` is django-tasks-db's ``db_worker`` loop kept alive through "database
is locked" (retried, never fatal) and announcing itself with a heartbeat row the jobs page
reads; ``manage.py supervise`` starts workers and starts again any that dies (``make
run``). In production systemd does the supervising (README, "Chạy thật").
"""
