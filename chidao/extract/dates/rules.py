"""The rules of the time grammar, in the order they are tried at one position: each is a
lead, a body and the handler that reads its match (``_Rule``, ``_RULES``).
"""

from __future__ import annotations

from dataclasses import dataclass

from chidao.extract.dates.grammar import (
    _AFTER_MARKER,
    _DATE_NUM,
    _DATE_TEXT_BODY,
    _DAY_OF_PERIOD,
    _EDGE_BODY,
    _EVERY_WORD,
    _MARKERS,
    _MONTH_BODY,
    _N_MONTHS_BODY,
    _NO_MORE_DIGITS,
    _NOT_SPECIFIC,
    _ONCE,
    _QUARTER_BODY,
    _RECURRENCE_TAIL,
    _RELATIVE_BODY,
    _RELATIVE_MARKERS,
    _TARGET,
    _THANG,
    _WEEKDAY,
    _YEAR,
    _YEAR_BODY,
)
from chidao.extract.dates.handlers import (
    _date_rule,
    _on_deadline,
    _on_edge,
    _on_numeric_date,
    _on_period,
    _on_recurrence_day,
    _on_recurrence_every,
    _on_recurrence_word,
    _on_relative_calendar,
    _on_relative_n,
    _on_span_named,
    _on_span_pair,
    _on_span_vision,
)
from chidao.extract.dates.reading import _Handler


@dataclass(frozen=True, slots=True)
class _Rule:
    """One form of the grammar: ``guard (?P<lead>lead|lead...) body``.

    Each lead starts with a plain letter, ``\\d`` or ``\\(`` (the scanner dispatches on that
    first character); ``guard`` is a look-behind checked before the lead. The handler turns
    the match into a mention, or None to reject it.
    """

    name: str
    leads: tuple[str, ...]
    body: str
    handler: _Handler
    guard: str = ""

    @property
    def pattern(self) -> str:
        return f"{self.guard}(?P<lead>{'|'.join(self.leads)}){self.body}"


_NOT_AFTER_NUMBER = r"(?<![/.,])"  # a number inside "1.234", "15/2020", "2,92"
_NOT_AFTER_COUNT = r"(?<!\d\s)"  # "3 tháng sau", "5 năm tới": a duration, not a period
# "hằng năm" that says what kind of thing, not how often: "hàng trăm tỷ mỗi năm" (a rate),
# "vào Chương trình công tác hằng năm của cơ quan" (the yearly programme)
_NOT_A_RATE = r"(?<!tỷ )(?<!đồng )(?<!triệu )(?<!tấn )(?<!lượt )(?<!người )(?<!công tác )"

# Order matters: at one position the first rule that matches wins.
_RULES = (
    _Rule(
        "recurrence-day-marked",
        _MARKERS,
        _AFTER_MARKER + _DAY_OF_PERIOD + _RECURRENCE_TAIL,
        _on_recurrence_day,
    ),
    _Rule("deadline", _MARKERS, _AFTER_MARKER + _TARGET, _on_deadline),
    _Rule("relative-n", _RELATIVE_MARKERS, _RELATIVE_BODY, _on_relative_n),
    _Rule(
        "relative-calendar-mod",
        (r"trong\s+tuần", rf"trong\s+{_THANG}", r"tuần", _THANG),
        r"\s+(?P<cmod>này|nay|tới|sau)(?!\w)",
        _on_relative_calendar,
        guard=_NOT_AFTER_COUNT,
    ),
    _Rule(
        "relative-calendar",
        ("trong",),
        r"\s+(?P<cu>tuần|tháng)(?!\w)"
        r"(?!\s*(?:\d|(?:qua|trước|rồi|vừa|đầu|cuối|làm|lễ|đến|sau|tới)(?!\w)))",
        _on_relative_calendar,
    ),
    _Rule(
        "span-named",
        (r"năm\s+học", r"niên\s+kh[óo][áa]", r"giai\s+đoạn", r"nhiệm\s+kỳ", r"thời\s+kỳ", "năm"),
        rf"\s+(?P<sa>{_YEAR}) ?[-–—] ?(?P<sb>{_YEAR})",
        _on_span_named,
    ),
    _Rule(
        "span-from-to",
        ("từ",),
        rf"\s+(?:năm\s+)?(?P<fa>{_YEAR})\s+(?:đến|tới)\s+(?:năm\s+)?(?P<fb>{_YEAR})",
        _on_span_pair("fa", "fb"),
    ),
    _Rule(
        "span-vision",
        (r"định\s+hướng", r"tầm\s+nhìn"),
        rf"\s+(?:(?:đến|tới)\s+)?(?:năm\s+)?(?P<vy>{_YEAR})",
        _on_span_vision,
    ),
    _Rule(
        "span-bare",
        (r"\d\d\d\d",),
        rf" ?[-–—] ?(?P<bb>{_YEAR})(?![/.]?\d)",
        _on_span_pair("lead", "bb"),
        guard=_NOT_AFTER_NUMBER,
    ),
    _Rule(
        "recurrence-word",
        (
            rf"báo\s+cáo\s+định\s+kỳ\s+{_EVERY_WORD}",
            rf"định\s+kỳ\s+{_EVERY_WORD}",
            "hàng",
            "hằng",
            "mỗi",
        ),
        r"\s+(?P<u>ngày|tuần|tháng|quý|năm)(?!\w)",
        _on_recurrence_word,
        guard=_NOT_A_RATE,
    ),
    _Rule(
        "recurrence-named",
        (r"báo\s+cáo(?:\s+định\s+kỳ)?", r"định\s+kỳ"),
        rf"\s+(?P<u>tuần|tháng|quý|năm)(?!\w){_NOT_SPECIFIC}",
        _on_recurrence_word,
    ),
    _Rule(
        "recurrence-every",
        (r"định\s+kỳ",),
        r"\s+(?P<n>\d{1,2})\s+(?P<u>ngày|tuần|tháng|năm)(?!\w)(?!\s+(?:đầu|cuối)(?!\w))"
        rf"(?:\s*{_ONCE})?",
        _on_recurrence_every,
    ),
    _Rule(
        "recurrence-times",
        (r"\d\d?",),
        rf"\s+(?P<u>ngày|tuần|tháng|năm)\s*{_ONCE}",
        _on_recurrence_every,
        guard=_NOT_AFTER_NUMBER,
    ),
    _Rule(
        "recurrence-day",
        (r"vào\s+ngày", "ngày"),
        r"\s+(?P<rd>\d{1,2})(?: ?/ ?(?P<rm>\d{1,2}))?(?!\d)" + _RECURRENCE_TAIL,
        _on_recurrence_day,
    ),
    _Rule(
        "recurrence-weekday",
        (r"vào\s+thứ", "thứ", r"vào\s+chủ\s+nhật", r"chủ\s+nhật"),
        rf"(?:\s+{_WEEKDAY})?{_RECURRENCE_TAIL}",
        _on_recurrence_day,
    ),
    _Rule("date-text", ("ngày",), _DATE_TEXT_BODY, _date_rule("date:text")),
    _Rule("date-day", ("ngày",), r"\s+" + _DATE_NUM, _date_rule("date:day-context")),
    _Rule(
        "date-daypart",
        (r"rạng\s+sáng", "sáng", "chiều", "tối", "trưa", "đêm", r"hôm\s+nay"),
        r"\s+(?:(?:nay|qua|mai)\s+)?(?:ngày\s+)?" + _DATE_NUM,
        _date_rule("date:day-context"),
    ),
    _Rule(
        "date-paren",
        (r"\(",),
        r" ?(?P<pd>\d{1,2}) ?(?P<ps>[/.-]) ?(?P<pm>\d{1,2})"
        rf"(?: ?(?P=ps) ?(?P<py>{_YEAR}))? ?\)",
        _date_rule("date:parenthesised"),
    ),
    _Rule(
        "date-numeric",
        (r"\d\d?",),
        rf" ?(?P<ns>[/.-]) ?(?P<nm>\d{{1,2}}) ?(?P=ns) ?(?P<ny>{_YEAR}){_NO_MORE_DIGITS}",
        _on_numeric_date,
        guard=_NOT_AFTER_NUMBER,
    ),
    _Rule("n-months", (r"\d\d?",), _N_MONTHS_BODY, _on_period, guard=_NOT_AFTER_NUMBER),
    _Rule("edge", ("cuối", "đầu", "giữa"), _EDGE_BODY, _on_edge),
    _Rule("month", (_THANG,), _MONTH_BODY, _on_period),
    _Rule("quarter", ("quý",), _QUARTER_BODY, _on_period),
    _Rule("year", ("năm",), _YEAR_BODY, _on_period),
    _Rule(
        "year-relative", ("năm",), r"\s+(?P<yr>nay|tới)(?!\w)", _on_period, guard=_NOT_AFTER_COUNT
    ),
)
