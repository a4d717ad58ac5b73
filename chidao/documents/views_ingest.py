"""Ingest pages: upload, the jobs list (polled with htmx), documents, a document, its original."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from chidao.accounts.decorators import office_only
from chidao.accounts.roles import is_office
from chidao.audit.models import HistoryEntry
from chidao.common.errors import ActionError
from chidao.common.uploads import DIRECTIVE_TYPES
from chidao.tracking.models import Task
from chidao.tracking.permissions import visible_assignments
from chidao.tracking.views_history import timeline
from chidao.workers import beats

from . import services
from .facts_form import form_for
from .forms import DocumentSearchForm, UploadForm
from .models import Candidate, Document, IngestJob
from .permissions import visible_documents

# --- upload and jobs ----------------------------------------------------------------------


@office_only
def upload(request: HttpRequest) -> HttpResponse:
    posted = request.method == "POST"
    form = UploadForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        queued = _submit_all(request, form.cleaned_data["uploads"])
        return redirect("documents:jobs" if queued else "documents:upload")
    context = {
        "form": form,
        "accept": ",".join(sorted(DIRECTIVE_TYPES)),
        "formats": ", ".join(sorted(DIRECTIVE_TYPES)),
        "max_mb": settings.CHIDAO_MAX_UPLOAD_MB,
        "max_files": settings.CHIDAO_MAX_FILES_PER_UPLOAD,
    }
    return render(request, "documents/upload.html", context)


def _submit_all(request: HttpRequest, files: list[Any]) -> int:
    """Submit each file; one message per refused or already-known file. Jobs queued."""
    queued = 0
    for f in files:
        try:
            outcome = services.submit_upload(request.user, f)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            continue
        if outcome.existing is not None:
            messages.warning(request, _already_there(outcome.filename, outcome.existing))
        else:
            queued += 1
    if queued:
        messages.success(request, _("Đã nhận %(n)d tệp; hệ thống đang trích xuất.") % {"n": queued})
    return queued


def _already_there(filename: str, document: Document) -> str:
    return format_html(
        '{} <a href="{}">{}</a>',
        _("Tệp “%(name)s” đã có trong hệ thống:") % {"name": filename},
        reverse("documents:detail", args=[document.pk]),
        document.title,
    )


def _jobs_page(request: HttpRequest) -> dict[str, Any]:
    jobs = IngestJob.objects.select_related("document", "created_by")
    page = Paginator(jobs, 50).get_page(request.GET.get("page"))
    unfinished = any(not job.finished for job in page.object_list)
    no_worker = beats.database_workers_expected() and not beats.alive()
    return {"page": page, "jobs": page.object_list, "polling": unfinished, "no_worker": no_worker}


@office_only
@require_GET
def jobs(request: HttpRequest) -> HttpResponse:
    return render(request, "documents/jobs.html", _jobs_page(request))


@office_only
@require_GET
def job_rows(request: HttpRequest) -> HttpResponse:
    """The table body alone, polled every 2 s while a job is unfinished."""
    return render(request, "documents/_job_rows.html", _jobs_page(request))


@office_only
@require_POST
def job_retry(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(IngestJob, pk=pk)
    try:
        services.retry_job(request.user, job)
    except ActionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Đã đưa “%(name)s” vào hàng đợi lại.") % {"name": job.filename})
    return redirect("documents:jobs")


# --- documents ----------------------------------------------------------------------------

# What the list never reads: the text and what the engine made of it (megabytes for a
# large directive)
HEAVY_FIELDS = ("text", "extraction", "warnings")
DETAIL_PER_PAGE = 50  # tasks a page, and proposed tasks listed, on a document's page


def _documents(user: Any, q: str) -> QuerySet[Document]:
    """The user's documents, light: counts by subquery (no GROUP BY over the documents'
    columns) and the heavy fields deferred, so one huge directive costs nothing here."""
    qs = (
        visible_documents(user)
        .defer(*HEAVY_FIELDS)
        .annotate(
            n_candidates=_count(Candidate.objects.all()),
            n_tasks=_count(Task.objects.filter(series__isnull=True)),
        )
    )
    if q:
        qs = qs.filter(Q(number__icontains=q) | Q(subject__icontains=q) | Q(filename__icontains=q))
    return qs.order_by("-uploaded_at", "-id")


def _count(rows: QuerySet[Any]) -> Coalesce:
    """How many of ``rows`` belong to the outer document: a correlated subquery."""
    per_document = rows.filter(document=OuterRef("pk")).order_by().values("document")
    return Coalesce(Subquery(per_document.annotate(n=Count("pk")).values("n")), 0)


@login_required
@require_GET
def document_list(request: HttpRequest) -> HttpResponse:
    form = DocumentSearchForm(request.GET)
    q = form.cleaned_data["q"].strip() if form.is_valid() else ""
    page = Paginator(_documents(request.user, q), 25).get_page(request.GET.get("page"))
    return render(request, "documents/list.html", {"form": form, "q": q, "page": page})


@login_required
@require_GET
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(visible_documents(request.user), pk=pk)
    return detail_page(request, document)


def detail_page(
    request: HttpRequest, document: Document, *, facts_form: Any = None, status: int = 200
) -> HttpResponse:
    """The document's page; ``facts_form`` re-shows a refused correction of its facts.
    Its tasks come DETAIL_PER_PAGE a page, and its proposed tasks DETAIL_PER_PAGE at most
    (the review screen pages them all): a directive of 30,000 items is a page like any."""
    office = is_office(request.user)
    tasks = Paginator(_tasks_with_assignments(request.user, document), DETAIL_PER_PAGE)
    page = tasks.get_page(request.GET.get("page"))
    candidates = document.candidates.only("pk", "document_id", "order", "text", "decision")
    context = {
        "document": document,
        "tasks": page,
        "page": page,
        "page_links": list(tasks.get_elided_page_range(page.number, on_each_side=2)),
        "candidates": candidates[:DETAIL_PER_PAGE] if office else [],
        "n_candidates": candidates.count() if office else 0,
        "history": timeline(_history(document)) if office else [],
        "can_review": office,
        "facts_form": (facts_form or form_for(document)) if office else None,
    }
    return render(request, "documents/detail.html", context, status=status)


def _tasks_with_assignments(user: Any, document: Document) -> QuerySet[Task]:
    """The document's tasks that carry assignments (one-off tasks and the periods of a
    recurring one), each with the assignments this user may see."""
    shown = visible_assignments(user).select_related("agency").order_by("role", "agency__name")
    return (
        Task.objects.filter(document=document, pk__in=shown.values("task_id"))
        .select_related("series")
        .prefetch_related(Prefetch("assignments", queryset=shown, to_attr="shown"))
        .order_by("order", "period_start", "id")
    )


def _history(document: Document) -> QuerySet[HistoryEntry]:
    return HistoryEntry.objects.filter(document=document, task__isnull=True).select_related("actor")


@login_required
@require_GET
def original(request: HttpRequest, pk: int) -> FileResponse:
    """The original file, unchanged, as an attachment (never rendered in the browser)."""
    document = get_object_or_404(visible_documents(request.user), pk=pk)
    handle = document.original.open("rb")
    return FileResponse(handle, as_attachment=True, filename=document.filename)
