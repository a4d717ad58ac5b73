"""Build registered tasks and assignments directly through the services (no pages)."""

from __future__ import annotations

from datetime import date
from typing import Any

from chidao.documents.models import Document
from chidao.registry.models import Agency
from chidao.tracking.models import Assignment, Task
from chidao.tracking.services import NewTask, create_task

_counter = iter(range(1, 10**9))


def make_document(user: Any = None, **fields: Any) -> Document:
    n = next(_counter)
    defaults: dict[str, Any] = {
        "sha256": f"{n:064x}",
        "original": f"originals/test/{n}.txt",
        "filename": f"van-ban-{n}.txt",
        "size": 10,
        "format": "text",
        "kind": "Công văn",
        "number": f"{n}/UBND-KT",
        "issued_on": date(2026, 10, 1),
        "issuer": "UBND Thành phố Hà Nội",
        "text": "Giao Sở Tài chính chủ trì thực hiện.",
        "uploaded_by": user,
    }
    defaults.update(fields)
    return Document.objects.create(**defaults)


def make_task(
    user: Any,
    agencies: list[Agency],
    *,
    deadline: date | None = None,
    support: list[Agency] = (),  # type: ignore[assignment]
    recurrence: str = "",
    document: Document | None = None,
    today: date = date(2026, 11, 21),
    text: str = "Rà soát, báo cáo kết quả thực hiện.",
    recur_from: date | None = None,
) -> Task:
    document = document or make_document(user)
    new = NewTask(
        text=text,
        lead=[a.pk for a in agencies],
        support=[a.pk for a in support],
        deadline=deadline,
        recurrence=recurrence,
        recur_from=recur_from,
    )
    return create_task(user, document, new, order=1, today=today)


def assignment_of(task: Task, agency: Agency) -> Assignment:
    return Assignment.objects.get(task=task, agency=agency)
