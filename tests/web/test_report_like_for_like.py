"""'So với kỳ trước' compares like with like: the assignments given in the period did not
exist in the previous one, so they are counted in the period but left out of the change,
and the report says how many were left out.

Worked by hand on the month of tests/web/report_support.py (November 2026 as of 21/11,
against October as of 31/10), plus three assignments of Sở Tài chính registered this
morning (21/11) with deadlines in 2025 — a back-filled recurring task:

- Sở Tài chính now: đúng hạn 1, quá hạn 1, trong hạn 1 ("new"), đang quá hạn 1 + 3 = 4;
  given in November: "new" and the three back-filled ones (trong hạn 1, quá hạn 3);
  the same assignments as in October: 1, 1, 0, 1 — October had trong hạn 2, quá hạn 1.
- Overdue, whole city: 5 now, of which 3 are new; 2 of the old ones against 1 in
  October: +1, not +4.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from chidao.common.periods import parse
from chidao.registry.models import Agency
from chidao.reports import compute
from chidao.tracking.models import Assignment
from chidao.tracking.status import Bucket
from tests.web import report_support as support
from tests.web.factories import make_task
from tests.web.report_support import TODAY

pytestmark = pytest.mark.django_db
work = support.work

DD, DL, OT, OL, ND = Bucket.ORDER


@pytest.fixture
def backfilled(work: Any, office: Any, agency_a: Agency) -> None:
    for month in (3, 6, 9):
        make_task(office, [agency_a], deadline=date(2025, month, 20), text=f"Báo cáo tháng {month}")


def _report() -> compute.GiaoBan:
    return compute.build(Assignment.objects.all(), parse("2026-11", TODAY), TODAY)


def test_assignments_given_in_the_period_are_left_out_of_the_change(backfilled: None) -> None:
    report = _report()
    a = {line.name: line for line in report.lines}["Sở Tài chính"]
    assert a.now.values == {DD: 1, DL: 1, OT: 1, OL: 4, ND: 0}
    assert a.given.values == {DD: 0, DL: 0, OT: 1, OL: 3, ND: 0}
    assert a.same.values == {DD: 1, DL: 1, OT: 0, OL: 1, ND: 0}
    assert a.before.values == {DD: 0, DL: 0, OT: 2, OL: 1, ND: 0}
    assert a.overdue_change == 0 and a.change(OT) == -2
    assert a.rate_change == pytest.approx(2 / 3)


def test_the_citys_overdue_change_counts_only_what_existed_last_month(backfilled: None) -> None:
    report = _report()
    assert report.total.now.get(OL) == 5 and report.total.before.get(OL) == 1
    assert report.total.overdue_change == 1
    assert report.new_total == 4


def test_the_page_says_what_the_change_compares(
    backfilled: None, office: Any, client_for: Any
) -> None:
    html = client_for(office).get("/giao-ban/", {"period": "2026-11"}).content.decode()
    stat = html.split('data-bucket="dang_thuc_hien_qua_han"', 1)[1].split("</div>", 1)[0]
    assert 'data-count="5"' in stat and 'data-change="1"' in stat
    assert "+1 so với kỳ trước" in stat
    note = html.split('id="comparison-note"', 1)[1].split("</p>", 1)[0]
    assert "đã có đến ngày 31/10/2026" in note and "4 lượt giao mới giao trong kỳ" in note


def test_the_docx_says_what_the_change_compares(
    backfilled: None, office: Any, client_for: Any
) -> None:
    import io

    from docx import Document

    response = client_for(office).get("/giao-ban/bao-cao.docx", {"period": "2026-11"})
    texts = [p.text for p in Document(io.BytesIO(response.content)).paragraphs]
    line = next(t for t in texts if t.startswith("2. So với tháng 10/2026"))
    assert "đã có đến ngày 31/10/2026" in line and "4 lượt giao mới giao trong kỳ" in line
    assert "số lượt giao quá hạn tăng 1" in line
