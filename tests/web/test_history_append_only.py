"""History cannot be edited or deleted: not by the model, not by a bulk query, and not by
raw SQL (a database trigger)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import DatabaseError, connection, transaction

from chidao.audit.models import HistoryEntry, HistoryError
from chidao.audit.services import record
from tests.web.factories import make_task


@pytest.fixture
def entry(office: Any, agency_a: Any) -> HistoryEntry:
    task = make_task(office, [agency_a])
    return record(office, "test.note", "Ghi chú kiểm thử", task=task, after={"x": 1})


def test_saving_an_entry_again_is_refused(entry: HistoryEntry) -> None:
    entry.summary = "Sửa lịch sử"
    with pytest.raises(HistoryError):
        entry.save()


def test_deleting_an_entry_is_refused(entry: HistoryEntry) -> None:
    with pytest.raises(HistoryError):
        entry.delete()
    with pytest.raises(HistoryError):
        HistoryEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(HistoryError):
        HistoryEntry.objects.filter(pk=entry.pk).update(summary="x")


def test_raw_sql_cannot_rewrite_history(entry: HistoryEntry) -> None:
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as c,
    ):
        c.execute("UPDATE audit_historyentry SET summary = %s WHERE id = %s", ["x", entry.pk])
    entry.refresh_from_db()
    assert entry.summary == "Ghi chú kiểm thử"


@pytest.mark.postgresql
def test_raw_sql_cannot_delete_history_on_postgresql(entry: HistoryEntry) -> None:
    assert connection.vendor == "postgresql", "run with -m postgresql on PostgreSQL only"
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as c,
    ):
        c.execute("DELETE FROM audit_historyentry WHERE id = %s", [entry.pk])
    assert HistoryEntry.objects.filter(pk=entry.pk).exists()


def test_an_entry_names_the_document_of_its_task(entry: HistoryEntry) -> None:
    assert entry.document_id == entry.task.document_id
    assert entry.after == {"x": 1}
