"""What an ingest job makes of its file: the Document, with a candidate per task found.

The document, its candidates and the attempt's "done" are written in one transaction,
so a worker killed at any point leaves either nothing or all of it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction

from chidao.audit.services import record
from chidao.common import clock
from chidao.extract.model import AgencyMention
from chidao.extract.pipeline import Extraction
from chidao.registry.models import Agency
from chidao.registry.proposals import proposed_for
from chidao.registry.services import members_of_group

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
    agencies = _agency_rows(x, document.issued_on or clock.today())
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
                confidence=t.confidence,
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


@dataclass(frozen=True)
class _Rows:
    """The Agency primary keys the candidates of one extraction can point at."""

    by_code: dict[str, int]  # registry bodies
    groups: dict[str, list[int]]  # a group's members on the document's date
    proposed: dict[str, int]  # names a reviewer registered earlier ("ngoài danh mục")


def _agency_rows(x: Extraction, on: date) -> _Rows:
    """Groups expand to their members on ``on`` from the Agency table (so the bodies of
    the registry's supplements, such as the 2025 xã and phường, count, and courts,
    procuracy and newspapers do not: registry.services.members_of_group)."""
    mentions = [m for t in x.tasks for m in (*t.lead, *t.support) if not m.vague]
    codes = {m.agency_id for m in mentions if m.agency_id and not m.is_group}
    by_code = dict(Agency.objects.filter(code__in=codes).values_list("code", "pk"))
    groups: dict[str, list[int]] = {}
    for label in {m.name for m in mentions if m.is_group}:
        try:
            groups[label] = [a.pk for a in members_of_group(label, on=on)]
        except KeyError:
            groups[label] = []
    unknown = [m.name for m in mentions if not m.is_group and m.agency_id not in by_code]
    return _Rows(by_code, groups, proposed_for(unknown))


def _resolve(mentions: list[AgencyMention], rows: _Rows) -> tuple[list[int], list[str], list[str]]:
    """Agency pks (groups expanded to their members), group labels, unknown names."""
    pks: list[int] = []
    groups: list[str] = []
    unknown: list[str] = []
    for m in mentions:
        if m.vague:
            continue
        if m.is_group:
            groups.append(m.name)
            pks.extend(rows.groups.get(m.name, ()))
        elif m.agency_id and m.agency_id in rows.by_code:
            pks.append(rows.by_code[m.agency_id])
        elif m.name in rows.proposed:
            pks.append(rows.proposed[m.name])
        else:
            unknown.append(m.name)
    return list(dict.fromkeys(pks)), groups, unknown
