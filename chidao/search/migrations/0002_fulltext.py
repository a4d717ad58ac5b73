"""The full-text index of SearchEntry, per database.

SQLite: an FTS5 table over the folded columns (external content, kept in step by
triggers). PostgreSQL: the unaccent extension, a text search configuration ``chidao_search``
(simple + unaccent), a weighted ``tsvector`` column filled by a trigger, and its GIN index.
"""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title_terms, body_terms, content='search_searchentry', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER search_fts_ai AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts(rowid, title_terms, body_terms)
        VALUES (new.id, new.title_terms, new.body_terms); END""",
    """CREATE TRIGGER search_fts_ad AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_terms, body_terms)
        VALUES ('delete', old.id, old.title_terms, old.body_terms); END""",
    """CREATE TRIGGER search_fts_au AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title_terms, body_terms)
        VALUES ('delete', old.id, old.title_terms, old.body_terms);
        INSERT INTO search_fts(rowid, title_terms, body_terms)
        VALUES (new.id, new.title_terms, new.body_terms); END""",
]
SQLITE_UNDO = [
    "DROP TRIGGER IF EXISTS search_fts_ai",
    "DROP TRIGGER IF EXISTS search_fts_ad",
    "DROP TRIGGER IF EXISTS search_fts_au",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'chidao_search') THEN
            CREATE TEXT SEARCH CONFIGURATION chidao_search (COPY = simple);
            ALTER TEXT SEARCH CONFIGURATION chidao_search ALTER MAPPING FOR
                asciiword, asciihword, hword_asciipart, word, hword, hword_part
                WITH unaccent, simple;
        END IF; END $$""",
    "ALTER TABLE search_searchentry ADD COLUMN vector tsvector",
    """CREATE FUNCTION search_searchentry_vector() RETURNS trigger AS $$ BEGIN
        NEW.vector := setweight(to_tsvector('chidao_search', NEW.title_terms), 'A')
                   || setweight(to_tsvector('chidao_search', NEW.body_terms), 'B');
        RETURN NEW; END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER search_searchentry_vector BEFORE INSERT OR UPDATE OF title_terms, body_terms
        ON search_searchentry FOR EACH ROW EXECUTE FUNCTION search_searchentry_vector()""",
    "CREATE INDEX search_entry_vector ON search_searchentry USING gin (vector)",
]
POSTGRES_UNDO = [
    "DROP TRIGGER IF EXISTS search_searchentry_vector ON search_searchentry",
    "DROP FUNCTION IF EXISTS search_searchentry_vector()",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS vector",
]


def forward(apps, schema_editor):
    run(schema_editor, {"sqlite": SQLITE, "postgresql": POSTGRES})


def backward(apps, schema_editor):
    run(schema_editor, {"sqlite": SQLITE_UNDO, "postgresql": POSTGRES_UNDO})


def run(schema_editor, statements):
    for sql in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
