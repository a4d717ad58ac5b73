"""The review screen: the source with every proposed task marked, a form per task, and
the actions (accept, save, reject, merge, split, add, accept all, register).

Every POST redirects back to the screen (post/redirect/get) with one message; the
changes themselves are made by chidao/documents/review.py and services.py. An action on one
candidate sent by htmx (HX-Request) is answered with that candidate's card alone, its
message inside, and the counters swapped out of band: the source text is not sent again.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, F, OrderBy, Prefetch, Q
from django.db.models.functions import Substr
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chidao.accounts.decorators import office_only
from chidao.audit.models import HistoryEntry
from chidao.common import clock
from chidao.common.errors import ActionError
from chidao.common.params import is_id
from chidao.registry import succession
from chidao.registry.models import Agency
from chidao.registry.services import members_of_group

from . import review, services
from .forms import (
    AddCandidateForm,
    MergeForm,
    RegisterForm,
    SplitForm,
    VersionedCandidateForm,
)
from .highlight import Span, highlight
from .models import Candidate, Decision, Document, DocumentStatus
from .permissions import visible_documents
from .widgets_fast import FAST

PER_PAGE = 50  # candidates on one review page
DOUBTFUL_FIRST = "confidence"  # ?sort=: the least certain proposals first
SOURCE_MAX = 100_000  # characters of the source shown past a page's last span


def _back(document: Document, candidate: Candidate | None = None, sort: str = "") -> HttpResponse:
    url = reverse("documents:review", args=[document.pk])
    sort = DOUBTFUL_FIRST if sort == DOUBTFUL_FIRST else ""
    query = [f"sort={sort}"] if sort else []
    if candidate is not None:
        number = _page_of(document, candidate, sort)
        query += [f"page={number}"] if number > 1 else []
    anchor = f"#c-{candidate.pk}" if candidate is not None else ""
    return redirect(f"{url}{'?' + '&'.join(query) if query else ''}{anchor}")


def _ordering(sort: str) -> list[Any]:
    """The order of the cards: the document's, or the least certain first (the ones a
    reviewer added, with no score, last), then the document's."""
    in_document = ["order", "id"]
    if sort == DOUBTFUL_FIRST:
        return [OrderBy(F("confidence"), nulls_last=True), *in_document]
    return in_document


def _errors(request: HttpRequest, form: Any) -> None:
    for text in _error_texts(form):
        messages.error(request, text)


def _error_texts(form: Any) -> list[str]:
    texts: list[str] = []
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        texts.extend(f"{label}: {error}" if label else error for error in errors)
    return texts


def _htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


# --- the screen ---------------------------------------------------------------------------


@office_only
def review_page(
    request: HttpRequest, pk: int, add_form: AddCandidateForm | None = None
) -> HttpResponse:
    # the text may be megabytes: only the stretch a page shows is read (_source)
    document = get_object_or_404(visible_documents(request.user).defer("text"), pk=pk)
    if document.status == DocumentStatus.REGISTERED:
        messages.info(request, _("Văn bản đã được đăng ký; dưới đây là các nhiệm vụ đã giao."))
        return redirect("documents:detail", pk=document.pk)
    counts, recurring = _tally(document)
    sort = DOUBTFUL_FIRST if request.GET.get("sort") == DOUBTFUL_FIRST else ""
    page = Paginator(range(sum(counts.values())), PER_PAGE).get_page(request.GET.get("page"))
    first = (page.number - 1) * PER_PAGE
    # one more than the page: the last card's "merge with the next one". The ids first
    # (the sort of a 30,000-item directive then moves ids, not texts), then their rows.
    in_order = document.candidates.order_by(*_ordering(sort))  # no join for Meta's "document"
    ids = list(in_order.values_list("pk", flat=True)[first : first + PER_PAGE + 1])
    rows = list(in_order.filter(pk__in=ids).prefetch_related(*_AGENCIES))
    shown, after = rows[:PER_PAGE], (rows[PER_PAGE] if len(rows) > PER_PAGE else None)
    # out of the document's order, a card's neighbour is not the next item: no "merge with
    # the next one", and the source is shown from its start
    followers = [*shown[1:], after] if not sort else [None] * len(shown)
    sizes: dict[str, list[Agency] | None] = {}
    context = {
        "document": document,
        "source": _source(
            document, shown, after if not sort else None, first_page=page.number == 1 or bool(sort)
        ),
        "cards": [
            _card(document, c, following, sizes)
            for c, following in zip(shown, followers, strict=True)
        ],
        "sort": sort,
        "page": page,
        "page_links": list(page.paginator.get_elided_page_range(page.number, on_each_side=2)),
        "counts": counts,
        "add_form": add_form or AddCandidateForm(),
        "add_lead": _chosen(add_form, "lead"),
        "add_support": _chosen(add_form, "support"),
        "history": HistoryEntry.objects.filter(document=document).select_related("actor")[:30],
        "Decision": Decision,
        "recurring": recurring,
    }
    return render(request, "documents/review.html", context)


# a card's chips say who took over a dissolved body (succession.successor_on): its
# successor, and the successor's, come with it instead of one query per chip
_WITH_SUCCESSORS = Agency.objects.select_related("successor__successor")
_AGENCIES = (Prefetch("lead", _WITH_SUCCESSORS), Prefetch("support", _WITH_SUCCESSORS))


def _source(
    document: Document, shown: list[Candidate], after: Candidate | None, *, first_page: bool
) -> SafeString:
    """The stretch of the text this page's candidates stand in, marked: from the first of
    them (the very start on the first page) up to the next page's first, and no more than
    SOURCE_MAX characters past the page's last span. The database cuts the stretch: the
    rest of the text is never loaded."""
    starts = [c.start for c in shown if c.start is not None]
    ends = [c.end for c in shown if c.end is not None]
    start = min(starts) if starts and not first_page else 0
    end = max([start, *ends]) + SOURCE_MAX
    if after is not None and after.start is not None and after.start > start:
        end = min(end, after.start)
    # one character more than shown: whether the text goes on (one read of the column)
    cut = Substr("text", start + 1, end - start + 1)
    read = Document.objects.filter(pk=document.pk).annotate(part=cut).values_list("part")
    part = read.get()[0] or ""
    more, part = len(part) > end - start, part[: end - start]
    spans = [
        Span(c.start - start, c.end - start, str(c.order), c.decision, f"span-{c.pk}")
        for c in shown
        if c.start is not None and c.end is not None
    ]
    marked = highlight(part, spans)
    before = "… " if start > 0 else ""
    tail = " …" if more else ""
    return mark_safe(before + marked + tail)  # highlight escaped the text


def _counts(document: Document) -> dict[str, int]:
    """Candidates per decision, counted by the database."""
    return _tally(document)[0]


def _tally(document: Document) -> tuple[dict[str, int], bool]:
    """Candidates per decision, and whether any recurs: one walk of the
    (document, decision, recurrence) index, however many candidates the document has."""
    counts = dict.fromkeys(Decision.values, 0)
    recurring = Count("pk", filter=~Q(recurrence=""))
    rows = (
        document.candidates.order_by().values_list("decision").annotate(n=Count("pk"), r=recurring)
    )
    recurs = False
    for decision, n, r in rows:
        counts[decision] = n
        recurs = recurs or r > 0
    return counts, recurs


def _page_of(document: Document, c: Candidate, sort: str = "") -> int:
    """The review page that shows ``c`` (in the order ``sort`` names)."""
    if not sort:
        return document.candidates.filter(order__lt=c.order).count() // PER_PAGE + 1
    ids = list(document.candidates.order_by(*_ordering(sort)).values_list("pk", flat=True))
    return ids.index(c.pk) // PER_PAGE + 1 if c.pk in ids else 1


def _chosen(form: AddCandidateForm | None, name: str) -> list[Agency]:
    """The agencies a re-shown (invalid) add form had picked, so none is lost."""
    if form is None:
        return []
    pks = [v for v in form[name].value() or [] if is_id(str(v))]
    return list(Agency.objects.filter(pk__in=pks))


def _card(
    document: Document,
    c: Candidate,
    following: Candidate | None,
    sizes: dict[str, list[Agency] | None],
) -> dict[str, Any]:
    """What a candidate's card shows; ``following`` is the candidate after it, if any."""
    form = VersionedCandidateForm(
        initial={
            "text": c.text,
            "deadline": c.deadline,
            "recurrence": c.recurrence,
            "version": c.version,
        },
        prefix=f"c{c.pk}",
        auto_id=f"id_c{c.pk}_%s",
        renderer=FAST,  # 50 cards a page: their widgets written without the template engine
    )
    members = {label: _members(label, document, sizes) for label in c.groups}
    lead_groups, lead = _grouped(list(c.lead.all()), members)
    support_groups, support = _grouped(list(c.support.all()), members)
    return {
        "c": c,
        "form": form,
        "lead": lead,
        "lead_groups": lead_groups,
        "support": support,
        "support_groups": support_groups,
        "groups": [(label, None if m is None else len(m)) for label, m in members.items()],
        "breaks": review.sentence_breaks(c.text),
        "next": following,
    }


def _members(
    label: str, document: Document, sizes: dict[str, list[Agency] | None]
) -> list[Agency] | None:
    """The bodies the group stood for on the document's date (None: unknown group)."""
    if label not in sizes:
        try:
            sizes[label] = members_of_group(label, on=document.issued_on)
        except KeyError:
            sizes[label] = None
    return sizes[label]


def _grouped(
    chosen: list[Agency], members: dict[str, list[Agency] | None]
) -> tuple[list[dict[str, Any]], list[Agency]]:
    """``chosen`` as the picker shows it: each group the candidate named as one chip over
    the members it holds (two or more; expanded on demand), the other bodies one by one."""
    left = {a.pk: a for a in chosen}
    groups = []
    for label, bodies in members.items():
        held = [left[a.pk] for a in bodies or [] if a.pk in left]
        if len(held) > 1:
            today = clock.today()
            ended = [why for a in held if (why := succession.ended(a, today)) is not None]
            gone = sum(1 for why in ended if why.successor is None)
            groups.append({"label": label, "members": held, "ended": len(ended), "gone": gone})
            for a in held:
                del left[a.pk]
    return groups, [a for a in chosen if a.pk in left]


# --- actions on one candidate -------------------------------------------------------------


def _candidate(request: HttpRequest, pk: int) -> Candidate:
    document_ids = visible_documents(request.user).values("pk")
    return get_object_or_404(
        Candidate.objects.select_related("document").filter(document__in=document_ids), pk=pk
    )


@office_only
@require_POST
def candidate_action(request: HttpRequest, pk: int) -> HttpResponse:
    """Chấp nhận / Lưu (with the edits) or Loại bỏ / Xét lại (decision only)."""
    candidate = _candidate(request, pk)
    action = request.POST.get("action", "save")
    notes = _act(request, candidate, action)
    if _htmx(request):
        return _card_fragment(request, candidate, notes)
    for level, text in notes:
        getattr(messages, level)(request, text)
    return _back(candidate.document, candidate, request.POST.get("sort", ""))


def _act(request: HttpRequest, candidate: Candidate, action: str) -> list[tuple[str, str]]:
    """Carry out ``action``; the messages to show, as (level, text)."""
    form = VersionedCandidateForm(request.POST, prefix=f"c{candidate.pk}")
    try:
        if action in {"reject", "reopen"}:
            version = int(request.POST.get(f"c{candidate.pk}-version", "0"))
            chosen = Decision.REJECTED if action == "reject" else Decision.PENDING
            review.decide(request.user, candidate, chosen, read_version=version)
        elif form.is_valid():
            decision = Decision.ACCEPTED if action == "accept" else None
            review.save_candidate(
                request.user,
                candidate,
                form.edit(),
                read_version=form.cleaned_data["version"],
                decision=decision,
            )
        else:
            return [("error", text) for text in _error_texts(form)]
    except (ActionError, ValueError) as exc:
        text = str(exc) if isinstance(exc, ActionError) else _("Dữ liệu gửi lên không hợp lệ.")
        return [("error", text)]
    return [("success", _done_message(action, candidate))]


def _card_fragment(
    request: HttpRequest, candidate: Candidate, notes: list[tuple[str, str]]
) -> HttpResponse:
    """The candidate's card as it now stands, with ``notes``, and the counters (out of band)."""
    document = candidate.document
    current = document.candidates.prefetch_related(*_AGENCIES).get(pk=candidate.pk)
    following = document.candidates.filter(order__gt=current.order).order_by("order", "id").first()
    context = {
        "document": document,
        "card": _card(document, current, following, {}),
        "notes": notes,
        "counts": _counts(document),
        "sort": DOUBTFUL_FIRST if request.POST.get("sort") == DOUBTFUL_FIRST else "",
    }
    return render(request, "documents/_candidate_update.html", context)


def _done_message(action: str, c: Candidate) -> str:
    texts = {
        "accept": _("Đã chấp nhận mục %(n)s."),
        "reject": _("Đã loại bỏ mục %(n)s."),
        "reopen": _("Mục %(n)s được đưa về chưa quyết định."),
    }
    return texts.get(action, _("Đã lưu mục %(n)s.")) % {"n": c.order}


@office_only
@require_POST
def candidate_split(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = _candidate(request, pk)
    form = SplitForm(request.POST)
    if not form.is_valid():
        _errors(request, form)
        return _back(candidate.document, candidate)
    try:
        first, second = review.split(
            request.user,
            candidate,
            form.cleaned_data["at"],
            read_version=form.cleaned_data["version"],
        )
    except ActionError as exc:
        messages.error(request, str(exc))
        return _back(candidate.document, candidate)
    messages.success(
        request, _("Đã tách thành mục %(a)s và mục %(b)s.") % {"a": first.order, "b": second.order}
    )
    return _back(candidate.document, first)


# --- actions on the document --------------------------------------------------------------


def _document(request: HttpRequest, pk: int) -> Document:
    return get_object_or_404(visible_documents(request.user), pk=pk)


@office_only
@require_POST
def merge(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    posted = [v for v in request.POST.getlist("ids") if is_id(v)]
    choices = list(document.candidates.filter(pk__in=posted).values_list("pk", flat=True))
    form = MergeForm(request.POST, choices=choices)
    if not form.is_valid():
        _errors(request, form)
        return _back(document)
    try:
        merged = review.merge(request.user, document, form.cleaned_data["ids"])
    except ActionError as exc:
        messages.error(request, str(exc))
        return _back(document)
    messages.success(request, _("Đã gộp thành mục %(n)s.") % {"n": merged.order})
    return _back(document, merged)


@office_only
@require_POST
def add(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    form = AddCandidateForm(request.POST)
    if not form.is_valid():
        return review_page(request, pk, add_form=form)
    try:
        added = review.add_candidate(
            request.user, document, form.edit(), quote=form.cleaned_data["quote"]
        )
    except ActionError as exc:
        form.add_error(None, str(exc))
        return review_page(request, pk, add_form=form)
    messages.success(request, _("Đã thêm mục %(n)s.") % {"n": added.order})
    return _back(document, added)


@office_only
@require_POST
def accept_all(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    try:
        accepted, left = review.accept_all(request.user, document)
    except ActionError as exc:
        messages.error(request, str(exc))
        return _back(document)
    messages.success(request, _("Đã chấp nhận %(n)d nhiệm vụ đề xuất.") % {"n": accepted})
    if left:
        messages.warning(
            request,
            _("Còn %(n)d mục chưa có đơn vị chủ trì: chọn đơn vị rồi chấp nhận từng mục.")
            % {"n": left},
        )
    return _back(document)


@office_only
@require_POST
def register(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    form = RegisterForm(request.POST)
    if not form.is_valid():
        _errors(request, form)
        return _back(document)
    try:
        tasks = services.register_document(
            request.user, document, today=clock.today(), **form.options()
        )
    except ActionError as exc:
        messages.error(request, str(exc))
        return _back(document)
    messages.success(request, _("Đã đăng ký văn bản với %(n)d nhiệm vụ.") % {"n": len(tasks)})
    return redirect("documents:detail", pk=document.pk)
