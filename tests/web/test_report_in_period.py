"""The in-period view beside the as-of view: what was given in the period (giao trong kỳ)
and what fell due in it (đến hạn trong kỳ), each in its giao ban bucket as of the as-of day.

Worked by hand on the month of tests/web/report_support.py (November 2026 as of 21/11),
plus "early" of Sở Y tế: due 20/11/2026, completed on 28/10 and confirmed.

- Given in November: only "new" (Sở Tài chính, 05/11, trong hạn).
- Due in November: "new" (30/11, trong hạn), "late" (10/11, quá hạn), "done" (15/11, done
  12/11: đúng hạn) of Sở Tài chính; "awaiting_late" (05/11, quá hạn) and "early" (đúng
  hạn, though completed in October) of Sở Y tế. 5 due, 2 of them done: 40 %.
- The as-of view leaves "early" out (completed before November): 6 assignments.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from openpyxl import load_workbook

from chidao.common.periods import parse
from chidao.registry.models import Agency
from chidao.reports import compute
from chidao.tracking import services
from chidao.tracking.models import Assignment
from chidao.tracking.status import Bucket
from tests.web import report_support as support
from tests.web.factories import assignment_of, make_task
from tests.web.report_support import TODAY

pytestmark = pytest.mark.django_db
work = support.work

DD, DL, OT, OL, ND = Bucket.ORDER


@pytest.fixture
def early(work: Any, office: Any, officer_b: Any, agency_b: Agency) -> Assignment:
    task = make_task(office, [agency_b], deadline=date(2026, 11, 20), text="Báo cáo sớm.")
    a = assignment_of(task, agency_b)
    Assignment.objects.filter(pk=a.pk).update(created_at=support._aware(date(2026, 9, 1)))
    a.refresh_from_db()
    services.mark_done(officer_b, a, "Đã xong.", today=date(2026, 10, 28))
    services.confirm(office, a)
    return a


def _report() -> compute.GiaoBan:
    return compute.build(Assignment.objects.all(), parse("2026-11", TODAY), TODAY)


def test_given_and_due_in_the_period_per_agency(early: Assignment) -> None:
    lines = {line.name: line for line in _report().lines}
    a, b = lines["Sở Tài chính"], lines["Sở Y tế"]
    assert a.given.values == {DD: 0, DL: 0, OT: 1, OL: 0, ND: 0}
    assert b.given.total == 0
    assert a.due.values == {DD: 1, DL: 0, OT: 1, OL: 1, ND: 0}
    assert b.due.values == {DD: 1, DL: 0, OT: 0, OL: 1, ND: 0}


def test_the_in_period_totals_sit_beside_the_as_of_totals(early: Assignment) -> None:
    report = _report()
    assert report.total.now.total == 6  # "early" was completed before November
    assert report.total.given.total == 1
    assert report.total.due.values == {DD: 2, DL: 0, OT: 1, OL: 2, ND: 0}
    assert report.total.due.done_rate == pytest.approx(0.4)


def test_the_page_shows_the_in_period_view(early: Assignment, office: Any, client_for: Any) -> None:
    html = client_for(office).get("/giao-ban/", {"period": "2026-11"}).content.decode()
    table = html.split('id="in-period"', 1)[1].split("</table>", 1)[0]
    given = table.split('data-view="given"', 1)[1].split("</tr>", 1)[0]
    due = table.split('data-view="due"', 1)[1].split("</tr>", 1)[0]
    assert "Giao trong kỳ" in given and 'data-total="1"' in given
    assert "Đến hạn trong kỳ" in due and 'data-total="5"' in due and "40%" in due


def test_the_xlsx_has_the_in_period_sheet(early: Assignment, office: Any, client_for: Any) -> None:
    response = client_for(office).get("/giao-ban/bao-cao.xlsx", {"period": "2026-11"})
    ws = load_workbook(io.BytesIO(response.content))["Trong kỳ"]
    header = [c.value for c in ws[4]]
    assert header[:3] == ["STT", "Đơn vị", "Giao trong kỳ"]
    assert "Đến hạn trong kỳ" in header
    rows = {r[1]: r for r in ws.iter_rows(min_row=5, values_only=True) if r and r[1]}
    due_at = header.index("Đến hạn trong kỳ")
    assert rows["Sở Y tế"][due_at : due_at + 6] == (2, 1, 0, 0, 1, 0.5)
    assert rows["Tổng cộng"][2] == 1 and rows["Tổng cộng"][due_at] == 5
