"""The time grammar's vocabulary: the pieces of regular expression (lexical atoms,
deadline markers and their targets, recurrence tails, anchors of relative spans) that the
rules of :mod:`.rules` are made of. All match lower-cased text.
"""

from __future__ import annotations

# --------------------------------------------------------------------------------------
# Lexical atoms (all patterns match lower-cased text)
# --------------------------------------------------------------------------------------

_YEAR = r"(?:19|20)\d\d(?!\d)"
_ROMAN = r"(?:iv|i{1,3}|[1-4])(?!\w)"
_GAP = r"(?:\s*[:,]\s*|\s+)"  # between two words: spaces, or a colon or comma
_YEAR_LINK = (
    r"(?: ?[/-] ?|\.(?=(?:19|20)\d\d)|\s+năm\s+|\s*,\s*năm\s+)"  # "8/2021", "8.2021", "8 năm 2021"
)
_NO_MORE_DIGITS = r"(?![/.-]?\d)"  # a number must not run on ("8/20", "14/7/20")
_THANG = r"th[áả]ng"  # "thảng" is a frequent typo
_TIME_OF_DAY = r"\d{1,2} ?(?:h|giờ)(?: ?\d\d(?: ?phút)?)?(?!\w)(?:\s+(?:sáng|chiều|tối|trưa|đêm))?"
_WEEKDAY = r"(?:hai|ba|tư|năm|sáu|bảy|[2-7])(?!\w)"
_EVERY_WORD = r"(?:hàng|hằng|mỗi)"
_ONCE = r"(?:/\s*lần|(?:một|1)\s+lần)(?!\w)"  # "6 tháng/lần", "6 tháng một lần"
# After "báo cáo tháng", "định kỳ quý": not a number or a specific period.
_NOT_SPECIFIC = (
    r"(?![^\S\n]*(?:\d|(?:iv|i{1,3})(?!\w)|(?:nay|này|tới|qua|trước|sau|đầu|cuối|học)(?!\w)))"
)

# --------------------------------------------------------------------------------------
# Targets: what a deadline marker points at
# --------------------------------------------------------------------------------------

_DATE_TEXT_BODY = (
    rf"\s+(?P<td>\d{{1,2}})\s+{_THANG}\s+(?P<tm>\d{{1,2}})(?!\d)"
    rf"(?:(?:\s*,\s*|\s+)năm\s+(?P<ty>{_YEAR}))?"
)
_DATE_NUM = (  # day/month with an optional year; the caller decides when no year is fine
    r"(?<![\d/.,])(?P<od>\d{1,2}) ?(?P<os>[/.-]) ?(?P<om>\d{1,2})"
    rf"(?: ?(?P=os) ?(?P<oy>{_YEAR}))?{_NO_MORE_DIGITS}"
)
_MONTH_BODY = rf"\s+(?P<mm>\d{{1,2}})(?:{_YEAR_LINK}(?P<my>{_YEAR}))?{_NO_MORE_DIGITS}"
_QUARTER_BODY = rf"\s+(?P<qq>{_ROMAN})(?:{_YEAR_LINK}(?P<qy>{_YEAR}))?{_NO_MORE_DIGITS}"
_YEAR_BODY = rf"\s+(?P<yy>{_YEAR})(?!\s*[-–—]\s*(?:19|20)\d\d)"  # not "năm 2021-2022"
_N_MONTHS_BODY = (
    rf"\s+{_THANG}\s+(?P<nside>đầu|cuối)\s+năm(?!\w)"
    rf"(?:\s+(?P<nny>{_YEAR})|\s+(?P<nnr>nay)(?!\w))?"
)
_EDGE_BODY = (  # after "cuối" / "đầu" / "giữa"
    rf"\s+(?:{_THANG}(?:\s+(?P<em>\d{{1,2}})(?:{_YEAR_LINK}(?P<emy>{_YEAR}))?"
    rf"{_NO_MORE_DIGITS}|\s+(?:này|nay)(?!\w))?"
    rf"|(?P<eq>quý)(?:\s+(?P<eqq>{_ROMAN})(?:{_YEAR_LINK}(?P<eqy>{_YEAR}))?"
    rf"{_NO_MORE_DIGITS}|\s+(?:này|nay)(?!\w))?"
    rf"|(?P<ey>năm)(?:\s+(?P<eyy>{_YEAR})|\s+(?:nay|này)(?!\w))?)(?!\w)"
    r"(?![^\S\n]*(?:\.{2,}|…))"  # not a form's blank: "chậm nhất là cuối tháng ..."
)
_TARGET = (
    rf"(?:ngày{_DATE_TEXT_BODY}|(?:ngày\s+)?{_DATE_NUM}"
    rf"|(?P<nn>\d{{1,2}}){_N_MONTHS_BODY}|(?P<epos>cuối|đầu|giữa){_EDGE_BODY}"
    rf"|{_THANG}{_MONTH_BODY}|quý{_QUARTER_BODY}"
    # ("trong những tháng còn lại của năm 2023": the rest of that year)
    rf"|(?:(?:những|các)\s+tháng\s+(?:còn\s+lại|cuối)\s+(?:của\s+)?)?"
    rf"năm(?:{_YEAR_BODY}|\s+(?P<yr>nay|tới)(?!\w)))"
)

# Deadline markers. "trước" = before; "chậm nhất", "hạn chót", "thời hạn" = by; "đến",
# "tới", "hết" = until; "trong" = within; "cả" = the whole of.
_MARKERS = (
    r"hoàn\s+thành\s+(?:trước|trong)",
    r"xong\s+(?:trước|trong)",
    r"trước",
    r"trong",
    r"chậm\s+nhất(?:\s+(?:là|vào|trước|trong|đến))?",
    r"hạn\s+(?:chót|cuối)(?:\s+là)?",
    r"thời\s+hạn(?:\s+hoàn\s+thành)?(?:\s+là)?",
    r"cho\s+(?:đến|tới)(?:\s+hết)?",
    r"đến(?:\s+hết)?",
    r"tới(?:\s+hết)?",
    r"hết",
    r"cả",
)
_AFTER_MARKER = rf"{_GAP}(?:{_TIME_OF_DAY}{_GAP})?"

_RECURRENCE_TAIL = rf"\s+(?:(?:của|các)\s+)?{_EVERY_WORD}\s+(?P<ru>tuần|tháng|quý|năm)(?!\w)"
_DAY_OF_PERIOD = (
    r"(?:vào\s+)?(?:ngày\s+(?P<rd>\d{1,2})(?: ?/ ?(?P<rm>\d{1,2}))?(?!\d)"
    rf"|thứ\s+{_WEEKDAY}|chủ\s+nhật)"
)

_ANCHOR_DOC = r"(?:văn\s+bản|công\s+văn|quyết\s+định|kế\s+hoạch|thông\s+báo|chỉ\s+thị)"
_ANCHOR = (
    r"(?P<anc>(?:ký|ban\s+hành)(?:\s+ban\s+hành)?|nhận\s+được|nhận|có\s+hiệu\s+lực"
    r"|(?P<ad>\d{1,2})(?P<as>[/.-])(?P<am>\d{1,2})(?P=as)"
    rf"(?P<ay>{_YEAR}){_NO_MORE_DIGITS})(?:\s+{_ANCHOR_DOC}(?:\s+này)?)?"
)
_RELATIVE_MARKERS = (
    r"trong\s+(?:thời\s+hạn|thời\s+gian|vòng|phạm\s+vi)",
    r"trong",
    r"thời\s+hạn(?:\s+hoàn\s+thành)?",
    r"sau",
    r"tối\s+đa",
    r"không\s+quá",
    r"chậm\s+nhất(?:\s+là)?(?:\s+sau)?",
)
_RELATIVE_BODY = (
    rf"{_GAP}(?P<n>\d{{1,3}})\s+(?P<unit>ngày(?:\s+làm\s+việc)?|tuần|tháng|năm)(?!\w)"
    r"(?!\s+(?:đầu|cuối)\s+năm)"
    rf"(?:{_GAP}(?:kể\s+)?từ\s+(?:ngày\s+|khi\s+)?{_ANCHOR})?"
)
