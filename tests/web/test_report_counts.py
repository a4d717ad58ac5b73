"""The giao ban report's numbers: a period counts as of its end, against the previous one."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from chidao.common.periods import parse
from chidao.registry.models import Agency
from chidao.reports import compute
from chidao.tracking.models import Assignment
from chidao.tracking.status import Bucket, bucket_as_of, bucket_as_of_q
from tests.web import report_support as support
from tests.web.report_support import LAST_REPORT, TODAY

pytestmark = pytest.mark.django_db
work = support.work

DD, DL, OT, OL, ND = Bucket.ORDER


def _report(**kwargs: Any) -> compute.GiaoBan:
    return compute.build(Assignment.objects.all(), parse("2026-11", TODAY), TODAY, **kwargs)


def _by_name(report: compute.GiaoBan) -> dict[str, compute.AgencyLine]:
    return {line.name: line for line in report.lines}


def test_november_counts_each_agency_as_of_today(work: Any) -> None:
    lines = _by_name(_report())
    assert lines["Sở Tài chính"].now.values == {DD: 1, DL: 1, OT: 1, OL: 1, ND: 0}
    assert lines["Sở Y tế"].now.values == {DD: 0, DL: 0, OT: 0, OL: 1, ND: 1}
    assert lines["Sở Tài chính"].now.done_rate == 0.5


def test_work_completed_before_the_period_belongs_to_the_earlier_report(work: Any) -> None:
    report = _report()
    assert report.total.now.total == 6  # done_october is October's
    october = compute.build(Assignment.objects.all(), parse("2026-10", TODAY), TODAY)
    assert _by_name(october)["Sở Y tế"].now.get(DL) == 1


def test_the_previous_period_judges_later_completions_as_still_open(work: Any) -> None:
    lines = _by_name(_report())
    # as of 31/10: "new" did not exist; "done" and "done_after" were still open
    assert lines["Sở Tài chính"].before.values == {DD: 0, DL: 0, OT: 2, OL: 1, ND: 0}
    assert lines["Sở Y tế"].before.values == {DD: 0, DL: 1, OT: 1, OL: 0, ND: 1}


def test_change_since_the_previous_period_is_reported_per_agency(work: Any) -> None:
    lines = _by_name(_report())
    # Sở Tài chính without "new" (given on 05/11): 2 of 3 done, against 0 of 3 in October
    assert lines["Sở Tài chính"].rate_change == pytest.approx(2 / 3)
    assert lines["Sở Y tế"].rate_change == pytest.approx(-1 / 3)
    assert lines["Sở Y tế"].overdue_change == 1
    report = _report()
    assert report.total.now.get(OL) == 2 and report.total.before.get(OL) == 1


def test_overdue_list_has_the_last_report_and_the_reminder_count(work: Any) -> None:
    report = _report()
    assert [i.pk for i in report.overdue] == [work["awaiting_late"].pk, work["late"].pk]
    late = report.overdue[1]
    assert (late.last_report, late.reminders, late.days_late) == (LAST_REPORT, 2, 11)
    assert late.last_report_at is not None
    assert report.overdue[0].days_late == 13  # reported done on 18/11, due 05/11
    assert report.overdue[0].document == "Kế hoạch 215/KH-UBND ngày 01/09/2026"


def test_flagged_list_holds_active_flags_of_the_period(work: Any) -> None:
    assert [i.pk for i in _report().flagged] == [work["late"].pk]
    october = compute.build(Assignment.objects.all(), parse("2026-10", TODAY), TODAY)
    assert october.flagged == []  # flagged on 17/11, after October's end


def test_one_agency_or_one_directive_narrows_every_table(work: Any, agency_b: Agency) -> None:
    report = _report(agency=agency_b)
    assert [line.name for line in report.lines] == ["Sở Y tế"]
    assert [i.pk for i in report.overdue] == [work["awaiting_late"].pk]
    assert report.flagged == []
    assert report.scope == "Sở Y tế"
    other = compute.build(
        Assignment.objects.all(),
        parse("2026-11", TODAY),
        TODAY,
        document=work["late"].document,
    )
    assert other.total.now.total == 6


def test_database_counts_agree_with_the_rule_for_one_assignment(work: Any) -> None:
    for as_of in (date(2026, 10, 31), date(2026, 11, 4), date(2026, 11, 21)):
        for a in Assignment.objects.all():
            expected = bucket_as_of(a.state, a.deadline, a.done_on, as_of)
            found = [
                b
                for b in Bucket.ORDER
                if Assignment.objects.filter(bucket_as_of_q(b, as_of), pk=a.pk).exists()
            ]
            assert found == ([expected] if expected else []), (a.task.text, as_of)
