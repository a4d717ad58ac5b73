"""Vietnamese time expressions: dates, deadlines, periods, spans, recurrences, relative spans.

``find_times(text, doc_date=..., today=...)`` returns every time expression of ``text`` as a
:class:`~chidao.extract.model.TimeMention`, sorted by ``start``, never overlapping. It is
pure: the document's date and "today" are parameters, the clock is never read.

Kinds and the ``rule`` that names the form found:

``deadline`` (a deadline marker, or a point that is a deadline by itself); ``value`` is the
last day the task may use:

- ``deadline:{before,by,until,within}-date``: "trước ngày 30/9", "chậm nhất ngày 15/10/2021",
  "hạn chót 20/11", "đến ngày 30/9", "trong ngày 30/9"; value = the date itself.
- ``deadline:{by,until,within}-{month,quarter,year,first-n-months,last-n-months}``:
  "trong tháng 8/2021", "hoàn thành trong Quý III/2021", "chậm nhất tháng 9",
  "đến hết năm 2021", "trong 6 tháng đầu năm 2021"; value = last day of the period.
- ``deadline:before-{month,quarter,year}``: "trước Quý IV/2021", "trước tháng 8/2021";
  value = the day BEFORE the period starts (2021-09-30, 2021-07-31).
- ``deadline:whole-year`` (also ``-month``, ``-quarter``): "cả năm 2021" (2021-12-31).
- ``deadline:end-of-month`` / ``end-of-quarter`` / ``end-of-year``: "cuối tháng 9",
  "cuối Quý III/2021", "cuối năm 2021", "cuối năm" (last day);
  ``deadline:start-of-month``: "đầu tháng 10/2021" = the 10th (documented choice: the
  first decade of the month); ``deadline:mid-month``: "giữa tháng 10" = the 15th.

``period`` (the same periods with no marker; value = last day): ``period:month``
("tháng 2/2021", "tháng 8 năm 2021", "tháng 8"), ``period:quarter`` ("Quý III/2021",
"quý 3 năm 2021"), ``period:year`` ("năm 2021", "năm nay"), ``period:next-year``
("năm tới"), ``period:first-n-months`` ("6 tháng đầu năm 2021" -> 2021-06-30),
``period:last-n-months`` ("6 tháng cuối năm 2021" -> 2021-12-31).

``span`` (multi-year ranges and horizons, value = 31 December of the last year; the caller
decides whether it is a deadline): ``span:school-year`` ("năm học 2021-2022"),
``span:period-range`` ("giai đoạn 2021-2025"), ``span:term`` ("nhiệm kỳ 2021-2026"),
``span:year-range`` ("2019 - 2020", "năm 2021-2022", "từ năm 2021 đến năm 2025"),
``span:until-year`` ("đến năm 2025"), ``span:vision`` ("định hướng đến 2025",
"tầm nhìn đến năm 2030"). A year inside a span is not reported on its own.

``date`` (a plain calendar date): ``date:text`` ("ngày 16 tháng 8 năm 2021"),
``date:numeric`` ("16/8/2021", "19-6-2020", "16.8.2021"), ``date:day-context``
("ngày 14/7/2021", "chiều 14/12", "sáng ngày 26/12"), ``date:parenthesised`` ("(11/12)").
A day/month without a year is accepted only after a day word (ngày, sáng, chiều, tối, trưa,
đêm, hôm nay), inside parentheses, or after a deadline marker: "24/7" (service hours),
"26.750" (money), "2,92%" are not dates. Impossible dates (31/2) are dropped.

``recurrence`` (``recurrence`` = daily|weekly|monthly|quarterly|yearly, value None):
``recurrence:{daily,weekly,monthly,quarterly,yearly}`` ("hàng ngày", "hằng tuần",
"định kỳ hàng tháng", "báo cáo tháng", "định kỳ quý", "hằng năm", "mỗi tháng");
``recurrence:{weekly,monthly,quarterly,yearly}-day`` ("trước ngày 20 hằng tháng",
"thứ Sáu hằng tuần", "trước ngày 15/12 hằng năm"): ONE mention covering the whole phrase;
``recurrence:every-n-{days,weeks,months,years}`` ("định kỳ 3 tháng", "3 tháng một lần");
mapped to a recurrence when the interval is 1 day/week/month/year, 3 months or 12 months.
``recurrence:half-year`` ("6 tháng một lần", "định kỳ 6 tháng"): the contract has no
half-yearly value, so ``recurrence`` is None (deliberately not "quarterly").

``relative`` (counted from an event): ``relative:{days,working-days,weeks,months,years}``
("trong thời hạn 15 ngày kể từ ngày ký", "trong 07 ngày làm việc", "sau 10 ngày kể từ ngày
nhận được văn bản"); value = doc_date + N (working days skip Saturday and Sunday) when the
anchor is the signing/issuing date ("kể từ ngày ký", "... ban hành") and doc_date is
known, or anchor date + N for an explicit anchor date; else None.
``relative:{this,next}-{week,month}`` ("trong tuần", "tuần tới", "trong tháng này",
"tháng sau"): end of that week (Sunday; weeks run Monday to Sunday) or month.

Vague urgency ("sớm nhất", "khẩn trương", "kịp thời", "ngay", "thường xuyên") is never a
time mention.

Missing parts: a missing year is the document's year (``doc_date``), else ``today``'s, else
the value is None (the mention is still reported). A missing month or quarter ("cuối
tháng", "giữa tháng", "trong tuần") uses the same reference date. Text is expected in NFC;
matching ignores case.

Matching: leftmost first; at one position the rules are tried in a fixed order, longer and
more specific forms first, so the longest expression starting earliest wins and mentions
never overlap. An expression starts at the start of the text or after whitespace or
punctuation (not inside a word: "m2/người", "F0").

Performance: one scan of the whole text by one compiled pattern (see
``scanner._assemble``), then a small pattern per candidate. Every quantifier is bounded or
separated from its neighbours by a literal, so the work is linear even on hostile input.

Where things are, in this package (this module only re-exports the public names):

- :mod:`.grammar`: the pieces of regular expression (atoms, markers, targets, anchors);
- :mod:`.rules`: the rules, in the order they are tried, each with its handler;
- :mod:`.handlers`: what each rule's match becomes (a mention, or None to reject it);
- :mod:`.periods`: the day, period or edge of a period that a match names;
- :mod:`.days`: calendar arithmetic: :func:`last_day`, months, working days, week ends;
- :mod:`.reading`: the context (document date, today) and a match's named groups;
- :mod:`.scanner`: :func:`find_times` and :func:`parse_date_phrase`.
"""

from chidao.extract.dates.days import last_day
from chidao.extract.dates.scanner import find_times, parse_date_phrase

__all__ = ["find_times", "last_day", "parse_date_phrase"]
