"""Long bodies in stretches (chidao/search/segments.py): the SearchSegment table, its
full-text index per database, and the stretches of the long entries already indexed.

SQLite: an FTS5 table over ``terms`` (external content, kept in step by triggers).
PostgreSQL: a ``tsvector`` column generated from ``terms`` (configuration chidao_search of
0002) and its GIN index.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models.functions import Length

SQLITE = [
    """CREATE VIRTUAL TABLE search_segment_fts USING fts5(
        terms, content='search_searchsegment', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER search_segment_fts_ai AFTER INSERT ON search_searchsegment BEGIN
        INSERT INTO search_segment_fts(rowid, terms) VALUES (new.id, new.terms); END""",
    """CREATE TRIGGER search_segment_fts_ad AFTER DELETE ON search_searchsegment BEGIN
        INSERT INTO search_segment_fts(search_segment_fts, rowid, terms)
        VALUES ('delete', old.id, old.terms); END""",
    """CREATE TRIGGER search_segment_fts_au AFTER UPDATE ON search_searchsegment BEGIN
        INSERT INTO search_segment_fts(search_segment_fts, rowid, terms)
        VALUES ('delete', old.id, old.terms);
        INSERT INTO search_segment_fts(rowid, terms) VALUES (new.id, new.terms); END""",
]
SQLITE_UNDO = [
    "DROP TRIGGER IF EXISTS search_segment_fts_ai",
    "DROP TRIGGER IF EXISTS search_segment_fts_ad",
    "DROP TRIGGER IF EXISTS search_segment_fts_au",
    "DROP TABLE IF EXISTS search_segment_fts",
]
POSTGRES = [
    """ALTER TABLE search_searchsegment ADD COLUMN vector tsvector
        GENERATED ALWAYS AS (to_tsvector('chidao_search'::regconfig, terms)) STORED""",
    "CREATE INDEX search_segment_vector ON search_searchsegment USING gin (vector)",
]
POSTGRES_UNDO = ["ALTER TABLE search_searchsegment DROP COLUMN IF EXISTS vector"]


def forward(apps, schema_editor):
    run(schema_editor, {"sqlite": SQLITE, "postgresql": POSTGRES})
    from chidao.search.segments import LONG_BODY, split

    Entry = apps.get_model("search", "SearchEntry")
    Segment = apps.get_model("search", "SearchSegment")
    long = Entry.objects.annotate(n=Length("body")).filter(n__gte=LONG_BODY)
    for pk in long.values_list("pk", flat=True).iterator():
        entry = Entry.objects.only("body", "body_terms").get(pk=pk)
        Segment.objects.bulk_create(
            Segment(entry_id=pk, start=s.start, body=s.body, terms=s.terms)
            for s in split(entry.body, entry.body_terms)
        )


def backward(apps, schema_editor):
    run(schema_editor, {"sqlite": SQLITE_UNDO, "postgresql": POSTGRES_UNDO})


def run(schema_editor, statements):
    for sql in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_clock_stamps")]

    operations = [
        migrations.CreateModel(
            name="SearchSegment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("start", models.PositiveIntegerField()),
                ("body", models.TextField()),
                ("terms", models.TextField()),
                (
                    "entry",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="segments",
                        to="search.searchentry",
                    ),
                ),
            ],
            options={
                "verbose_name": "đoạn nội dung tìm kiếm",
                "verbose_name_plural": "đoạn nội dung tìm kiếm",
                "constraints": [
                    models.UniqueConstraint(fields=("entry", "start"), name="one_segment_per_start")
                ],
            },
        ),
        migrations.RunPython(forward, backward),
    ]
