"""Database triggers that refuse changes to the history table even through raw SQL.

PostgreSQL refuses UPDATE and DELETE of any row. SQLite refuses UPDATE only: its
DELETE trigger would also fire on `manage.py flush` (which empties tables with DELETE,
where PostgreSQL uses TRUNCATE), so on SQLite deletion is refused by the model and its
queryset (chidao/audit/models.py) but not by the database."""

from typing import Any

from django.db import migrations

TABLE = "audit_historyentry"

SQLITE = [
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_no_update BEFORE UPDATE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END""",
]
SQLITE_DROP = [f"DROP TRIGGER IF EXISTS {TABLE}_no_update"]

POSTGRES = [
    """CREATE OR REPLACE FUNCTION chidao_history_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'history is append-only'; END; $$ LANGUAGE plpgsql""",
    f"""CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION chidao_history_append_only()""",
]
POSTGRES_DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}",
    "DROP FUNCTION IF EXISTS chidao_history_append_only()",
]


def _run(statements: dict[str, list[str]]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        )
    ]
