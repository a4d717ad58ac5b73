"""Review: what an Office specialist does to the proposed tasks before registration.

Every function checks that the user is from the Office and that the document is still
under review, changes the candidates in one transaction, and records a history entry
with the values before and after. Saving a candidate carries the ``version`` the
reviewer read: if someone saved it in between, :class:`Conflict` is raised and nothing
is overwritten.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chidao.accounts.roles import is_office
from chidao.audit.services import changed, record
from chidao.common.errors import ActionError, Conflict, NotAllowed
from chidao.tracking import horizon
from chidao.tracking.models import Recurrence

from .models import Candidate, Decision, Document, DocumentStatus

_NO_LEAD = gettext_lazy("Chọn ít nhất một đơn vị chủ trì trước khi chấp nhận nhiệm vụ.")


@dataclass(frozen=True)
class CandidateEdit:
    """The reviewer's version of a task: text, agencies (primary keys), deadline, recurrence."""

    text: str
    lead: Sequence[int] = ()
    support: Sequence[int] = ()
    deadline: date | None = None
    recurrence: str = ""


# --- checks and helpers -------------------------------------------------------------------


def _require_reviewable(user: Any, document: Document) -> None:
    if not is_office(user):
        raise NotAllowed(_("Chỉ chuyên viên Văn phòng mới rà soát được nhiệm vụ đề xuất."))
    current = Document.objects.filter(pk=document.pk).values_list("status", flat=True).first()
    if current == DocumentStatus.REGISTERED:
        raise ActionError(_("Văn bản đã được đăng ký; không thể sửa nhiệm vụ đề xuất nữa."))


def _check_edit(edit: CandidateEdit) -> None:
    if not edit.text.strip():
        raise ActionError(_("Nội dung nhiệm vụ không được để trống."))
    if edit.recurrence not in Recurrence.values:
        raise ActionError(_("Định kỳ không hợp lệ: “%(value)s”.") % {"value": edit.recurrence})


def _claim(candidate: Candidate, read_version: int) -> None:
    """Take the row at the version the reviewer read, or raise Conflict; bumps it."""
    rows = Candidate.objects.filter(pk=candidate.pk, version=read_version).update(
        version=F("version") + 1
    )
    if rows != 1:
        raise Conflict(
            _(
                "Người khác vừa cập nhật nhiệm vụ đề xuất này. Tải lại trang để xem nội dung "
                "mới rồi thực hiện lại."
            )
        )
    candidate.version = read_version + 1


def snapshot(c: Candidate) -> dict[str, Any]:
    """The reviewable fields of a candidate, for history and for comparing."""
    return {
        "text": c.text,
        "lead": sorted(c.lead.values_list("pk", flat=True)),
        "support": sorted(c.support.values_list("pk", flat=True)),
        "deadline": c.deadline,
        "recurrence": c.recurrence,
        "decision": c.decision,
    }


def _apply(c: Candidate, edit: CandidateEdit) -> None:
    c.text = edit.text.strip()
    c.deadline = edit.deadline
    c.recurrence = edit.recurrence
    c.save(update_fields=["text", "deadline", "recurrence", "decision", "version"])
    lead = list(dict.fromkeys(edit.lead))
    c.lead.set(lead)
    c.support.set([pk for pk in dict.fromkeys(edit.support) if pk not in lead])


def _renumber(document: Document) -> None:
    """Orders 1..n in the current order, so the numbers on the page stay dense: one UPDATE
    per run of rows moved by the same amount (a merge in a 30,000-item directive is one
    or two statements, not one per row)."""
    rows = list(document.candidates.values_list("pk", "order"))
    if len({order for _pk, order in rows}) < len(rows):  # duplicates: row by row
        for n, (pk, order) in enumerate(rows, start=1):
            if order != n:
                Candidate.objects.filter(pk=pk).update(order=n)
        return
    runs = _runs([order - n for n, (_pk, order) in enumerate(rows, 1)], rows)
    # down-shifts first, lowest first, then up-shifts, highest first: no run moves into
    # the range of one not yet moved
    for low, high, shift in [r for r in runs if r[2] > 0] + [r for r in runs if r[2] < 0][::-1]:
        document.candidates.filter(order__gte=low, order__lte=high).update(order=F("order") - shift)


def _runs(shifts: list[int], rows: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(lowest order, highest order, shift) of each run of rows sharing a non-zero shift."""
    runs: list[tuple[int, int, int]] = []
    for shift, (_pk, order) in zip(shifts, rows, strict=True):
        if runs and runs[-1][2] == shift:
            runs[-1] = (runs[-1][0], order, shift)
        else:
            runs.append((order, order, shift))
    return [run for run in runs if run[2]]


_VERBS: dict[str, str] = {
    Decision.ACCEPTED: "Chấp nhận",
    Decision.REJECTED: "Loại bỏ",
    Decision.PENDING: "Đưa về chưa quyết định",
}


def _label(c: Candidate) -> str:
    return f"mục {c.order}"


# --- edit, accept, reject -----------------------------------------------------------------


@transaction.atomic
def save_candidate(
    user: Any,
    candidate: Candidate,
    edit: CandidateEdit,
    *,
    read_version: int,
    decision: str | None = None,
) -> Candidate:
    """Save the reviewer's edits (and a decision, when given) if nobody saved in between."""
    _require_reviewable(user, candidate.document)
    _check_edit(edit)
    horizon.check(edit.deadline, candidate.document)
    if decision == Decision.ACCEPTED and not edit.lead:
        raise ActionError(str(_NO_LEAD))
    before = snapshot(candidate)
    _claim(candidate, read_version)
    if decision is not None:
        candidate.decision = decision
    _apply(candidate, edit)
    old, new = changed(before, snapshot(candidate))
    verb = _VERBS.get(decision or "", "Sửa")
    record(
        user,
        f"candidate.{decision or 'edited'}",
        f"{verb} nhiệm vụ đề xuất {_label(candidate)}: {candidate.text[:200]}",
        document=candidate.document,
        before=old,
        after=new,
    )
    return candidate


@transaction.atomic
def decide(user: Any, candidate: Candidate, decision: str, *, read_version: int) -> Candidate:
    """Accept, reject, or put back to undecided, without touching the other fields."""
    _require_reviewable(user, candidate.document)
    if decision not in Decision.values:
        raise ActionError(_("Quyết định không hợp lệ: “%(value)s”.") % {"value": decision})
    if decision == Decision.ACCEPTED and not candidate.lead.exists():
        raise ActionError(str(_NO_LEAD))
    before = candidate.decision
    _claim(candidate, read_version)
    candidate.decision = decision
    candidate.save(update_fields=["decision", "version"])
    record(
        user,
        f"candidate.{decision}",
        f"{_VERBS[decision]} nhiệm vụ đề xuất {_label(candidate)}: {candidate.text[:200]}",
        document=candidate.document,
        before={"decision": before},
        after={"decision": decision},
    )
    return candidate


@transaction.atomic
def accept_all(user: Any, document: Document) -> tuple[int, int]:
    """Accept every undecided candidate that has a lead agency; (accepted, left undecided)."""
    _require_reviewable(user, document)
    pending = document.candidates.filter(decision=Decision.PENDING)
    ready = pending.filter(lead__isnull=False).distinct()
    pks = list(ready.values_list("pk", flat=True))
    # by subquery: a list of 30,000 ids would pass SQLite's limit on parameters
    Candidate.objects.filter(pk__in=ready.values("pk")).update(
        decision=Decision.ACCEPTED, version=F("version") + 1
    )
    left = pending.count()
    if pks:
        record(
            user,
            "candidate.accepted_all",
            f"Chấp nhận {len(pks)} nhiệm vụ đề xuất",
            document=document,
            after={"accepted": pks},
        )
    return len(pks), left


# --- boundaries: merge, split, add --------------------------------------------------------


@transaction.atomic
def merge(user: Any, document: Document, ids: Sequence[int]) -> Candidate:
    """Merge two or more candidates into the first of them (in document order).

    The text is the parts joined in order; agencies are the union (a lead stays a lead);
    the deadline is the earliest one given; the span covers all parts. The merged
    candidate goes back to "undecided" for the reviewer to check.
    """
    _require_reviewable(user, document)
    parts = list(
        document.candidates.select_for_update()
        .filter(pk__in=set(ids))
        .prefetch_related("lead", "support")
    )
    if len(parts) < 2:
        raise ActionError(_("Chọn ít nhất hai nhiệm vụ đề xuất để gộp."))
    first, rest = parts[0], parts[1:]
    before = {"orders": [p.order for p in parts], **snapshot(first)}
    lead = [a.pk for p in parts for a in p.lead.all()]
    support = [a.pk for p in parts for a in p.support.all()]
    deadlines = [p.deadline for p in parts if p.deadline is not None]
    starts = [p.start for p in parts if p.start is not None]
    ends = [p.end for p in parts if p.end is not None]
    first.text = "\n".join(p.text.strip() for p in parts)
    first.deadline = min(deadlines) if deadlines else None
    first.recurrence = next((p.recurrence for p in parts if p.recurrence), "")
    first.start, first.end = (min(starts), max(ends)) if starts and ends else (None, None)
    first.groups = list(dict.fromkeys(g for p in parts for g in p.groups))
    first.unmatched = list(dict.fromkeys(u for p in parts for u in p.unmatched))
    first.decision, first.version = Decision.PENDING, first.version + 1
    first.save()
    first.lead.set(list(dict.fromkeys(lead)))
    first.support.set([pk for pk in dict.fromkeys(support) if pk not in set(lead)])
    Candidate.objects.filter(pk__in=[p.pk for p in rest]).delete()
    _renumber(document)
    record(
        user,
        "candidate.merged",
        f"Gộp các mục {', '.join(str(o) for o in before['orders'])} thành một nhiệm vụ",
        document=document,
        before=before,
        after=snapshot(first),
    )
    return first


_SENTENCE_END_RX = re.compile(r"[.;:!?]+(?=\s)|\n")


def sentence_breaks(text: str) -> list[tuple[int, str]]:
    """Where a candidate's text can be split: (offset, the start of what follows).

    An offset is just after a sentence end (. ; : ! ? followed by a space) or a line end,
    with at least two words since the previous break (so "1." or "a)" is not a sentence)
    and text after it.
    """
    breaks: list[tuple[int, str]] = []
    previous = 0
    for m in _SENTENCE_END_RX.finditer(text):
        at = m.end()
        piece, tail = text[previous:at].split(), text[at:].strip()
        if len(piece) >= 2 and tail:
            preview = tail[:60] + ("…" if len(tail) > 60 else "")
            breaks.append((at, preview))
            previous = at
    return breaks


@transaction.atomic
def split(
    user: Any, candidate: Candidate, at: int, *, read_version: int
) -> tuple[Candidate, Candidate]:
    """Split a candidate's text at offset ``at`` into two candidates, both undecided.

    The second part keeps the agencies, deadline and recurrence of the first (the reviewer
    corrects them); its span is found inside the original span when the text is there.
    """
    document = candidate.document
    _require_reviewable(user, document)
    head, tail = candidate.text[:at].strip(), candidate.text[at:].strip()
    if at <= 0 or not head or not tail:
        raise ActionError(_("Không thể tách tại vị trí này: một phần sẽ không có nội dung."))
    before = snapshot(candidate)
    _claim(candidate, read_version)
    tail_start = _find_in_span(document.text, tail, candidate.start, candidate.end)
    old_end = candidate.end
    candidate.text, candidate.decision = head, Decision.PENDING
    if tail_start is not None:
        candidate.end = tail_start
    candidate.save(update_fields=["text", "decision", "end", "version"])
    document.candidates.filter(order__gt=candidate.order).update(order=F("order") + 1)
    second = Candidate.objects.create(
        document=document,
        order=candidate.order + 1,
        start=tail_start,
        end=old_end if tail_start is not None else None,
        text=tail,
        groups=candidate.groups,
        unmatched=candidate.unmatched,
        deadline=candidate.deadline,
        recurrence=candidate.recurrence,
        rule="reviewer:split",
        added_by_reviewer=True,
    )
    second.lead.set(candidate.lead.all())
    second.support.set(candidate.support.all())
    record(
        user,
        "candidate.split",
        f"Tách {_label(candidate)} thành hai nhiệm vụ",
        document=document,
        before=before,
        after={"first": head, "second": tail},
    )
    return candidate, second


def _find_in_span(text: str, part: str, start: int | None, end: int | None) -> int | None:
    if start is None or end is None:
        return None
    probe = part[:40]
    found = text.find(probe, start, end)
    return found if found > start else None


@transaction.atomic
def add_candidate(
    user: Any, document: Document, edit: CandidateEdit, *, quote: str = ""
) -> Candidate:
    """Add a task the engine missed. It is accepted at once when it has a lead agency
    (a person wrote it); ``quote``, when found in the text, gives it its span."""
    _require_reviewable(user, document)
    _check_edit(edit)
    horizon.check(edit.deadline, document)
    quote = quote.strip()
    start = document.text.find(quote) if quote else -1
    span = (start, start + len(quote)) if start >= 0 else (None, None)
    if span[0] is not None:
        after = document.candidates.filter(start__gt=span[0]).order_by("order").first()
    else:
        after = None
    last = document.candidates.aggregate(n=Max("order"))["n"] or 0
    order = after.order if after is not None else last + 1
    document.candidates.filter(order__gte=order).update(order=F("order") + 1)
    candidate = Candidate.objects.create(
        document=document,
        order=order,
        start=span[0],
        end=span[1],
        text=edit.text.strip(),
        deadline=edit.deadline,
        recurrence=edit.recurrence,
        rule="reviewer:added",
        added_by_reviewer=True,
        decision=Decision.ACCEPTED if edit.lead else Decision.PENDING,
    )
    lead = list(dict.fromkeys(edit.lead))
    candidate.lead.set(lead)
    candidate.support.set([pk for pk in dict.fromkeys(edit.support) if pk not in lead])
    _renumber(document)
    candidate.refresh_from_db()
    record(
        user,
        "candidate.added",
        f"Thêm nhiệm vụ bị sót ({_label(candidate)}): {candidate.text[:200]}",
        document=document,
        after=snapshot(candidate),
    )
    return candidate
