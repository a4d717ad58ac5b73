"""Every page, tried as the wrong user: an officer of another agency, a leader trying to
change something, an officer on the Office's pages, and nobody logged in.

The table covers every URL of the page apps; a new page that is not in it fails
``test_every_page_is_in_the_table``. (The API has its own table:
tests/web/test_api_permissions.py.)
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from chidao.documents.models import Candidate, ImportJob, IngestJob, JobState
from chidao.reminders.models import Flag, Notification
from chidao.tracking import services
from chidao.tracking.views_actions import STEPS
from tests.web.factories import assignment_of, make_document, make_task
from tests.web.indicator_support import make_indicator

SECRET = "Nhiệm vụ mật của Sở Tài chính"
PAGE_NAMESPACES = (
    "documents", "tracking", "registry", "reminders", "reports", "indicators", "search",
    "accounts", "leader",
)  # fmt: skip


@dataclass(frozen=True)
class Page:
    name: str
    kwargs_of: str | None  # which fixture object gives the pk
    office_only: bool = False
    post_only: bool = False
    lists_everything: bool = False  # a list: the wrong agency gets 200 without A's rows
    own_only: bool = False  # acts on the user's own things only (mark my notifications read)


PAGES = [
    Page("registry:autocomplete", None, lists_everything=True),
    Page("documents:list", None, lists_everything=True),
    Page("documents:upload", None, office_only=True),
    Page("documents:import", None, office_only=True),
    Page("documents:import_job", "import_job", office_only=True),
    Page("documents:import_progress", "import_job", office_only=True),
    Page("documents:jobs", None, office_only=True),
    Page("documents:job_rows", None, office_only=True),
    Page("documents:job_retry", "job", office_only=True, post_only=True),
    Page("documents:detail", "document"),
    Page("documents:original", "document"),
    Page("documents:facts", "document", office_only=True, post_only=True),
    Page("documents:review", "draft", office_only=True),
    Page("documents:merge", "draft", office_only=True, post_only=True),
    Page("documents:add", "draft", office_only=True, post_only=True),
    Page("documents:accept_all", "draft", office_only=True, post_only=True),
    Page("documents:register", "draft", office_only=True, post_only=True),
    Page("documents:candidate", "candidate", office_only=True, post_only=True),
    Page("documents:split", "candidate", office_only=True, post_only=True),
    Page("documents:successor", "candidate", office_only=True, post_only=True),
    Page("documents:unlisted", "candidate", office_only=True, post_only=True),
    Page("tracking:my_assignments", None, lists_everything=True),
    Page("tracking:assignments", None, lists_everything=True),
    Page("tracking:task_detail", "task"),
    Page("tracking:assignment_detail", "assignment"),
    Page("tracking:assignment_action", "assignment", post_only=True),
    Page("tracking:decide_extension", "extension", office_only=True, post_only=True),
    Page("tracking:attachment", "attachment"),
    Page("tracking:awaiting", None, office_only=True),
    Page("tracking:extensions", None, office_only=True),
    Page("tracking:dashboard", None, lists_everything=True),
    Page("tracking:dashboard_agencies", None, lists_everything=True),
    Page("leader:overview", None, lists_everything=True),
    Page("reminders:index", None, office_only=True),
    Page("reminders:remind", None, office_only=True, post_only=True),
    Page("reminders:remind_one", "assignment", office_only=True, post_only=True),
    Page("reminders:runs", None, office_only=True),
    Page("reminders:flagged", None, lists_everything=True),
    Page("reminders:clear_flag", "assignment", office_only=True, post_only=True),
    Page("reminders:notifications", None, lists_everything=True),
    Page("reminders:open_notification", "notification"),
    Page("reminders:read", "notification", post_only=True),
    Page("reminders:read_all", None, post_only=True, own_only=True),
    Page("reports:giao_ban", None, lists_everything=True),
    Page("reports:xlsx", None, lists_everything=True),
    Page("reports:docx", None, lists_everything=True),
    Page("reports:pdf", None, lists_everything=True),
    Page("indicators:list", None, lists_everything=True),
    Page("indicators:create", None, office_only=True),
    Page("indicators:detail", "indicator"),
    Page("indicators:edit", "indicator", office_only=True),
    Page("indicators:enter_value", "indicator", post_only=True),
    Page("indicators:review", "draft", office_only=True),
    Page("indicators:accept", "draft", office_only=True, post_only=True),
    Page("indicators:skip", "draft", office_only=True, post_only=True),
    Page("search:results", None, lists_everything=True),
    # one's own account: anyone signed in, acting on themselves only
    Page("accounts:profile", None, lists_everything=True),
    Page("accounts:password", None, lists_everything=True),
    Page("accounts:token_issue", None, post_only=True, own_only=True),
    Page("accounts:token_revoke", None, post_only=True, own_only=True),
    # the administrator's (officers and leaders are refused like on the Office's pages)
    Page("accounts:users", None, office_only=True),
    Page("accounts:reset_password", "user", office_only=True, post_only=True),
    Page("accounts:agencies", None, office_only=True),
    Page("accounts:decide_agency", "agency", office_only=True, post_only=True),
]


def _names(patterns: list[URLPattern | URLResolver], ns: str | None = None) -> set[str]:
    found: set[str] = set()
    for p in patterns:
        if isinstance(p, URLResolver):
            found |= _names(p.url_patterns, p.namespace or ns)
        elif ns in PAGE_NAMESPACES and p.name:
            found.add(f"{ns}:{p.name}")
    return found


def test_every_page_is_in_the_table() -> None:
    assert _names(get_resolver().url_patterns) == {p.name for p in PAGES}


@pytest.fixture
def objects(office: Any, officer_a: Any, agency_a: Any) -> dict[str, Any]:
    """Agency A's (Sở Tài chính's) things: a registered directive, its task and
    assignment with a report, evidence and a pending extension; a draft under review."""
    today = date(2026, 11, 21)
    document = make_document(office, number="77/UBND-TC")
    task = make_task(
        office, [agency_a], deadline=today + timedelta(days=5), document=document, text=SECRET
    )
    a = assignment_of(task, agency_a)
    evidence = SimpleUploadedFile("minh-chung.pdf", b"%PDF-1.4 bi mat", "application/pdf")
    report = services.report_progress(officer_a, a, SECRET, 50, [evidence])
    extension = services.request_extension(
        officer_a, a, today + timedelta(days=30), "Chờ số liệu.", today=today
    )
    draft = make_document(office, number="78/UBND-TC")
    candidate = Candidate.objects.create(document=draft, order=1, text=SECRET)
    job = IngestJob.objects.create(
        filename="x.txt", sha256="f" * 64, size=1, blob="originals/x.txt", state=JobState.FAILED
    )
    import_job = ImportJob.objects.create(filename="kho.zip", size=1, created_by=office)
    notification = Notification.objects.create(user=officer_a, assignment=a, text=SECRET)
    Flag.objects.create(assignment=a, flagged_at=timezone.now(), reminders=3)
    indicator = make_indicator(office, agency_a, name=SECRET)
    return {
        "notification": notification,
        "indicator": indicator,
        "document": document,
        "task": task,
        "assignment": a,
        "attachment": report.attachments.get(),
        "extension": extension,
        "draft": draft,
        "candidate": candidate,
        "job": job,
        "import_job": import_job,
        "user": officer_a,
        "agency": agency_a,
    }


def _urls(page: Page, objects: dict[str, Any]) -> list[str]:
    if page.kwargs_of is None:
        return [reverse(page.name)]
    pk = objects[page.kwargs_of].pk
    if page.name == "tracking:assignment_action":
        return [reverse(page.name, kwargs={"pk": pk, "slug": slug}) for slug in STEPS]
    return [reverse(page.name, kwargs={"pk": pk})]


def _text_of(response: Any) -> str:
    """A page's text; for an XLSX/DOCX download, the text of every XML part inside it."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(content)) as z:
            return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    if content.startswith(b"%PDF"):
        return ""  # compressed text; the scope is checked on the page and the other files
    return content.decode()


def _post_data(objects: dict[str, Any]) -> dict[str, Any]:
    """Plausible form data, so a refusal is about who asks, not about a missing field."""
    return {
        "text": "x", "reason": "x", "note": "x", "progress": 10, "version": 1,
        "action": "accept", "ids": [objects["candidate"].pk], "decision": "grant",
        "actual": "10", "period": "2026-11", "name": "x", "unit": "%", "target": "1",
    }  # fmt: skip


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_an_officer_of_another_agency_sees_nothing_of_agency_a(
    page: Page, objects: dict[str, Any], officer_b: Any, client_for: Any
) -> None:
    c = client_for(officer_b)
    for url in _urls(page, objects):
        if page.post_only:
            r = c.post(url, _post_data(objects))
            assert r.status_code in ((302,) if page.own_only else (403, 404)), url
            continue
        r = c.get(url, {"q": "Nhiệm vụ mật"} if page.lists_everything else {})
        if page.lists_everything:
            assert r.status_code in (200, 302), url
            assert SECRET not in _text_of(r), url
        else:
            assert r.status_code in (403, 404), url
    objects["assignment"].refresh_from_db()
    assert objects["assignment"].progress == 50


@pytest.mark.parametrize("page", [p for p in PAGES if p.post_only], ids=lambda p: p.name)
def test_a_leader_changes_nothing(
    page: Page, objects: dict[str, Any], leader: Any, client_for: Any
) -> None:
    c = client_for(leader)
    for url in _urls(page, objects):
        allowed = (302, 403, 404) if page.own_only else (403, 404)
        assert c.post(url, _post_data(objects)).status_code in allowed, url
    a = objects["assignment"]
    a.refresh_from_db()
    assert (a.progress, a.version) == (50, 2)


@pytest.mark.parametrize("page", [p for p in PAGES if p.office_only], ids=lambda p: p.name)
def test_an_officer_of_agency_a_cannot_use_the_offices_pages(
    page: Page, objects: dict[str, Any], officer_a: Any, client_for: Any
) -> None:
    c = client_for(officer_a)
    for url in _urls(page, objects):
        r = c.post(url, _post_data(objects)) if page.post_only else c.get(url)
        assert r.status_code in (403, 404), url


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_nobody_logged_in_is_sent_to_the_login_page(page: Page, objects: dict[str, Any]) -> None:
    c = Client()
    for url in _urls(page, objects):
        r = c.post(url, _post_data(objects)) if page.post_only else c.get(url)
        assert r.status_code == 302, url
        assert r["Location"].startswith(reverse("login")), url


def test_the_right_officer_does_see_agency_as_task(
    objects: dict[str, Any], officer_a: Any, client_for: Any
) -> None:
    """The same pages are not simply closed to everybody."""
    c = client_for(officer_a)
    for name, key in (
        ("tracking:assignment_detail", "assignment"),
        ("tracking:task_detail", "task"),
    ):
        r = c.get(reverse(name, kwargs={"pk": objects[key].pk}))
        assert r.status_code == 200
        assert SECRET in r.content.decode()
    assert SECRET in c.get(reverse("tracking:my_assignments")).content.decode()
