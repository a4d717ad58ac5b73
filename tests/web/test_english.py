"""English: choosing it in the footer translates the pages, and the catalog is complete.

Vietnamese is the source language; chidao/locale/en/LC_MESSAGES/django.po holds the
English. After adding or changing a translatable string, refresh and compile it:

    DJANGO_SETTINGS_MODULE=tests.settings .venv/bin/python manage.py makemessages -l en \
        --ignore=.venv --ignore=tests --ignore=bench --ignore='chidao/extract/*'
    # translate each new ``msgstr ""``, check and drop every ``#, fuzzy`` flag, then
    DJANGO_SETTINGS_MODULE=tests.settings .venv/bin/python manage.py compilemessages \
        -l en --ignore=.venv

The status names reach gettext as variables, so they are marked where they are defined
(``gettext_lazy`` on the model choices, ``gettext_noop`` on Standing/Bucket/dashboard
labels) for makemessages to keep them. A Vietnamese phrase with two English meanings
("ngày" days/dated, "Từ chối" Refuse/Refused, ...) carries a context (``msgctxt``).
"""

from __future__ import annotations

import gettext
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from chidao.tracking import dashboard
from chidao.tracking.models import Assignment, State
from chidao.tracking.status import Standing
from tests.web.factories import assignment_of, make_task
from tests.web.tracking_support import set_today

ROOT = Path(__file__).resolve().parent.parent.parent
MESSAGES = ROOT / "chidao" / "locale" / "en" / "LC_MESSAGES"
TODAY = date(2026, 11, 21)


# --- a small .po reader (polib is not a dependency) ---------------------------------------


@dataclass
class Entry:
    msgid: str
    msgid_plural: str | None
    msgstr: list[str]
    flags: set[str]
    context: str | None = None  # msgctxt: the same Vietnamese with another English meaning

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.context, self.msgid)

    @property
    def where(self) -> str:
        return repr(self.msgid[:60]) + (f" ({self.context})" if self.context else "")


def _unquote(line: str) -> str:
    body = line[line.index('"') + 1 : line.rindex('"')]
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: escapes[m.group(1)], body)


def read_po(path: Path) -> list[Entry]:
    """The live entries of a .po file (obsolete ``#~`` ones left out), header excluded."""
    entries: list[Entry] = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields: dict[str, str] = {}
        flags: set[str] = set()
        key = ""
        for line in block.strip().splitlines():
            if line.startswith("#,"):
                flags |= {f.strip() for f in line[2:].split(",")}
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                fields[key] += _unquote(line)
            else:
                key = line.split(" ", 1)[0]
                fields[key] = _unquote(line)
        if "msgid" not in fields or fields["msgid"] == "":
            continue
        strs = [v for k, v in sorted(fields.items()) if k.startswith("msgstr")]
        plural = fields.get("msgid_plural")
        entries.append(Entry(fields["msgid"], plural, strs, flags, fields.get("msgctxt")))
    return entries


@pytest.fixture(scope="module")
def catalog() -> list[Entry]:
    return read_po(MESSAGES / "django.po")


# --- the pages ------------------------------------------------------------------------------


def in_english(client: Client) -> Client:
    """Choose English the way the footer's language select does."""
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


def html_of(client: Client, url: str) -> str:
    return client.get(url).content.decode()


def assert_english(html: str, english: list[str], vietnamese: list[str]) -> None:
    for text in english:
        assert text in html, f"{text!r} is missing from the English page"
    for text in vietnamese:
        assert text not in html, f"{text!r} is still shown in Vietnamese"


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    set_today(monkeypatch, TODAY)


@pytest.fixture
def overdue_task(office: Any, agency_a: Any) -> None:
    make_task(office, [agency_a], deadline=TODAY - timedelta(days=1))


@pytest.mark.usefixtures("overdue_task")
def test_choosing_english_translates_the_dashboard(
    office: Any, client_for: Callable[[Any], Client]
) -> None:
    html = html_of(in_english(client_for(office)), reverse("tracking:dashboard"))
    assert '<html lang="en">' in html
    assert_english(
        html,
        ["Task progress overview", "By agency", "Completed on time", "In progress, overdue"],
        ["Tổng hợp tình hình", "Theo đơn vị", "Hoàn thành đúng hạn", "Đang thực hiện quá hạn"],
    )


@pytest.mark.usefixtures("overdue_task")
def test_choosing_english_translates_the_assignment_lists(
    office: Any, officer_a: Any, client_for: Callable[[Any], Client]
) -> None:
    html = html_of(in_english(client_for(office)), reverse("tracking:assignments"))
    assert_english(
        html,
        ["All statuses", "Deadline status", "Briefing category", "Overdue", "Filter"],
        ["Tất cả trạng thái", "Tình hình thời hạn", "Nhóm giao ban", "Quá hạn"],
    )
    html = html_of(in_english(client_for(officer_a)), reverse("tracking:my_assignments"))
    assert_english(
        html,
        ["My agency's tasks", "Any deadline status", "Awaiting confirmation"],
        ["Việc của đơn vị", "Mọi thời hạn", "Chờ xác nhận"],
    )


def test_choosing_english_translates_the_upload_page(
    office: Any, client_for: Callable[[Any], Client]
) -> None:
    html = html_of(in_english(client_for(office)), reverse("documents:upload"))
    assert_english(
        html,
        ["Import directives", "Upload and extract", "Accepted formats:", "How it works"],
        ["Nhập văn bản chỉ đạo", "Tải lên và trích xuất", "Định dạng nhận", "Quy trình"],
    )


def test_a_word_with_two_meanings_gets_the_english_of_each_place(
    office: Any, officer_a: Any, agency_a: Any, client_for: Callable[[Any], Client]
) -> None:
    task = make_task(office, [agency_a], deadline=TODAY + timedelta(days=10))
    a = assignment_of(task, agency_a)
    html = html_of(in_english(client_for(officer_a)), reverse("tracking:dashboard"))
    assert '<span class="small muted">days</span>' in html  # "ngày" after the due-soon input
    url = reverse("tracking:assignment_detail", args=[a.pk])
    html = html_of(in_english(client_for(officer_a)), url)
    assert ">Refuse</button>" in html  # the button "Từ chối", not the state "Refused"
    html = html_of(in_english(client_for(office)), url)
    assert ">Put on hold</button>" in html
    Assignment.objects.filter(pk=a.pk).update(state=State.POSTPONED)
    html = html_of(in_english(client_for(office)), url)
    assert "On hold" in html and "Tạm hoãn" not in html  # the state "Tạm hoãn"


def test_a_visitor_who_chose_english_signs_in_on_an_english_page(db: None) -> None:
    html = html_of(in_english(Client()), reverse("login"))
    assert_english(
        html, ["Sign in", "Username", "Password"], ["Đăng nhập", "Tên đăng nhập", "Mật khẩu"]
    )


def test_vietnamese_is_the_default_and_can_be_chosen_again(
    office: Any, client_for: Callable[[Any], Client]
) -> None:
    client = client_for(office)
    assert "Tải lên và trích xuất" in html_of(client, reverse("documents:upload"))
    in_english(client).post(reverse("set_language"), {"language": "vi", "next": "/"})
    html = html_of(client, reverse("documents:upload"))
    assert '<html lang="vi">' in html
    assert_english(html, ["Tải lên và trích xuất"], ["Upload and extract"])


# --- the catalog -----------------------------------------------------------------------------


def test_every_catalog_entry_is_translated_and_none_is_fuzzy(catalog: list[Entry]) -> None:
    assert len(catalog) > 200
    for entry in catalog:
        assert "fuzzy" not in entry.flags, f"{entry.where} is marked fuzzy"
        assert len(entry.msgstr) == (2 if entry.msgid_plural else 1), entry.where
        assert all(s.strip() for s in entry.msgstr), f"{entry.where} is not translated"


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|<[^>]+>")


def test_translations_keep_every_placeholder_and_tag(catalog: list[Entry]) -> None:
    for entry in catalog:
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        for msgstr in entry.msgstr:
            assert sorted(PLACEHOLDER.findall(msgstr)) == expected, entry.where


def test_the_committed_mo_holds_exactly_the_po(catalog: list[Entry]) -> None:
    with (MESSAGES / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for entry in catalog:
        if entry.msgid_plural is None:
            if entry.context is None:
                text = compiled.gettext(entry.msgid)
            else:
                text = compiled.pgettext(entry.context, entry.msgid)
            assert text == entry.msgstr[0], entry.where
        else:
            one = compiled.ngettext(entry.msgid, entry.msgid_plural, 1)
            many = compiled.ngettext(entry.msgid, entry.msgid_plural, 5)
            assert [one, many] == entry.msgstr, entry.where
    if shutil.which("msgfmt"):  # gettext's own checks (formats, plural header), when installed
        subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", str(MESSAGES / "django.po")], check=True
        )


def test_every_status_name_has_an_english_translation() -> None:
    with translation.override(None):  # the State labels are lazy: read their Vietnamese
        labels = {str(label) for _, label in State.choices}
    labels |= set(Standing.LABELS.values()) | set(dashboard.LABELS.values())
    with translation.override("en"):
        missing = sorted(label for label in labels if translation.gettext(label) == label)
    assert not missing, f"no English for {missing}: translate them in the .po (see docstring)"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs gettext's xgettext")
def test_the_catalog_has_every_string_the_code_marks_for_translation(
    catalog: list[Entry], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # makemessages writes next to the nearest "locale" folder, so it runs on a copy
    shutil.copytree(
        ROOT / "chidao",
        tmp_path / "chidao",
        ignore=shutil.ignore_patterns("locale", "extract", "static", "migrations", "__pycache__"),
    )
    (tmp_path / "locale").mkdir()
    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
        call_command("makemessages", locale=["en"], verbosity=0)
    wanted = {e.key for e in read_po(tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po")}
    missing = sorted(wanted - {e.key for e in catalog}, key=str)
    assert not missing, f"not in the English catalog (refresh it, see docstring): {missing}"
