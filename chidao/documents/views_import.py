"""Import of an archive from the web: the Office uploads a .zip, gets the per-file report.

The zip is processed in the request (chidao/documents/batch.py does the work, the same
as ``chidao import``), within the size limit ``CHIDAO_MAX_IMPORT_MB`` (default 200).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chidao.accounts.decorators import office_only
from chidao.common import clock

from .batch import MAX_RATIO, Options, import_directory


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
    report = None
    if posted and form.is_valid():
        options = Options(
            user=request.user, today=clock.today(), historical=form.cleaned_data["historical"]
        )
        with tempfile.TemporaryDirectory(prefix="chidao-zip-") as tmp:
            path = Path(tmp) / "kho.zip"
            with path.open("wb") as out:
                for chunk in form.cleaned_data["archive"].chunks():
                    out.write(chunk)
            report = import_directory(path, options)
    context = {
        "form": form,
        "report": report,
        "max_mb": max_import_mb(),
        "max_file_mb": settings.CHIDAO_MAX_UPLOAD_MB,
        "max_ratio": MAX_RATIO,
    }
    return render(request, "documents/import.html", context, status=200)
