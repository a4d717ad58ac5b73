"""The giao ban's period follows the reporting regime's cut-off by default (Nghị định
09/2019/NĐ-CP as provincial regulations write it: a month from the 15th of the month
before to the 14th), a setting changes it, and the page and the files say which days the
period covers. (The suite's other report tests set calendar months: tests/settings.py.)

Worked by hand on the month of tests/web/report_support.py, clock at 21/11/2026:
"tháng 11/2026" is 15/10 – 14/11, counted as of 14/11. "done_october" (completed 25/10)
now falls inside it: 7 assignments — đúng hạn 1 ("done", 12/11), quá hạn 2 ("done_after",
"done_october"), trong hạn 1 ("new"), đang quá hạn 2 ("late"; "awaiting_late", reported
done only on 18/11), không có hạn 1 — where calendar November counts 6.
"""

from __future__ import annotations

import io
import json
import runpy
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from openpyxl import load_workbook

from tests.web import report_support as support

pytestmark = pytest.mark.django_db
work = support.work
SETTINGS = Path(__file__).resolve().parents[2] / "chidao" / "web" / "settings.py"


def _app_default(monkeypatch: pytest.MonkeyPatch, value: str | None) -> Any:
    """CHIDAO_REPORT_PERIOD_START_DAY as chidao/web/settings.py reads it from ``value``."""
    if value is None:
        monkeypatch.delenv("CHIDAO_REPORT_PERIOD_START_DAY", raising=False)
    else:
        monkeypatch.setenv("CHIDAO_REPORT_PERIOD_START_DAY", value)
    return runpy.run_path(str(SETTINGS))["CHIDAO_REPORT_PERIOD_START_DAY"]


def test_the_default_window_starts_on_the_15th_and_a_bad_day_fails_loudly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _app_default(monkeypatch, None) == 15
    assert _app_default(monkeypatch, "1") == 1
    for bad in ("31", "0", "mười lăm"):
        with pytest.raises(ImproperlyConfigured, match="CHIDAO_REPORT_PERIOD_START_DAY"):
            _app_default(monkeypatch, bad)


def _page(client_for: Any, office: Any, **query: str) -> str:
    return str(client_for(office).get("/giao-ban/", query).content.decode())


def _totals(html: str) -> list[int]:
    start = html.index('<script id="report-data" type="application/json">')
    return list(json.loads(html[start:].split(">", 1)[1].split("</script>", 1)[0])["totals"])


def test_with_the_default_the_report_runs_from_the_15th_to_the_14th(
    work: Any, office: Any, client_for: Any, settings: Any
) -> None:
    settings.CHIDAO_REPORT_PERIOD_START_DAY = 15
    html = _page(client_for, office, period="2026-11")
    window = html.split('id="report-window"', 1)[1].split("</p>", 1)[0]
    assert "Tháng 11/2026: từ ngày 15/10/2026 đến ngày 14/11/2026." in window
    assert "Nghị định 09/2019/NĐ-CP" in window and "từ ngày 15 tháng trước đến ngày 14" in window
    assert "số liệu tính đến ngày 14/11/2026" in html
    assert _totals(html) == [1, 2, 1, 2, 1]
    assert 'data-assignments="7"' in html
    # nothing chosen: the window that holds today, 15/11 – 14/12, "tháng 12/2026"
    today = _page(client_for, office)
    assert "Tháng 12/2026: từ ngày 15/11/2026 đến ngày 14/12/2026." in today


def test_a_configured_window_and_the_calendar_month(
    work: Any, office: Any, client_for: Any, settings: Any
) -> None:
    settings.CHIDAO_REPORT_PERIOD_START_DAY = 20
    html = _page(client_for, office, period="2026-11")
    assert "Tháng 11/2026: từ ngày 20/10/2026 đến ngày 19/11/2026." in html
    assert "từ ngày 20 tháng trước đến ngày 19" in html
    settings.CHIDAO_REPORT_PERIOD_START_DAY = 1
    html = _page(client_for, office, period="2026-11")
    assert "Tháng 11/2026: từ ngày 01/11/2026 đến ngày 30/11/2026." in html
    assert "theo tháng, quý, năm dương lịch" in html and _totals(html) == [1, 1, 1, 2, 1]


def test_the_xlsx_names_the_window(work: Any, office: Any, client_for: Any, settings: Any) -> None:
    settings.CHIDAO_REPORT_PERIOD_START_DAY = 15
    response = client_for(office).get("/giao-ban/bao-cao.xlsx", {"period": "2026-11"})
    ws = load_workbook(io.BytesIO(response.content))["Tổng hợp theo đơn vị"]
    assert "Kỳ báo cáo từ ngày 15/10/2026 đến ngày 14/11/2026." in ws["A3"].value
    assert "Số liệu tính đến ngày 14/11/2026" in ws["A2"].value
