"""Batch import of an archive: every file of a folder or a zip through the upload's ingest.

Contract:

- Each supported file goes through :func:`services.submit_upload` and
  :func:`jobs.run_job`, exactly as an upload does: the same checks, the same
  content-addressed original, the same all-or-nothing Document.
- Idempotent and resumable. A file whose content is already a Document is "already
  present"; a file whose job was cut off (a killed run) is resumed from that job; the
  Document is created in one transaction, so a kill never leaves half of one. A second
  run over the same folder adds nothing.
- A bad file never stops the batch: too large (checked before a byte is read), zip bomb,
  password-protected, corrupt, unsupported — each is reported with its reason.
- ``historical=True``: each new document is registered at once as already carried out
  (an archive of closed directives): every candidate with a lead agency accepted, the
  others rejected, every assignment done on its deadline (or the document's date), each
  step in the history. Otherwise documents wait for review like any upload.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
import zipfile
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import close_old_connections, connection, connections, transaction

from chidao.audit.services import record
from chidao.common import clock
from chidao.common.errors import ActionError
from chidao.common.uploads import DIRECTIVE_TYPES, max_upload_bytes, sha256_of
from chidao.extract.readers import SUFFIXES
from chidao.tracking.services import record_archived

from . import jobs, services
from .models import (
    Candidate,
    Decision,
    Document,
    DocumentStatus,
    ImportStatus,
    IngestJob,
    JobState,
)

log = logging.getLogger(__name__)

IMAGE_TYPES = frozenset(suffix for suffix, kind in SUFFIXES.items() if kind == "image")
ARCHIVE_TYPES = frozenset({".zip"})
# Zip limits: a member may not expand more than MAX_RATIO times (a real document
# compresses 2-10x; a bomb 1000x), nor past the upload limit; the whole archive not
# past MAX_ARCHIVE_BYTES, nor hold more than MAX_MEMBERS files.
MAX_RATIO = 100
MAX_ARCHIVE_BYTES = 2 * 1024**3
MAX_MEMBERS = 10_000
_CHUNK = 1024 * 1024


Status = ImportStatus  # imported, present, failed


@dataclass(frozen=True)
class FileOutcome:
    """What became of one file: ``path`` as the report names it (relative to the root)."""

    path: str
    status: str
    reason: str = ""
    document_id: int | None = None

    @property
    def label(self) -> str:
        return str(Status(self.status).label)


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)

    def of(self, status: str) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def imported(self) -> int:
        return len(self.of(Status.IMPORTED))

    @property
    def present(self) -> int:
        return len(self.of(Status.PRESENT))

    @property
    def failed(self) -> int:
        return len(self.of(Status.FAILED))


@dataclass(frozen=True)
class Options:
    user: Any = None
    today: date | None = None
    historical: bool = False


Progress = Callable[[FileOutcome], None]


def supported_types() -> frozenset[str]:
    """File suffixes an import picks up: what an upload takes, images, and zips."""
    return frozenset(DIRECTIVE_TYPES) | IMAGE_TYPES | ARCHIVE_TYPES


def collect(root: Path) -> list[Path]:
    """Supported files below ``root`` (hidden ones skipped), in a stable order."""
    if root.is_file():
        return [root]
    kinds = supported_types()
    return [
        p
        for p in sorted(root.rglob("*"))
        if p.is_file()
        and p.suffix.lower() in kinds
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    ]


def import_directory(
    root: Path,
    options: Options,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
    scratch: Path | None = None,
    skip: Collection[str] = (),
) -> ImportReport:
    """Import every supported file below ``root`` (a folder, or one file such as a zip).

    Zips are unpacked into ``scratch`` (a temporary folder when None), which is emptied
    and removed at the end whatever happens. Files whose label is in ``skip`` (reported by
    an earlier, interrupted run) are left out of the run and of the report.
    """
    base = root if root.is_dir() else root.parent
    with _scratch(scratch) as tmp:
        items, refused = _expand(collect(root), base, tmp)
        report = ImportReport([o for o in refused if o.path not in skip])
        for outcome in report.outcomes:
            if progress:
                progress(outcome)
        for outcome in _run([i for i in items if i[1] not in skip], options, jobs):
            report.outcomes.append(outcome)
            if progress:
                progress(outcome)
    report.outcomes.sort(key=lambda o: o.path)
    return report


@contextmanager
def _scratch(folder: Path | None) -> Iterator[Path]:
    """``folder`` emptied (a killed run's leftovers go), or a fresh temporary one; removed
    when the block ends, however it ends."""
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="chidao-import-"))
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def count_files(root: Path) -> int:
    """How many files an import of ``root`` will report on (zips counted by their members)."""
    total = 0
    for path in collect(root):
        if path.suffix.lower() in ARCHIVE_TYPES:
            try:
                with zipfile.ZipFile(path) as archive:
                    total += sum(1 for i in archive.infolist() if not i.is_dir()) or 1
            except (zipfile.BadZipFile, OSError):
                total += 1
        else:
            total += 1
    return total


# --- running the files ---------------------------------------------------------------------


def _run(items: list[tuple[Path, str]], options: Options, jobs: int) -> Iterator[FileOutcome]:
    if jobs <= 1:
        for path, label in items:
            yield import_file(path, label, options)
        return
    # Threads: the slow part (OCR) runs in Tesseract processes, and the database sees one
    # connection per thread (SQLite's IMMEDIATE transactions queue the writers).
    with ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="import") as pool:
        yield from pool.map(lambda item: _in_thread(item, options), items)


def _in_thread(item: tuple[Path, str], options: Options) -> FileOutcome:
    path, label = item
    try:
        return import_file(path, label, options)
    finally:
        connections.close_all()  # this thread's connection; the pool's threads end after


def import_file(path: Path, label: str, options: Options) -> FileOutcome:
    """Ingest one file; never raises (a bad file is an outcome with its reason)."""
    if not connection.in_atomic_block:  # a caller's transaction must keep its connection
        close_old_connections()
    try:
        return _import(path, label, options)
    except ValidationError as exc:
        return FileOutcome(label, Status.FAILED, " ".join(exc.messages))
    except ActionError as exc:
        return FileOutcome(label, Status.FAILED, str(exc))
    except OSError as exc:
        return FileOutcome(label, Status.FAILED, f"Không đọc được tệp: {exc.strerror or exc}")
    except Exception as exc:  # a bug must not stop the batch; reported per file
        log.exception("import of %s failed", path)
        return FileOutcome(label, Status.FAILED, f"Lỗi không mong đợi: {type(exc).__name__}: {exc}")


def _import(path: Path, label: str, options: Options) -> FileOutcome:
    size = path.stat().st_size
    limit = max_upload_bytes()
    if size > limit:  # before reading a byte: a 2 GB file is refused at once
        return FileOutcome(label, Status.FAILED, _too_large(size, limit))
    with path.open("rb") as fh:
        upload = UploadedFile(fh, name=path.name, size=size)
        digest = sha256_of(upload)
        existing = Document.objects.filter(sha256=digest).first()
        job = None if existing else _resumable_job(digest)
        if existing is None and job is None:
            submitted = services.submit_upload(options.user, upload, queue=False)
            existing, job = submitted.existing, submitted.job
    if existing is not None:
        return _done(label, Status.PRESENT, existing, options)
    assert job is not None
    job = _run_here(job.pk, options.today)
    if job.state == JobState.DONE and job.document is not None:
        return _done(label, Status.IMPORTED, job.document, options)
    if job.state == JobState.DUPLICATE and job.document is not None:
        return _done(label, Status.PRESENT, job.document, options)
    return FileOutcome(label, Status.FAILED, job.error or job.get_state_display())


def _run_here(job_id: int, today: date | None) -> IngestJob:
    """Run the ingest job in this process; when a live worker holds it (a worker
    recovered it first, after a kill), wait for that worker's outcome."""
    job = jobs.run_job(job_id, today=today)
    while not job.finished:
        time.sleep(0.5)
        job = jobs.run_job(job_id, today=today)
    return job


def _resumable_job(digest: str) -> IngestJob | None:
    """A job for this content cut off before it finished (a killed run), to run again.

    Its stored original must be whole; a partly written one is removed, and its job
    closed, so the file is submitted afresh.
    """
    job = (
        IngestJob.objects.filter(sha256=digest, state__in=[JobState.QUEUED, JobState.RUNNING])
        .order_by("pk")
        .first()
    )
    if job is None:
        return None
    if default_storage.exists(job.blob) and default_storage.size(job.blob) == job.size:
        return job
    if default_storage.exists(job.blob):
        default_storage.delete(job.blob)
    IngestJob.objects.filter(pk=job.pk).update(
        state=JobState.FAILED, error="Lượt nhập bị gián đoạn; tệp đã được nhập lại."
    )
    return None


def _done(label: str, status: str, document: Document, options: Options) -> FileOutcome:
    if options.historical and document.status == DocumentStatus.REVIEW:
        register_historical(options.user, document, today=options.today or clock.today())
    return FileOutcome(label, status, document_id=document.pk)


def _too_large(size: int, limit: int) -> str:
    mib = 1024 * 1024
    return f"Tệp quá lớn: {size / mib:,.1f} MB, giới hạn {limit / mib:,.0f} MB."


# --- historical registration ---------------------------------------------------------------


@transaction.atomic
def register_historical(user: Any, document: Document, *, today: date) -> int:
    """Register an archived directive as already carried out; the number of assignments.

    Candidates with a lead agency are accepted, the rest rejected; every assignment is
    done on its deadline, else on the document's date, else ``today``. All or nothing.
    """
    candidates = Candidate.objects.filter(document=document)
    with_lead = set(candidates.filter(lead__isnull=False).values_list("pk", flat=True))
    candidates.filter(pk__in=with_lead).update(decision=Decision.ACCEPTED)
    candidates.exclude(pk__in=with_lead).update(decision=Decision.REJECTED)
    as_of = document.issued_on or today
    services.register_document(user, document, today=min(as_of, today))
    count = record_archived(user, document.pk, fallback=as_of)
    record(
        user,
        "document.archived",
        f"Nhập văn bản lưu trữ {document.title}: {count} phân công đã hoàn thành",
        document=document,
    )
    return count


# --- zips ----------------------------------------------------------------------------------


def _expand(
    paths: Iterable[Path], base: Path, scratch: Path
) -> tuple[list[tuple[Path, str]], list[FileOutcome]]:
    """Files to import (path, label) with zips unpacked into ``scratch``; refused members."""
    items: list[tuple[Path, str]] = []
    refused: list[FileOutcome] = []
    for n, path in enumerate(paths):
        label = str(path.relative_to(base)) if path.is_relative_to(base) else path.name
        if path.suffix.lower() not in ARCHIVE_TYPES:
            items.append((path, label))
            continue
        got, bad = unpack_zip(path, scratch / str(n), label)
        items.extend(got)
        refused.extend(bad)
    return items, refused


def unpack_zip(
    archive: Path, dest: Path, label: str
) -> tuple[list[tuple[Path, str]], list[FileOutcome]]:
    """Unpack the supported members of ``archive`` safely; (files, refused members).

    Checked before and while unpacking: member count, each member's size and compression
    ratio (the declared ones, then the bytes actually produced), the total, names that
    would escape ``dest``, encrypted members, nested archives.
    """
    try:
        if archive.stat().st_size > MAX_ARCHIVE_BYTES:
            return [], [FileOutcome(label, Status.FAILED, "Tệp nén quá lớn.")]
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        return [], [FileOutcome(label, Status.FAILED, f"Tệp nén bị hỏng: {exc}")]
    files: list[tuple[Path, str]] = []
    refused: list[FileOutcome] = []
    with zf:
        members = [i for i in zf.infolist() if not i.is_dir()]
        if len(members) > MAX_MEMBERS:
            return [], [FileOutcome(label, Status.FAILED, f"Tệp nén có hơn {MAX_MEMBERS} tệp.")]
        budget = MAX_ARCHIVE_BYTES
        for n, info in enumerate(members):
            name = f"{label}/{info.filename}"
            reason = _member_problem(info, budget)
            if reason is None:
                target = dest / f"{n:05d}" / (PurePosixPath(info.filename).name or "tep")
                reason = _extract(zf, info, target)
            if reason is not None:
                refused.append(FileOutcome(name, Status.FAILED, reason))
                continue
            budget -= info.file_size
            files.append((target, name))
    return files, refused


def _member_problem(info: zipfile.ZipInfo, budget: int) -> str | None:
    suffix = PurePosixPath(info.filename).suffix.lower()
    parts = PurePosixPath(info.filename.replace("\\", "/")).parts
    if info.filename.startswith("/") or ".." in parts:
        return "Tên tệp trong tệp nén không hợp lệ."
    if suffix in ARCHIVE_TYPES:
        return "Tệp nén lồng trong tệp nén không được nhận."
    if suffix not in supported_types():
        return f"Định dạng {suffix or '(không có đuôi)'} không được nhận."
    if info.flag_bits & 0x1:
        return "Tệp được bảo vệ bằng mật khẩu."
    if info.file_size > _CHUNK and info.file_size > MAX_RATIO * max(1, info.compress_size):
        return f"Nghi là “bom nén” (tỷ lệ nén hơn {MAX_RATIO} lần): bị từ chối."
    limit = max_upload_bytes()
    if info.file_size > limit:
        return _too_large(info.file_size, limit)
    if info.file_size > budget:
        return "Tổng dung lượng giải nén vượt giới hạn."
    return None


def _extract(zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path) -> str | None:
    """Copy one member, stopping at its declared size (a lying header is a bomb)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    try:
        with zf.open(info) as src, target.open("wb") as out:
            while chunk := src.read(_CHUNK):
                written += len(chunk)
                if written > info.file_size or written > max_upload_bytes():
                    raise _Bomb()
                out.write(chunk)
    except _Bomb:
        target.unlink(missing_ok=True)
        return "Nghi là “bom nén” (giải nén vượt kích thước khai báo): bị từ chối."
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as exc:
        target.unlink(missing_ok=True)
        return f"Không giải nén được: {exc}"
    return None


class _Bomb(Exception):
    pass
