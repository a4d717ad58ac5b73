"""Keeping the search index in step: one entry per document, task, report and agency.

``index_*`` write (or rewrite) an object's entry (and a long body's stretches,
chidao/search/segments.py); the signal handlers registered in
``SearchConfig.ready`` call them whenever one is saved, inside the same transaction, so
the index never shows a document that was rolled back. ``reindex`` rebuilds it all.
Recurring instances are not indexed: their series is, with the same text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

from django.db import transaction

from chidao.documents.models import Document
from chidao.registry.models import Agency
from chidao.tracking.models import Report, Task

from .models import Kind, SearchEntry, SearchSegment
from .segments import split
from .text import body_terms, number_key, terms


def index_document(d: Document) -> None:
    title = d.title
    context = " · ".join(p for p in (d.subject, d.issuer, _date(d.issued_on)) if p)
    _write(
        Kind.DOCUMENT,
        d.pk,
        document_id=d.pk,
        title=title,
        context=context,
        body=d.text,
        title_terms=" ".join(
            p for p in (terms(title), terms(d.subject), number_key(d.number)) if p
        ),
        number_key=number_key(d.number),
    )


def index_task(t: Task) -> None:
    if t.series_id is not None:
        return
    document = t.document
    _write(
        Kind.TASK,
        t.pk,
        document_id=t.document_id,
        title=_short(t.text, 200),
        context=document.title,
        body=t.text,
        title_terms="",
        extra_terms=(terms(document.title), number_key(document.number)),
        number_key="",
    )


def index_report(r: Report) -> None:
    assignment = r.assignment
    agency, task = assignment.agency, assignment.task
    _write(
        Kind.REPORT,
        r.pk,
        document_id=assignment.document_id,
        title=f"{r.get_kind_display()} — {agency.name}",
        context=_short(task.text, 160),
        body=r.text,
        title_terms=terms(agency.name),
        number_key="",
    )


def index_agency(a: Agency) -> None:
    forms = list(dict.fromkeys(f for f in (a.name, a.full_name, *a.aliases) if f))
    context = " · ".join(p for p in (a.kind, "đã giải thể" if a.dissolved else "") if p)
    _write(
        Kind.AGENCY,
        a.pk,
        document_id=None,
        title=a.name,
        context=context,
        body=" · ".join(forms[1:]),
        title_terms=" ".join(terms(f) for f in forms),
        number_key="",
    )


def forget(kind: str, pk: int) -> None:
    SearchEntry.objects.filter(kind=kind, object_id=pk).delete()


def reindex() -> dict[str, int]:
    """Rebuild the whole index; the number of entries per kind."""
    counts: dict[str, int] = {}
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        counts[Kind.AGENCY] = _each(Agency.objects.all(), index_agency)
        counts[Kind.DOCUMENT] = _each(Document.objects.all(), index_document)
        tasks = Task.objects.filter(series__isnull=True).select_related("document")
        counts[Kind.TASK] = _each(tasks, index_task)
        reports = Report.objects.select_related("assignment__agency", "assignment__task")
        counts[Kind.REPORT] = _each(reports, index_report)
    return counts


def _each(objects: Iterable[Any], index: Any) -> int:
    n = 0
    for obj in objects:
        index(obj)
        n += 1
    return n


def _write(kind: str, pk: int, *, extra_terms: tuple[str, ...] = (), **fields: Any) -> None:
    """Write an entry; its body is searched through ``body_terms`` (with ``extra_terms``)."""
    fields["title"] = _short(fields["title"], 300)
    fields["context"] = _short(fields["context"], 300)
    fields["body"] = unicodedata.normalize("NFC", fields["body"])
    fields["body_terms"] = body_terms(fields["body"], *extra_terms)
    entry, created = SearchEntry.objects.update_or_create(kind=kind, object_id=pk, defaults=fields)
    if not created:
        SearchSegment.objects.filter(entry=entry).delete()
    SearchSegment.objects.bulk_create(
        SearchSegment(entry=entry, start=s.start, body=s.body, terms=s.terms)
        for s in split(fields["body"], fields["body_terms"])
    )


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _date(d: Any) -> str:
    return d.strftime("%d/%m/%Y") if d else ""


# --- signals ------------------------------------------------------------------------------


def on_save(sender: type[Any], instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw:  # loaddata: the index is rebuilt with `manage.py reindex`
        return
    INDEXERS[sender](instance)
    if sender is Document and {"kind", "number"} & set(kwargs.get("update_fields") or ()):
        # a corrected number: the document's tasks are found by it too
        tasks = Task.objects.filter(document=instance, series__isnull=True)
        _each(tasks.select_related("document"), index_task)


def on_delete(sender: type[Any], instance: Any, **kwargs: Any) -> None:
    forget(KINDS[sender], instance.pk)


INDEXERS: dict[type[Any], Any] = {
    Document: index_document,
    Task: index_task,
    Report: index_report,
    Agency: index_agency,
}
KINDS: dict[type[Any], str] = {
    Document: Kind.DOCUMENT,
    Task: Kind.TASK,
    Report: Kind.REPORT,
    Agency: Kind.AGENCY,
}
