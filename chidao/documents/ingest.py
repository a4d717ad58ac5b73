"""What an ingest job makes of its file: the Document, with a candidate per task found.

The document, its candidates and the attempt's "done" are written in one transaction,
so a worker killed at any point leaves either nothing or all of it.
"""

from __future__ import annotations

import logging

from django.db import IntegrityError, transaction

from chidao.audit.services import record
from chidao.extract.model import AgencyMention
from chidao.extract.pipeline import Extraction
from chidao.registry.models import Agency

from . import runs
from .models import Candidate, Document, IngestJob, JobState

log = logging.getLogger(__name__)


class _NotOurs(Exception):
    """The attempt lost the job (presumed dead and recovered): undo what it made."""


def save_extraction(claim: runs.Claim, extraction: Extraction) -> None:
    """Create the Document and its candidates and finish the attempt as done, in one
    transaction; a duplicate of an existing document finishes as such; an attempt that
    lost the job meanwhile leaves nothing behind."""
    job = claim.job
    try:
        with transaction.atomic():
            document = _create_document(job, extraction)
            if not runs.finish(claim, JobState.DONE, document=document):
                raise _NotOurs
    except _NotOurs:
        log.warning("ingest job %s: attempt %s was superseded", job.pk, claim.attempt)
    except IntegrityError:
        existing = Document.objects.filter(sha256=job.sha256).first()
        if existing is None:
            raise
        runs.finish(claim, JobState.DUPLICATE, document=existing)


def _create_document(job: IngestJob, x: Extraction) -> Document:
    data = x.to_json()
    meta = x.meta
    document = Document.objects.create(
        sha256=job.sha256,
        original=job.blob,
        filename=job.filename,
        size=job.size,
        format=x.read.format,
        kind=meta.kind or "",
        number=meta.number or "",
        issued_on=meta.date,
        issuer=meta.issuer or "",
        signer=meta.signer or "",
        subject=getattr(meta, "subject", None) or "",
        text=x.text,
        extraction=data,
        warnings=list(x.read.warnings),
        uploaded_by=job.created_by,
    )
    agencies = _agency_rows(x)
    candidates, links = [], []
    for order, t in enumerate(x.tasks, start=1):
        lead, lead_groups, lead_unknown = _resolve(t.lead, agencies)
        support, support_groups, support_unknown = _resolve(t.support, agencies)
        candidates.append(
            Candidate(
                document=document,
                order=order,
                start=t.start,
                end=t.end,
                marker=t.marker or "",
                text=t.text,
                groups=lead_groups + support_groups,
                unmatched=lead_unknown + support_unknown,
                deadline=t.deadline.value if t.deadline is not None else None,
                recurrence=t.recurrence or "",
                rule=t.rule[:80],
            )
        )
        links.append((lead, [pk for pk in support if pk not in lead]))
    # in bulk: a directive has dozens of candidates, each with two agency lists
    Candidate.objects.bulk_create(candidates)
    lead_rows, support_rows = Candidate.lead.through, Candidate.support.through
    lead_rows.objects.bulk_create(
        lead_rows(candidate_id=c.pk, agency_id=pk)
        for c, (lead, _s) in zip(candidates, links, strict=True)
        for pk in lead
    )
    support_rows.objects.bulk_create(
        support_rows(candidate_id=c.pk, agency_id=pk)
        for c, (_l, support) in zip(candidates, links, strict=True)
        for pk in support
    )
    record(
        job.created_by,
        "document.ingested",
        f"Nhập văn bản {document.title}: {len(x.tasks)} nhiệm vụ đề xuất",
        document=document,
    )
    return document


def _agency_rows(x: Extraction) -> dict[str, int]:
    codes: set[str] = set()
    for t in x.tasks:
        for m in (*t.lead, *t.support):
            codes.update(m.members if m.is_group else (m.agency_id,) if m.agency_id else ())
    return dict(Agency.objects.filter(code__in=codes).values_list("code", "pk"))


def _resolve(
    mentions: list[AgencyMention], rows: dict[str, int]
) -> tuple[list[int], list[str], list[str]]:
    """Agency pks (groups expanded to their members), group labels, unknown names."""
    pks: list[int] = []
    groups: list[str] = []
    unknown: list[str] = []
    for m in mentions:
        if m.vague:
            continue
        if m.is_group:
            groups.append(m.name)
            pks.extend(rows[c] for c in m.members if c in rows)
        elif m.agency_id and m.agency_id in rows:
            pks.append(rows[m.agency_id])
        else:
            unknown.append(m.name)
    return list(dict.fromkeys(pks)), groups, unknown
