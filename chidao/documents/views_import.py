"""Import of an archive from the web: the Office uploads a .zip; a worker imports it.

The request only checks the archive (within ``CHIDAO_MAX_IMPORT_MB``, default 200; the
body cap of chidao/web/limits.py holds before it is read), stores it and queues the job
(chidao/documents/imports.py), then shows the job's page: files done of the total, and
what became of each file, polled with htmx until the job ends.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Case, Count, IntegerField, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from chidao.accounts.decorators import office_only
from chidao.workers import beats

from .batch import MAX_RATIO
from .imports import start_import
from .models import ImportJob, ImportStatus


def max_import_mb() -> int:
    return int(settings.CHIDAO_MAX_IMPORT_MB)


class ImportForm(forms.Form):
    archive = forms.FileField(label=gettext_lazy("Tệp nén .zip chứa các văn bản"))
    historical = forms.BooleanField(
        label=gettext_lazy("Văn bản lưu trữ đã hoàn thành: đăng ký luôn, không qua rà soát"),
        required=False,
    )

    def clean_archive(self) -> object:
        upload = self.cleaned_data["archive"]
        name = upload.name or ""
        if not name.lower().endswith(".zip"):
            raise forms.ValidationError(_("Chỉ nhận tệp nén .zip."))
        if upload.size > max_import_mb() * 1024 * 1024:
            raise forms.ValidationError(
                _("Tệp nén vượt giới hạn %(mb)s MB.") % {"mb": max_import_mb()}
            )
        upload.seek(0)
        if upload.read(4) != b"PK\x03\x04":
            raise forms.ValidationError(_("Tệp không phải tệp nén .zip hợp lệ."))
        upload.seek(0)
        return upload


@office_only
def import_archive(request: HttpRequest) -> HttpResponse:
    posted = request.method == "POST"
    form = ImportForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        job = start_import(
            request.user, form.cleaned_data["archive"], historical=form.cleaned_data["historical"]
        )
        return redirect("documents:import_job", pk=job.pk)
    context = {
        "form": form,
        "max_mb": max_import_mb(),
        "max_file_mb": settings.CHIDAO_MAX_UPLOAD_MB,
        "max_ratio": MAX_RATIO,
        "recent": ImportJob.objects.select_related("created_by")[:10],
    }
    return render(request, "documents/import.html", context)


@office_only
@require_GET
def import_job(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "documents/import_job.html", _progress(request, pk))


@office_only
@require_GET
def import_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress block alone, polled every 2 s while the job waits or runs."""
    return render(request, "documents/_import_progress.html", _progress(request, pk))


def _progress(request: HttpRequest, pk: int) -> dict[str, Any]:
    job = get_object_or_404(ImportJob.objects.select_related("created_by"), pk=pk)
    counts = dict(job.items.order_by().values_list("status").annotate(n=Count("id")))
    failed_first = Case(
        When(status=ImportStatus.FAILED, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    items = job.items.annotate(failed_first=failed_first).order_by("failed_first", "path")
    page = Paginator(items, 100).get_page(request.GET.get("page"))
    done = sum(counts.values())
    return {
        "job": job,
        "page": page,
        "done": done,
        "total": max(job.total, done),
        "imported": counts.get(ImportStatus.IMPORTED, 0),
        "present": counts.get(ImportStatus.PRESENT, 0),
        "failed": counts.get(ImportStatus.FAILED, 0),
        "polling": not job.finished,
        "no_worker": not job.finished and beats.database_workers_expected() and not beats.alive(),
    }
