"""No internal labels on screen: the extractor's rule names become the reason a task was
proposed, file hashes sit in a folded 'Chi tiết kỹ thuật', worker ids are not shown."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from chidao.documents.models import Candidate, IngestJob, JobState
from chidao.documents.reasons import why_proposed
from tests.web.factories import make_document

TEXT = "1. Giao Sở Tài chính chủ trì rà soát kinh phí.\n2. Sở Y tế: kiểm tra an toàn thực phẩm."


@pytest.mark.parametrize(
    ("rule", "reason"),
    [
        ("trigger:giao", "Có động từ giao việc «giao» kèm tên đơn vị"),
        ("role:chủ trì", "Đơn vị được nêu là đơn vị chủ trì"),
        ("subject:colon", "Tên đơn vị đứng đầu đoạn, trước dấu hai chấm"),
        ("subject:modal", "Đơn vị là chủ ngữ của câu giao việc"),
        (
            "under-heading:enumeration:trigger:yêu cầu",
            "Nằm dưới đề mục nêu tên đơn vị; Một trong các việc liệt kê trong cùng câu; "
            "Có động từ giao việc «yêu cầu» kèm tên đơn vị",
        ),
        ("a-rule-added-tomorrow", "Do máy đề xuất theo mẫu câu giao việc"),
        ("", ""),
    ],
)
def test_each_rule_reads_as_a_reason(rule: str, reason: str) -> None:
    assert why_proposed(rule) == reason


def test_the_review_card_says_why_and_hides_the_rule_name(
    client_for: Callable[[Any], Client], office: Any
) -> None:
    document = make_document(office, text=TEXT)
    for order, rule in enumerate(("trigger:giao", "subject:colon"), 1):
        line = TEXT.split("\n")[order - 1]
        start = TEXT.index(line)
        Candidate.objects.create(
            document=document, order=order, start=start, end=start + len(line), text=line, rule=rule
        )
    page = client_for(office).get(reverse("documents:review", args=[document.pk])).content
    text = page.decode()
    assert "Đề xuất vì: Có động từ giao việc «giao» kèm tên đơn vị" in text
    assert "Đề xuất vì: Tên đơn vị đứng đầu đoạn, trước dấu hai chấm" in text
    assert "trigger:" not in text and "subject:colon" not in text


def test_the_file_hash_is_only_in_the_folded_technical_details(
    client_for: Callable[[Any], Client], office: Any
) -> None:
    document = make_document(office)
    text = client_for(office).get(reverse("documents:detail", args=[document.pk])).content.decode()
    folded = re.search(
        r"<details[^>]*>\s*<summary>Chi tiết kỹ thuật</summary>.*?</details>", text, re.S
    )
    assert folded and document.sha256 in folded.group()
    assert text.count(document.sha256) == 1


def test_the_jobs_page_says_a_job_runs_on_the_server_not_which_worker(
    client_for: Callable[[Any], Client], office: Any
) -> None:
    IngestJob.objects.create(
        filename="chi-thi.txt",
        sha256="c" * 64,
        size=10,
        blob="x",
        state=JobState.RUNNING,
        worker="may-chu-7:48213",
        started_at=datetime(2026, 11, 21, 2, 5, tzinfo=UTC),
    )
    rows = client_for(office).get(reverse("documents:job_rows")).content.decode()
    assert "Đang chạy trên máy chủ từ 09:05 21/11/2026" in rows  # Hà Nội time
    assert "may-chu-7" not in rows and "c" * 16 not in rows
