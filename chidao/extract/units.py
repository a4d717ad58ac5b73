"""Who a unit directs: its subject, the object of a directive verb, or nobody.

Reads the agency mentions of one sentence or clause (a *unit*) and decides which of them
must act: the object of ``giao``, ``yêu cầu``, ``đề nghị``, ``chỉ đạo``, ``nhắc nhở``,
``đòi hỏi``, ``phân công``, ``lưu ý``; a subject that acts ("X chủ trì", "X có nhiệm vụ",
"X phải", "Sở Tài chính: Chủ trì ..."); not a subject that is only accountable ("chịu
trách nhiệm trước"), reported on ("đã", "cho biết") or the issuer itself; and the
partners after "phối hợp (với)". Preambles and closing formulas ("Căn cứ Luật ...;",
"nếu có khó khăn, vướng mắc ...") direct nobody and end the task before them.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from chidao.extract.model import AgencyMention
from chidao.extract.segment import CAPITALS, Block

TRIGGERS = ("giao", "yêu cầu", "đề nghị", "chỉ đạo", "nhắc nhở", "đòi hỏi", "phân công", "lưu ý")
# a directive verb in any case after no letter: its first character as a set of both cases,
# the left edge checked after it, then the rest behind that character ignoring case (the same
# matches as "(?<!\w)(?:giao|...)" under IGNORECASE, but re skips to those characters quickly)
_TRIGGER_FIRST = "".join(sorted({c for t in TRIGGERS for c in (t[0], t[0].upper())}))
TRIGGER = re.compile(
    rf"[{_TRIGGER_FIRST}](?<!\w[{_TRIGGER_FIRST}])(?:(?i:"
    + "|".join(f"(?<={t[0]}){t[1:]}" for t in TRIGGERS)
    + r")|(?<=c)hỉ thị)(?!\w)"  # the verb "chỉ thị" in small letters only ("Chỉ thị số ..." is a
)  # document; "Chủ tịch UBND tỉnh chỉ thị các sở ..." directs)
_TO_OBJECT = re.compile(
    r"[\s:“\"'(]*(?:(?:trách nhiệm|nhiệm vụ)(?:\s+cụ thể)?\s+(?=cho\s))?(?:(?:cho|đối với|với|giao cho|đến)\s+)?"
    r"[\s:“\"'(]*(?:các\s+(?=UBND|Ủy ban|Uỷ ban|các\s|phòng\s|huyện\s|quận\s|thị xã\s|xã\s|phường\s|Hạt\s))?"  # ("giao trách nhiệm cho X"; "các các")
    r"(?:(?:các\s+)?(?:đồng chí\s+)?thành viên\s+)?"  # "đề nghị các đồng chí thành viên Ban Chỉ huy ..."
    r"(?:(?:thủ trưởng|giám đốc|người đứng đầu)\s+(?=các\s))?",  # "gửi thủ trưởng các sở, ..."
    re.IGNORECASE,
)
_LIST_GAP = re.compile(
    r"(?:\s*\([^()\n]{0,150}\))?"  # "Sở Tài chính (trong việc tổng hợp chỉ số PCI), Sở Y tế"
    r"(?:\s*\))?"  # out of a bracketed body: "Văn phòng UBND tỉnh (Trung tâm ...) và ..."
    r"(?:\s+(?:(?:cấp|của)\s+(?:tỉnh|huyện|xã)|tỉnh|[Tt]hành phố|của\s+(?:[Tt]hành phố|[Qq]uận|[Hh]uyện)"
    r"|trên địa bàn(?:\s+(?:tỉnh|[Tt]hành phố|thị xã|huyện|quận))?"
    r"|(?:sự nghiệp(?:\s+công lập)?\s+)?(?:trực\s+)?thuộc\s+(?:tỉnh|[Tt]hành phố"
    r"|(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:tỉnh|[Tt]hành phố)))"
    r"|(?:(?<=thuộc)\s+(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:tỉnh|[Tt]hành phố|huyện|quận|"
    r"thị xã)"  # "các cơ quan, đơn vị trực thuộc UBND huyện; UBND các xã, thị trấn"
    r"|(?:(?<=phố)|(?<=xã))\s+["
    + CAPITALS
    + r"]\w*(?:\s+["
    + CAPITALS
    + r"]\w*){0,2})"  # "UBND các
    # huyện, thị xã, thành phố Huế và các Sở, ban, ngành": the city named
    r"(?=\s*(?:[,;]|và\s))"  # "Thủ trưởng các ban, ngành cấp tỉnh; Chủ tịch UBND các xã",
    # the members of a committee named after a group: "các sở, ngành, cơ quan thành viên Ban
    # Chỉ huy phòng thủ dân sự tỉnh; UBND các xã, phường; ..."
    r"|\s+(?:là\s+)?thành viên(?=\s)|\s+kiêm(?=\s))?"  # ("các sở, ban, ngành là thành viên Ban
    # Chỉ huy ...", "Ban Chỉ huy PCTT và TKCN kiêm Ban Chỉ huy PTDS thị xã": one body)
    # "... các sở, ban, ngành, đơn vị thuộc Thành phố và Chủ tịch UBND các quận"
    r"\s*(?:[,;]\s*(?:(?:\.{3}|…)\s*[,;]\s*)?)?"  # "Sở Tài chính, ..., Ban Quản lý ..."
    r"(?:(?:và|cùng|với|hoặc)\s+)?(?:[,;]\s*)?"
    r"(?:(?:Giám đốc|Chủ tịch|Trưởng|Thủ trưởng|Chánh|Chỉ huy trưởng|Tổng biên tập|"
    r"Người đứng đầu|người đứng đầu|Bí thư)(?:\s*,\s*|\s+và\s+|\s+)){0,2}"  # "..., Trưởng Ban
    # Quản lý các khu công nghiệp", "...; Bí thư, Chủ tịch UBND các tỉnh"
    r"(?:\(\s*)?",  # rule 8: a body with another in brackets names both
)
CONNECTORS = (
    "đồng thời|bên cạnh đó|cùng với đó|ngoài ra|đặc biệt|mặt khác|trong đó|theo đó|"
    "trước mắt|song song với đó|song song đó|tiếp theo|sau đó|một lần nữa|trên cơ sở đó|"
    "về lâu dài|đáng chú ý|lưu ý|cùng với việc đó|bên cạnh việc đó|thêm vào đó|tiếp đó|cụ thể|"
    "thứ nhất|thứ hai|thứ ba|thứ tư|thứ năm|thứ sáu|thứ bảy|thứ tám|thứ chín|thứ mười|cuối cùng"
)
# a page's date as the search store writes it before its first paragraph: "date 2025-06 Các ..."
PAGE_DATE = r"(?:date\s+\d{4}-\d{2}(?:-\d{2})?\s+)?"
_SUBJECT_PREFIX = re.compile(
    r"^[\s\"“'(\-–]*"
    + PAGE_DATE
    + r"(?:\([^()\n]{2,20}\)\s*[-–]\s*)?"  # a paper's mark: "(Dân trí) – UBND các tỉnh bàn giao ..."
    + r"(?:(?:"
    + CONNECTORS
    + r")\s*,?\s*)*(?:riêng\s+|về phía\s+|còn\s+)?(?:(?:tất cả|toàn bộ|mỗi|từng|các|những)\s+)?"
    r"(?:lực lượng\s+)?$",  # "Lực lượng Công an tỉnh tăng cường tuần tra": the body acts
    re.IGNORECASE,
)
# a clause that opens on its own request: "...; Đề nghị UBND các xã ...", "...; đồng thời giao
# Công an tỉnh ..." (unless the clause before told what was given: "đã giao ...")
_ASKS_PREFIX = re.compile(
    r"\s*(?:(?:đồng thời|và)\s*,?\s*)?(?:đề nghị|yêu cầu|giao(?:\s+cho)?)\s+", re.IGNORECASE
)
_TOLD_BEFORE = re.compile(
    r"(?<!\w)(?:đã|vừa|từng)\s+(?:có\s+)?(?:giao|yêu cầu|đề nghị|chỉ đạo)(?!\w)"
)
# a dateline opens a report of what happened, not a directive: "Ngày 04/3/2022, Văn phòng ..."
_NARRATIVE = re.compile(
    r"[\s\"“'(\-–]*(?:ngày|sáng|chiều|tối|trưa|hôm|tại|theo|trước đó)\b", re.IGNORECASE
)
# a short fronted adverbial of time, frequency or topic before the subject
_FRONTED = re.compile(
    r"^[\s\"“'(\-–]*(?:định kỳ|hằng|hàng|trước|trong|từ|đến|sau|khi|ngay|kể từ|chậm nhất|quý|"
    r"thường xuyên|riêng|về|đối với|với)\b[^,;:.“”\"]{0,60}[,:]\s*$",
    re.IGNORECASE,
)
# a leader's title before a body no registry holds: "Đồng chí Giám đốc Trung tâm Y tế huyện ..."
_TITLE = re.compile(
    r"[\s\-–+•]*(?:Đồng chí|đồng chí|Ông|Bà)\s+(?:Bí thư|Chủ tịch|Giám đốc|Trưởng|Thủ trưởng|"
    r"Chánh|Tổng Giám đốc)\s+"
)
# a news report names the directive it reports before the subject: "Công văn nêu rõ, UBND
# các huyện ...", "Theo Chỉ thị, các sở, ngành ..." (not a cited one by its number)
_REPORTED_FRONT = re.compile(
    r"[\s\"“'(\-–]*(?:theo\s+)?(?:công văn|văn bản|chỉ thị|công điện|kế hoạch|thông báo|"
    r"quyết định)(?:\s+(?:này|trên|nêu trên))?(?:\s+(?:cũng\s+)?(?:nêu rõ|yêu cầu|nhấn mạnh|"
    r"chỉ rõ|đề nghị|chỉ đạo))?\s*,\s*",
    re.IGNORECASE,
)
# "chủ trì" of a task, not of a meeting: "ông X, Chủ tịch UBND ... chủ trì cuộc họp giao ban"
_CHAIRS = (
    r"chủ trì(?!\w)(?!\s+(?:cuộc họp|hội nghị|buổi làm việc|phiên họp|buổi họp|hội thảo|tọa đàm"
    r"|lễ|buổi lễ))"
)
_MODAL = re.compile(
    r"\s*(?:cũng\s+|đều\s+)?(?:phải|cần phải|cần|có trách nhiệm|có nhiệm vụ|(?:sẽ\s+)?"
    + _CHAIRS
    + r"|khẩn trương|tiếp tục|chủ động)(?!\w)",
    re.IGNORECASE,
)
# the issuer told to act in its own words ("UBND tỉnh có trách nhiệm ..."), not the issuer
# saying what it goes on doing: "Vì vậy, UBND tỉnh Kiên Giang tiếp tục đẩy mạnh ..."
_ISSUER_MODAL = re.compile(
    r"\s*(?:cũng\s+|đều\s+|còn\s+)?(?:phải|cần phải|cần|có trách nhiệm|có nhiệm vụ|"
    + _CHAIRS
    + r"|khẩn trương)(?!\w)",
    re.IGNORECASE,
)
# (telling the people is a duty: "Các xã thông tin cho nhân dân biết diễn biến bão")
_TO_PEOPLE = r"(?!\s+(?:kịp thời\s+)?(?:cho|đến|tới)\s+(?:nhân dân|người dân|cộng đồng|Nhân dân))"
_NOT_ACTING = re.compile(
    r"\s*(?:cũng\s+|vẫn\s+|đều\s+|mới đây\s+|gần đây\s+|mới\s+)?(?:đã|vừa|đang|được|bị|là(?! (?:cơ quan|đơn vị|đầu mối))|"
    # what a body is, and a newspaper publishing the text: "... là đơn vị sự nghiệp có thu",
    # "Báo Hà Giang trân trọng đăng toàn văn Công điện", "... xin giới thiệu toàn văn ..."
    r"là (?:đơn vị sự nghiệp|cơ quan (?:chuyên môn|hành chính|ngang))|"
    r"(?:trân trọng\s+|xin\s+)?(?:đăng|giới thiệu|đăng tải|gửi tới bạn đọc)\s+(?:toàn văn|nội dung)|"
    r"(?:rất\s+)?hoan nghênh|số ra ngày|đưa tin|phản ánh|nhận được|"  # a newspaper's doings
    # a report of the letter sent, which the body then tells: "Bộ GD&ĐT gửi công điện đến Giám
    # đốc các sở GD&ĐT ... về ứng phó áp thấp nhiệt đới"
    r"gửi\s+(?:công điện|công văn|văn bản|thông báo)(?:\s+hỏa tốc)?\s+(?:đến|tới)(?!\w)|"
    r"có\s+\d+\s+thành viên|"  # a committee's composition
    # a report of the letter it issued: "Văn phòng Chính phủ có Thông báo số 608/TB-VPCP ..."
    r"(?:có|ban hành)\s+(?:Thông báo|Công văn|Văn bản|Kế hoạch|Quyết định|Công điện|Chỉ thị|"
    r"Nghị quyết)\s+(?:số|khẩn|hỏa tốc|gửi)|"  # ("... tỉnh Thanh Hóa có Công điện khẩn gửi ...")
    r"ban hành\s+(?:quyết định|thông báo)\s|"  # "Hội đồng ... ban hành quyết định công nhận ..."
    # a document issued, by its title: "UBND xã Tịnh Trà ban hành Kế hoạch triển khai ..."
    r"(?-i:ban hành\s+(?:Kế hoạch|Quyết định|Thông báo|Chỉ thị|Công văn|Nghị quyết|Công điện))\b|"
    r"còn(?!\s+(?:có trách nhiệm|có nhiệm vụ|phải)(?!\w))|chưa|cho biết|(?:trân trọng\s+)?kính (?:mời|trình|báo cáo)|cho rằng|nhấn mạnh|phát biểu|nêu rõ|khẳng định|gồm|có ý kiến|tham dự|"
    r"(?:có thẩm quyền\s+)?quyết định(?!\s+số)(?=\s+(?:mua|thuê|thanh lý|điều chuyển|phê duyệt|giao|cho phép|việc))|"
    r"dự|thuộc|trực thuộc|của|tại|về|ở|nói|thông tin"
    + _TO_PEOPLE
    + r"|chia sẻ|ghi nhận|đánh giá cao|"
    r"(?:xin\s+)?thông báo"
    + _TO_PEOPLE
    + r"|báo cáo cho biết|chủ trì (?:cuộc|hội nghị|buổi|phiên|lễ|hội thảo|tọa đàm)|"
    r"ban hành (?:công văn|văn bản|công điện|chỉ thị|quyết định|kế hoạch|thông báo)"
    r"(?:\s+số\s+\S+)?(?:\s+ngày\s+\S+)?\s+(?:về|hướng dẫn|yêu cầu|chỉ đạo))(?!\w)|"
    r"\s*(?:phải\s+)?chịu trách nhiệm(?:\s+(?:toàn diện|hoàn toàn|cá nhân))?\s+(?:trước|thi hành"
    r"|đối với\s+(?:những|các)\s+trường hợp|nếu|khi\s+để)|"  # (accountable for failures)
    r"\s*(?:đóng\s+)?trên địa bàn(?:\s+(?:tỉnh|thành phố|toàn tỉnh))?\s*[;.]|"
    r"\s*[;.:)]|\s*$",
    re.IGNORECASE,
)
# a condition, not a duty: "Đơn vị, địa phương nào chuẩn bị không đầy đủ ... thì ..."
_WHICHEVER = re.compile(r"(?:\s*,\s*[^\W\d][^,.;:]{0,25}?)?\s+nào(?!\w)", re.IGNORECASE)
_TRANSFER = re.compile(
    r"\s*(?:(?:cũng|đặc biệt|tiếp tục|có|thống nhất|kính|trân trọng)\s+){0,3}"
    r"(?P<verb>giao|yêu cầu|đề nghị|nhắc nhở|đòi hỏi|phân công|chỉ đạo"
    r"|chỉ thị(?!\s+(?:số|này|của|về|\d)))(?!\w)",  # ("... Chỉ thị UBND các xã, phường ...")
    re.IGNORECASE,
)
_LEAD_ROLE = re.compile(
    r"\s*,?\s*(?:" + _CHAIRS + r"|làm đầu mối|là cơ quan (?:chủ trì|thường trực|đầu mối))(?!\w)",
    re.IGNORECASE,
)
# "do" (any case) after no letter, written as its first character then the left edge
# ("[dD](?<!\w[dD])", not "(?<!\w)do" under IGNORECASE): re then skips to a "d" quickly
_PASSIVE_LEAD = re.compile(r"[dD](?<!\w[dD])[oO]\s+")
_PARENTHETICAL = re.compile(r"\s*\([^()\n]{0,200}\)")
_SUBJECT_COLON = re.compile(r"\s*:\s*(?=\S)")
# accountability, then more after "; ": "... chịu trách nhiệm trước ...; huy động ..."
_ACCOUNTABLE = re.compile(r"\s*(?:phải\s+)?chịu trách nhiệm", re.IGNORECASE)
# a closing formula, never a task: "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, ..."
_BOILERPLATE = re.compile(
    r"[\s\-–]*(?:(?:trong quá trình[^,]{0,40},\s*)?nếu có (?:khó khăn|vướng mắc|phát sinh)|"
    r"xét đề nghị|theo đề nghị|theo\s+(?:trung tâm|báo cáo|thông tin|dự báo|kết quả|số liệu)|(?:phải\s+)?chịu trách nhiệm(?:\s+(?:toàn diện|hoàn toàn|cá nhân))?\s+trước|"
    r"(?:cùng\s+)?(?:tham\s+)?dự\s+(?:hội nghị|buổi|cuộc|lễ|họp|có)|có sự tham dự|"
    # a report's background, another letter before this one: "Trước đó, ngày 26/9, Văn phòng
    # Chính phủ ban hành công văn ..." (not the same leader's earlier ask, still to do)
    r"trước đó\s*,[^.;\n]{0,60}?(?:ban hành|đã có|có\s+(?:văn bản|công văn|công điện|thông báo)))",
    re.IGNORECASE,
)
# the closing formula, with those who must report: "Trong quá trình thực hiện, nếu có khó
# khăn, vướng mắc, đề nghị các sở, ban, ngành ... kịp thời phản ánh về Sở Nội vụ"
_IF_DIFFICULT = re.compile(
    r"[\s\-–]*(?:trong quá trình[^,;]{0,40},?\s*)?"
    r"nếu có (?:khó khăn|vướng mắc|phát sinh)(?:,?\s*(?:khó khăn|vướng mắc|phát sinh))*"
    r"\s*,?\s*(?:(?:đề nghị|yêu cầu)\s+)?",
    re.IGNORECASE,
)
# a relative clause between a subject and its duty: "Các cơ quan, đơn vị được giao chủ trì có
# trách nhiệm ...", "Sở, ban, ngành thuộc UBND Thành phố có trách nhiệm ..."
_RELATIVE = re.compile(
    r"\s*(?:được\s+(?:giao|phân công)|thuộc|trực thuộc)(?!\w)[^,;.:]{0,80}?\s"
    r"(?:có trách nhiệm|có nhiệm vụ|phải|cần|chủ động|khẩn trương)(?!\w)",
    re.IGNORECASE,
)
# "phối hợp (với)" in any case after no letter; its first character, then the left edge
# ("[pP](?<!\w[pP])"), so that re skips to a "p" instead of trying every position
_SUPPORT_ROLE = re.compile(
    r"[pP](?<!\w[pP])"
    r"(?i:hối hợp(?:\s+(?:chặt chẽ|thường xuyên|đồng bộ|tốt|kịp thời))?(?:\s+(?:với|cùng))?\s*)"
)
_CHAIRS_WITH = re.compile(r"(?<=chủ trì)\s+cùng(?:\s+với)?\s+")
_ISSUER_NAMES = re.compile(
    r"^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) (?:tỉnh|(?:Thành phố|thành phố|TP\b)"
    # (not a city of a province: "Ủy ban nhân dân thành phố Phủ Lý tập trung chỉ đạo ...")
    r"(?!\.?\s*(?!Hà Nội|Hồ Chí Minh|HCM|Hải Phòng|Đà Nẵng|Cần Thơ|Huế)(?-i:["
    + CAPITALS
    + r"][a-zà-ỹđ])))"
    r"|^(?:HĐND|Hội đồng nhân dân|Chính phủ|Thủ tướng|Thành ủy|Tỉnh ủy)",
    re.IGNORECASE,  # "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG" over a page
)
_MAX_LIST = 40  # assignees in one list; bounds the work on pathological input
_INTRO_COLON = re.compile(r"\s*:\s*")


@dataclass(slots=True)
class Unit:
    start: int
    end: int
    lead: list[AgencyMention] = field(default_factory=list)
    support: list[AgencyMention] = field(default_factory=list)
    rule: str = ""
    breaks: bool = False  # names assignees only to say they are not acting (accountability)


class Mentions:
    """Agency mentions of a document, sorted, with fast lookup by range."""

    def __init__(
        self, mentions: Sequence[AgencyMention], own_number: str | None = None, report: bool = False
    ) -> None:
        self.items = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]
        # none overlaps the next (the usual case): then only the last mention that starts in
        # a range may run past its end
        self.disjoint = all(a.end <= b.start for a, b in itertools.pairwise(self.items))
        # the document's own number (for a news report, the directive's): "... ban hành Công
        # văn số <own> giao X" is this document's task, with any other number background
        self.own_number = own_number.upper() if own_number else None
        self.report = report  # a news report: "UBND tỉnh đã yêu cầu X ..." is what it reports
        self.addressed: frozenset[str] = frozenset()  # names of those the letter is sent to
        self.government = False  # the Government's text: a province's committee is told to act

    def first(self, start: int, end: int) -> AgencyMention | None:
        """The first mention starting in [start, end), without collecting the rest."""
        i = bisect.bisect_left(self.starts, start)
        if i < len(self.items) and self.items[i].start < end:
            return self.items[i]
        return None

    def between(self, start: int, end: int) -> list[AgencyMention]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end, lo=i)
        if not self.disjoint:
            return [m for m in self.items[i:j] if m.end <= end]
        if j > i and self.items[j - 1].end > end:
            j -= 1
        return self.items[i:j]


def units(text: str, block: Block, mentions: Mentions) -> list[Unit]:
    units = []
    for start, end in block.sentences:
        for s, e in _clauses(text, start, end, mentions):
            units.append(_analyse(text, s, e, mentions))
    return units


# "... các sở, ngành triển khai và đề nghị các đoàn thể tỉnh phối hợp ...": a second request
_WORDS = re.compile(r"[^\W\d_]{2,}")
_AND_ASKS_MID = re.compile(r",?\s+(?:và|đồng thời)\s+(?=(?:đề nghị|yêu cầu)\s)", re.IGNORECASE)


def _and_asks_clauses(text: str, start: int, end: int, mentions: Mentions) -> list[tuple[int, int]]:
    """A sentence that asks a second body to act further on is two clauses (rule 2: the
    assignees change); not "yêu cầu và đề nghị các sở ...", one request."""
    if text.find("đề nghị", start, end) == -1 and text.find("yêu cầu", start, end) == -1:
        return [(start, end)]
    for m in _AND_ASKS_MID.finditer(text, start, end):
        verb = _ASKS_PREFIX.match(text, m.end())
        first = mentions.first(m.end(), min(end, m.end() + 40))
        before = mentions.between(start, m.start())
        if (
            verb is not None
            and first is not None
            and first.start <= verb.end() + 4
            and before
            and _WORDS.search(text, before[-1].end, m.start()) is not None  # an action between
            and TRIGGER.search(text, start, m.start()) is not None
        ):  # (not "Đề nghị UBND các xã và yêu cầu Văn phòng ... khẩn trương ...": one task)
            return [(start, m.start()), (m.end(), end)]
    return [(start, end)]


# "Công an tỉnh đảm bảo an toàn thông tin ..., trong khi Sở KH-CN chủ trì ...": a second
# body's own part of the sentence
_WHILE = re.compile(r",\s+(?:trong khi|còn)\s+(?=\S)", re.IGNORECASE)


def _while_clauses(text: str, start: int, end: int, mentions: Mentions) -> list[tuple[int, int]]:
    if text.find("trong khi", start, end) == -1 and text.find(", còn", start, end) == -1:
        return _led_by_clauses(text, start, end, mentions)
    for m in _WHILE.finditer(text, start, end):
        first = mentions.first(m.end(), min(end, m.end() + 40))
        if first is not None and first.start == m.end() and mentions.first(start, m.start()):
            return [(start, m.start()), (m.end(), end)]
    return _and_asks_clauses(text, start, end, mentions)


_CLAUSE_GAP = re.compile(r"[,;]\s+")


def _led_by_clauses(text: str, start: int, end: int, mentions: Mentions) -> list[tuple[int, int]]:
    """ "Việc rà soát ... do Sở Nông nghiệp chủ trì, việc kiểm tra ... do Công an tỉnh chủ
    trì": each part has its own lead (rule 2), cut at the comma before the next part."""
    if text.count("chủ trì", start, end) < 2:
        return _and_asks_clauses(text, start, end, mentions)
    led: list[tuple[int, int]] = []  # (where "do" starts, where the role ends)
    for m in _PASSIVE_LEAD.finditer(text, start, end):
        first = mentions.first(m.end(), m.end() + 1)
        if first is None:
            continue
        lead = list_from(mentions.between(first.start, min(end, first.start + 4000)), text)
        role = _LEAD_ROLE.match(text, lead[-1].end)
        if role is not None:
            led.append((m.start(), role.end()))
    cuts = [start]
    for (_, role_end), (nxt, _) in itertools.pairwise(led):
        gaps = [g.end() for g in _CLAUSE_GAP.finditer(text, role_end, nxt)]
        if gaps and not mentions.first(gaps[0], nxt):
            cuts.append(gaps[0])
    if len(cuts) == 1:
        return _and_asks_clauses(text, start, end, mentions)
    cuts.append(end)
    return [(a, b) for a, b in itertools.pairwise(cuts)]


def _clauses(text: str, start: int, end: int, mentions: Mentions) -> list[tuple[int, int]]:
    """Split a sentence at "; " where the next clause opens with new assignees that act
    (an attendance list, "Cùng dự có ...; lãnh đạo các sở, ngành ...", is not split)."""
    pos = text.find("; ", start, end)
    if pos == -1:
        return _while_clauses(text, start, end, mentions)
    if _BOILERPLATE.match(text, start, end):
        return [(start, end)]
    cuts = [start]
    while pos != -1:
        nxt = pos + 2
        first = mentions.first(nxt, min(end, nxt + 80))
        if (
            first is not None
            and nxt - cuts[-1] > 40
            and not _list_continues(text, mentions, cuts[-1], pos)
            and (
                _SUBJECT_PREFIX.match(text[nxt : first.start])
                or (
                    _ASKS_PREFIX.fullmatch(text, nxt, first.start) is not None
                    and _TOLD_BEFORE.search(text, cuts[-1], pos) is None
                )
            )
            and not _NOT_ACTING.match(
                text,
                list_from(mentions.between(first.start, min(end, first.start + 4000)), text)[
                    -1
                ].end,
            )
        ):
            cuts.append(nxt)
        pos = text.find("; ", nxt, end)
    cuts.append(end)
    return [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]


def _list_continues(text: str, mentions: Mentions, start: int, semicolon: int) -> bool:
    """ "Giám đốc các Sở, ngành; Chủ tịch UBND các quận ...", "... các ban, ngành cấp tỉnh;
    Chủ tịch ...": the ";" only separates assignees of one list."""
    before = mentions.between(max(start, semicolon - 200), semicolon)
    return bool(before) and _LIST_GAP.fullmatch(text, before[-1].end, semicolon + 2) is not None


def _analyse(text: str, start: int, end: int, mentions: Mentions) -> Unit:
    """Find who a unit directs: subject, object of a directive verb, or nobody."""
    unit = Unit(start, end)
    semicolon = text.find("; ", start, end)
    difficulty = _IF_DIFFICULT.match(text, start, end) or (
        _IF_DIFFICULT.match(text, semicolon + 2, end) if semicolon != -1 else None
    )
    if difficulty is not None:  # "Nếu có khó khăn, vướng mắc, các sở ... kịp thời báo cáo"
        found = mentions.between(difficulty.end(), end)
        if found and found[0].start - difficulty.end() <= 4:
            lead = list_from(found, text)
            if not all(m.vague for m in lead):
                return _with_roles(text, unit, lead, found, "subject:if-difficult")
    informed = _INFORMED.search(text, start, end) if text.find("biết", start, end) != -1 else None
    if informed is not None:  # "... có ý kiến để UBND các xã, phường biết, thực hiện./."
        told = (
            list_from(mentions.between(informed.start(), end), text)
            if mentions.first(informed.start(), end)
            else []
        )
        if (
            told
            and not all(m.vague for m in told)
            and told[-1].end <= informed.start("verb")
            and not _NOTIFIES.search(text, start, informed.start())
        ):  # (not a notice's boilerplate: "Văn phòng UBND thông báo để các cơ quan biết, ...")
            return _with_roles(text, unit, told, told, "closing:to-know-and-act")
        unit.breaks = True
        return unit
    if (text.find("nào", start, end) != -1 and _SANCTION.search(text, start, end)) or (
        text.find("sẽ bị", start, end) != -1
        and (warning := _WILL_ANSWER.search(text, start, end)) is not None
        and not TRIGGER.search(text, start, warning.start())  # ("Yêu cầu Sở Y tế ..., nếu không
        # hoàn thành đúng hạn sẽ bị xem xét trách nhiệm": the ask stands)
    ):
        unit.breaks = True  # "... đơn vị nào không nộp thì Phòng Văn hóa sẽ tham mưu ...": a
        return unit  # consequence, not a task
    if (
        _BOILERPLATE.match(text, start, end)
        or _is_citation_line(text, start, end)
        or (text.find("thi hành", start, end) != -1 and _EXECUTES.search(text, start, end))
    ):
        unit.breaks = True
        return unit
    found = mentions.between(start, end)
    if not found:
        return unit
    that_is = _THAT_IS.match(text, start, end)
    if that_is is not None and (told := _object_of(text, that_is.end(), found)):
        # "Đó là chỉ đạo của UBND tỉnh đối với các sở, ban, ngành ... tại Công văn số ...":
        # a report names, after the fact, who the directive it gave is for
        return _with_roles(text, unit, told, found, "reported:that-is")
    subject = _subject(text, start, found)
    if subject:
        decided = _with_subject(text, unit, subject, found, mentions.addressed, mentions.government)
        if decided is not None:
            return decided
    past = False
    for m in TRIGGER.finditer(text, start, end):
        before = text[max(start, m.start() - 16) : m.start()]
        if (
            (_PAST_BEFORE.search(before) and not _reported(text, start, m.start(), mentions))
            or (past and _ALSO_BEFORE.search(before))
            or _FORMER_BEFORE.search(before)
            or _ALLOCATED_BEFORE.search(before)
            or _earlier_document(text, start, m.start(), mentions.own_number)
            or _CITED_HOLDS.fullmatch(text, start, m.start()) is not None
        ):
            past = True  # "Văn bản số ... đã giao Sở X ...; đồng thời giao Y": background
            continue
        obj = _object_of(text, m.end(), found) or _topic(text, start, m.start(), found)
        if not obj and _asks(m) and (sent := _sent_to(text, start, m.start(), found)):
            obj = sent  # "Ngày 15/4, Chủ tịch UBND tỉnh đã có điện gửi thủ trưởng các sở, ...
            # yêu cầu tiếp tục ...": those it wrote to
        pause = None if obj else _PAUSE_AFTER_VERB.match(text, m.end())
        if pause is not None and (
            any(f.start < m.start() for f in found)
            or _PAUSE_AUTHORITY.search(text, start, m.start())
        ):
            obj = _object_of(text, pause.end(), found)  # "UBND tỉnh chỉ đạo, UBND huyện ..."
        if obj and _former(text, obj[-1].end):
            past = True  # "... yêu cầu UBND thành phố Đà Lạt (cũ) giải quyết": history
            continue
        verb = m.group().lower()
        if verb == "chỉ thị" and _OF_THE_DIRECTIVE.search(
            text, max(start, m.start() - 12), m.start()
        ):
            continue  # "Thực hiện chỉ thị UBND Thành phố ...": the document, not the verb
        # "Đồng thời, chỉ đạo X ...", "Căn cứ chức năng, nhiệm vụ, chỉ đạo X ...": no one
        # before the verb, so the item's own assignee directs X
        bare = (
            _SUBJECT_PREFIX.match(text[start : m.start()])
            or _PARTNERS_FIRST.match(text, start, m.start()) is not None
        ) or not (
            any(f.start < m.start() for f in found)
            or _DIRECTING.search(text, start, m.start())  # "UBND tỉnh chỉ đạo các sở ..."
        )
        if obj and not (verb == "chỉ đạo" and bare):
            unit.breaks = False  # (a bare "Chỉ đạo X ..." item: the implied subject directs X)
            obj = _and_asks(text, obj, found, end)
            return _with_roles(text, unit, obj, found, "trigger:" + verb)
    modal_subject = _subject_after_comma(text, start, end, found)
    if modal_subject:
        unit.breaks = False
        return _with_roles(text, unit, modal_subject, found, "subject:modal")
    for m in _PASSIVE_LEAD.finditer(text, start, end):  # "... do Sở Y tế chủ trì, phối hợp ..."
        lead = _object_of(text, m.end(), found)
        if lead and _LEAD_ROLE.match(text, lead[-1].end):
            unit.breaks = False
            return _with_roles(text, unit, lead, found, "role:do-chủ-trì")
    if past:
        unit.breaks = True  # history told in passing: neither a task nor a continuation
        return unit
    unit.support = _partners(text, start, end, found)  # "Chủ trì, phối hợp Sở Tư pháp ..."
    return unit


# rule 1: "UBND thành phố giao Chủ tịch UBND quận ...; giám đốc các sở ... chịu trách nhiệm thi
# hành quyết định này" is the execution clause of a decision, whatever verb opens it
_EXECUTES = re.compile(
    r"chịu trách nhiệm thi hành\s+(?:Quyết định|quyết định|Chỉ thị|chỉ thị|Nghị quyết|nghị quyết)"
    r"\s+này"
)
_CITES = re.compile(r"(?<!\w)số\s+\d")


def _reported(text: str, start: int, verb: int, mentions: Mentions) -> bool:
    """In a news report, the committee's or the leader's "đã yêu cầu" right before ``verb``
    is the directive the report tells ("UBND tỉnh đã yêu cầu Công an tỉnh ..."), unless an
    earlier document is cited there."""
    if not mentions.report:
        return False
    subject = _AUTHORITY.search(text, max(start, verb - 60), verb)
    return subject is not None and _CITES.search(text, start, verb) is None


_THAT_IS = re.compile(
    r"[\s\-–]*Đó là\s+(?:nội dung\s+)?(?:chỉ đạo|yêu cầu)\s+của\s+[^.;:\n]{3,80}?\s+đối với\s+"
)
_TOPIC = re.compile(r"[\s\-–+•]*(?:(?:Theo đó|Cụ thể|Trong đó)\s*,\s*)?Đối với\s+", re.IGNORECASE)
_TOPIC_END = re.compile(r"\s*,")


def _topic(text: str, start: int, verb: int, found: list[AgencyMention]) -> list[AgencyMention]:
    """The bodies a unit is about, when the directive verb names no one after it: "Đối với Sở
    Y tế, lãnh đạo Thành phố giao nhiệm vụ chủ trì, ..." gives the task to the Sở."""
    opening = _TOPIC.match(text, start, verb)
    first = found[0] if found else None
    if opening is None or first is None or first.start != opening.end():
        return []
    bodies = list_from(found, text)
    return bodies if _TOPIC_END.match(text, bodies[-1].end, verb) else []


def _former(text: str, pos: int) -> bool:
    """A body marked as no longer existing right after ``pos``: "UBND huyện X (cũ)"."""
    paren = _PARENTHETICAL.match(text, pos)
    return paren is not None and _FORMER_BEFORE.search(paren.group()) is not None


# a comma or a time before the object of a directive verb: "Lãnh đạo tỉnh yêu cầu trước ngày
# 10-5, Sở Tài chính hoàn thành ...", "văn bản số ... chỉ đạo, UBND huyện Cam Lâm phối hợp ..."
_PAUSE_AFTER_VERB = re.compile(  # (after a colon too: "yêu cầu: từ ngày 30/4 đến hết ngày 3/5, ...")
    r",[^\S\n]*|[^\S\n]*:?[^\S\n]*(?:từ|trước|chậm nhất|đến|trong)[^\S\n]+[^,;.:\n]{2,50},[^\S\n]*"
)
# who directs, named before the verb though no registry holds it (another province's UBND)
_AUTHORITY_WORDS = r"UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Chủ tịch|Thủ tướng|Bộ trưởng"
_AUTHORITY = re.compile(rf"(?<!\w)(?:{_AUTHORITY_WORDS})(?!\w)")
# ... and the province's leaders by their level: "Tỉnh chỉ đạo Sở Y tế hỗ trợ ...", "Lãnh đạo
# tỉnh Đồng Nai yêu cầu ..."
_DIRECTING_WORDS = rf"{_AUTHORITY_WORDS}|[Ll]ãnh đạo tỉnh|[Ll]ãnh đạo [Tt]hành phố|Tỉnh|Bộ|Sở"
_DIRECTING = re.compile(rf"(?<!\w)(?:{_DIRECTING_WORDS})(?!\w)")
# ... and, before a pause, the letter itself: "văn bản số ... chỉ đạo, UBND huyện Cam Lâm ..."
_PAUSE_AUTHORITY = re.compile(rf"(?<!\w)(?:{_DIRECTING_WORDS}|[Vv]ăn bản|[Cc]ông văn)(?!\w)")
_SANCTION = re.compile(
    r"(?<!\w)(?:đơn vị|cơ quan|địa phương|tổ chức|cá nhân)\s+nào\s+(?:không|chưa|chậm)\b"
    r"[^.;\n]{0,160}?\bthì(?!\w)",
    re.IGNORECASE,
)
# "Các cơ quan, đơn vị, địa phương thực hiện không nghiêm túc sẽ bị xem xét, xử lý trách nhiệm":
# a warning of what befalls those who fail, not a task
_OF_THE_DIRECTIVE = re.compile(r"(?<!\w)(?:thực hiện|theo|tại|của|các|những)\s+$", re.IGNORECASE)
_WILL_ANSWER = re.compile(
    r"(?<!\w)(?:không|chưa|chậm)\s[^.;\n]{0,80}?\ssẽ bị\s+(?:xem xét|xử lý|kiểm điểm|kỷ luật)",
    re.IGNORECASE,
)
_ALSO_BEFORE = re.compile(r"(?<!\w)(?:đồng thời|và|cũng|còn)\s+$", re.IGNORECASE)
# what was given before ("đã giao"), but not what a report says was just given: "UBND tỉnh
# vừa giao Sở Y tế ...", "Phó Thủ tướng mới đây đã yêu cầu ..." is the directive it reports
_PAST_BEFORE = re.compile(
    r"(?<!\w)(?<!vừa qua )(?<!mới đây )(?:đã|từng)(?:\s+(?:có|được))?\s+$", re.IGNORECASE
)
_BASIS = re.compile(r"[\s\-–]*căn cứ\b", re.IGNORECASE)
_ATTENDS_AND_ACTS = re.compile(
    r"\s*(?:tham\s+)?dự\s+(?:họp|hội nghị|phiên họp|cuộc họp)(?!\w)", re.IGNORECASE
)


def _and_asks(
    text: str, obj: list[AgencyMention], found: list[AgencyMention], end: int
) -> list[AgencyMention]:
    """ "đề nghị UBND các xã, phường và yêu cầu Văn phòng Đăng ký đất đai ...": both."""
    also = _AND_ASKS.match(text, obj[-1].end, end)
    return obj + _object_of(text, also.end(), found) if also is not None else obj


# the kinds of document a text cites by number ("Kế hoạch số 306/KH-UBND")
_DOCUMENT_KINDS = (
    r"(?:văn bản|công văn|quyết định|kế hoạch|thông báo(?: kết luận)?|chỉ thị|công điện"
    r"|nghị quyết|phương án|chương trình|kết luận)"
)
_AND_ASKS = re.compile(r"\s*,?\s*(?:và|đồng thời)\s+(?:yêu cầu|đề nghị|giao)\s+", re.IGNORECASE)
# what a cited document holds: "Thực hiện Kế hoạch số 306/KH-UBND ...; trong đó, UBND tỉnh giao"
_CITED_HOLDS = re.compile(
    rf"\s*(?:Thực hiện|Căn cứ|Theo)\s+{_DOCUMENT_KINDS}\s+số\s+[^.\n]*;\s*trong đó\s*,[^.;\n]{{0,100}}$",
    re.IGNORECASE,
)
# the closing formula that hands the letter over: "để các sở, ngành biết, thực hiện./."
_INFORMED = re.compile(
    r"(?<!\w)để(?=\s)(?P<who>[^.;:]{3,160}?)\s+(?P<verb>biết)(?:,|\s+và)?\s+(?:để\s+)?"
    r"(?:thực hiện|triển khai|phối hợp thực hiện)(?:\s*\./\.|\s*\.)?\s*$",
    re.IGNORECASE,
)
_NOTIFIES = re.compile(r"(?<!\w)thông báo(?!\w)", re.IGNORECASE)
# "giao" as what was allocated: "trong dự toán giao cho các cơ quan, đơn vị", "vốn được giao"
_ALLOCATED_BEFORE = re.compile(
    r"(?<!\w)(?:dự toán|kinh phí|ngân sách|vốn|chỉ tiêu|biên chế)(?:\s+(?:đã\s+)?được)?\s+$",
    re.IGNORECASE,
)
# a body that no longer exists gave it: "UBND tỉnh Lâm Đồng (cũ) giao Sở ..." tells history
_FORMER_BEFORE = re.compile(r"\(cũ\)\s*$", re.IGNORECASE)
# the verb is what an earlier document said: "ngày 14/3/2025, Chủ tịch UBND tỉnh ban hành
# Quyết định số 510/QĐ-UBND giao Thanh tra tỉnh ...", "... có Văn bản số 8462/UBND-TD ngày
# 07/10/2024 giao ..."; nothing but the document's own particulars between them
_DOCUMENT_BEFORE = re.compile(
    rf"(?<!\w)(?:ban hành|có|tại|theo|thực hiện|bằng)\s+{_DOCUMENT_KINDS}\s+số\s+"
    r"(?P<number>[\w/.\-]+)[^,;:.()“”\"]{0,120}$",
    re.IGNORECASE,
)
# a paragraph that retells what an earlier document gave out, over the list of it: "Ngày
# 28/5/2026, UBND tỉnh ban hành Phương án số 05/PA-UBND ...; theo đó, UBND tỉnh giao nhiệm vụ:"
_RETELLS = re.compile(
    r"\s*(?:Ngày\s+\d{1,2}/\d{1,2}(?:/\d{4})?\s*,\s*)?[^.;:\n]{0,80}?(?:ban hành|có)\s+"
    rf"{_DOCUMENT_KINDS}\s+số\s+(?P<number>[\w/.\-]+)(?:[^:.\n]|\.(?!\s))*:\s*$",  # (one sentence)
    re.IGNORECASE,
)


def retells_earlier(text: str, start: int, end: int, own_number: str | None) -> bool:
    """The block at [start, end) introduces what another document assigned."""
    if text.find(":", max(start, end - 3), end) == -1 or text.find("số", start, end) == -1:
        return False  # (a plain check first: it ends on a colon and cites a number)
    found = _RETELLS.fullmatch(text, start, end)
    return found is not None and _not_own(found, own_number)


def _earlier_document(text: str, start: int, verb: int, own_number: str | None) -> bool:
    """The directive verb at ``verb`` belongs to another document than this one."""
    lo = max(start, verb - 200)
    if text.find("số", lo, verb) == -1:
        return False  # (no number cited before the verb: a plain substring search first)
    found = _DOCUMENT_BEFORE.search(text, lo, verb)
    return found is not None and _not_own(found, own_number)


def _not_own(cited: re.Match[str], own_number: str | None) -> bool:
    """The document number ``cited`` names is not this document's (or the reported one's)."""
    return own_number is None or cited.group("number").rstrip(".").upper() != own_number


def _is_citation_line(text: str, start: int, end: int) -> bool:
    """ "Căn cứ Luật ...;" (a legal basis) but not "Căn cứ Kế hoạch này, xây dựng ..."."""
    if not _BASIS.match(text, start, end):
        return False
    span = text[start:end].rstrip()
    return span.endswith((";", ",", ":")) or "," not in span


def _acts_after_semicolon(text: str, start: int, end: int) -> bool:
    """ "chịu trách nhiệm trước ...; huy động ..." goes on to act; "...; kết quả này là căn
    cứ ..." does not."""
    semicolon = text.find("; ", start, end)
    return semicolon != -1 and " là " not in text[semicolon:end]


def _with_subject(
    text: str,
    unit: Unit,
    subject: list[AgencyMention],
    found: list[AgencyMention],
    addressed_names: frozenset[str] = frozenset(),
    government: bool = False,
) -> Unit | None:
    """Decide a unit that opens with assignees; None when the triggers must decide."""
    # a leader a letter is sent to: "Kính gửi: Chủ tịch UBND tỉnh Phú Thọ" over "Chủ tịch
    # UBND tỉnh Phú Thọ chỉ đạo các sở, ngành kiểm tra ...": the addressee must direct; so
    # must a province's committee in the Government's text ("UBND TP Hà Nội phối hợp chặt chẽ
    # với Bộ Công an chỉ đạo các lực lượng chức năng ...")
    addressed = (
        subject[0].surface[:8].lower() == "đồng chí"
        or any(m.name in addressed_names and not m.is_group for m in subject)
        or (government and _LOCAL_ISSUER.match(subject[0].name) is not None)
    )
    last = subject[-1].end
    person = _PERSON.match(text, last) if _LEADER.match(subject[-1].surface) else None
    if person is not None:
        last = person.end()  # "Chủ tịch UBND TP Cần Thơ Trần Việt Trường yêu cầu ...": the leader
    if _ADMINISTRATIVE.match(text, last) and subject[-1].surface.lower().endswith("đơn vị"):
        return unit  # "Các đơn vị hành chính mới sẽ đi vào hoạt động ...": places, no one told
    if (named := _NAMED_ABOVE.match(text, last)) is not None:
        last = named.end()  # "UBND 5 huyện nói trên có trách nhiệm ..."
    if (of_level := _OF_LEVEL.match(text, last)) is not None:
        last = of_level.end()  # "Các đơn vị của Quận ..."
    if (assigned := _AS_ASSIGNED.match(text, last)) is not None:
        last = assigned.end()  # "Các đơn vị của Quận theo nhiệm vụ được phân công, chủ động ..."
    if (dots := _TRAILING_DOTS.match(text, last)) is not None:
        last = dots.end()  # "Các sở Xây dựng, Tài chính, Ban Quản lý dự án ... tỉnh... chung tay"
    if (members := _MEMBERS.match(text, last)) is not None:
        board = bisect.bisect_left(found, members.end(), key=lambda m: m.start)
        if board < len(found) and found[board].start == members.end():
            last = found[board].end  # "Các sở, ngành là thành viên Ban Chỉ huy phối hợp ..."
        elif (bare := _BOARD.match(text, members.end())) is not None:
            last = bare.end()
    paren = _PARENTHETICAL.match(text, last)
    if paren:  # "Sở LĐTB&XH (cơ quan thường trực Ban Chỉ đạo):"
        if _former(text, last):
            return unit  # "UBND tỉnh Lâm Đồng (cũ) giao Sở ...": history, no one to act now
        last = paren.end()
    if _PLACE_TAIL.fullmatch(text, last, unit.end):
        return unit  # "...; Trường THCS Lê Lợi, xã Phú Mỹ.": a name and its place, no action
    if _ASKED_BY.match(text, last):  # "Các Ban Quản lý dự án được UBND thành phố yêu cầu ..."
        return _with_roles(text, unit, subject, found, "subject:asked")
    sent = _SENDS_TO.match(text, last)
    to = _object_of(text, sent.end(), found) if sent else []
    if to and _ASKS_AFTER.match(text, to[-1].end):
        # "Bộ Y tế có văn bản gửi UBND các tỉnh, thành phố đề nghị ...": those it writes to
        return _with_roles(text, unit, to, found, "subject:writes-asking")
    relative = _RELATIVE.match(text, last)
    if relative:  # "Các cơ quan được giao chủ trì ... có trách nhiệm ...": the subject acts
        return _with_roles(text, unit, subject, found, "subject:relative")
    if _FORWARDS.match(text, last):  # "Văn phòng UBND tỉnh chuyển nội dung ... đến Ban Quản lý
        for to_word in _TO_WORD.finditer(text, last, unit.end):  # dự án ... để nghiên cứu, xử lý"
            to = _object_of(text, to_word.end(), found)
            if to and _FOR_ACTION.match(text, to[-1].end):
                return _with_roles(text, unit, to, found, "subject:forwards")
    transfer = _TRANSFER.match(text, last)
    if transfer:
        obj = _object_of(text, transfer.end(), found)
        if not obj and (pause := _PAUSE_AFTER_VERB.match(text, transfer.end())) is not None:
            obj = _object_of(text, pause.end(), found)  # "UBND tỉnh yêu cầu, Sở VH-TT-DL ..."
        obj = _and_asks(text, obj, found, unit.end) if obj else obj
        if not obj and _INTRO_COLON.fullmatch(text, transfer.end(), unit.end):
            return unit  # "Văn phòng Chính phủ trân trọng đề nghị:": it asks those it writes to
        if not obj and transfer.group("verb").lower() in ("yêu cầu", "đề nghị"):
            return unit  # "Sở GD-ĐT yêu cầu rà soát, kiểm tra ...": it asks, someone else acts
        if obj and not (
            transfer.group("verb").lower() == "chỉ đạo"
            and (addressed or not (is_issuer(subject) or _local_committee(subject)))
        ):
            return _with_roles(text, unit, obj, found, "trigger:" + transfer.group("verb").lower())
    if _INTRO_COLON.fullmatch(text, last, unit.end):
        return _with_roles(text, unit, subject, found, "subject:list-intro")
    if _SUBJECT_COLON.match(text, last) and (person is None or not is_issuer(subject)):
        # "Sở Tài chính: Chủ trì, phối hợp ..." (not a headline quoting the issuer's leader:
        # "Chủ tịch UBND tỉnh Hòa Bình – Bùi Văn Khánh: Lập chốt kiểm soát ...")
        return _with_roles(text, unit, subject, found, "subject:colon")
    if _ACCOUNTABLE.match(text, last) and _acts_after_semicolon(text, last, unit.end):
        return _with_roles(text, unit, subject, found, "subject:accountable-and-acting")
    if _ATTENDS_AND_ACTS.match(text, last) and _acts_after_semicolon(text, last, unit.end):
        # "Các Bộ, cơ quan, địa phương dự Hội nghị đúng thành phần được mời; cử 01 cán bộ ..."
        return _with_roles(text, unit, subject, found, "subject:attends-and-acts")
    if _NOT_ACTING.match(text, last) or _WHICHEVER.match(text, last):
        if _WHICH_ARE.match(text, last) and _ACTS_LATER.search(text, last, unit.end):
            # "UBND các tỉnh đang thực hiện giãn cách xã hội ..., căn cứ tình hình ..., chủ
            # động quyết định ...": those that are doing it, told what to do next
            return _with_roles(text, unit, subject, found, "subject:which-are")
        unit.breaks = True  # unless a directive verb later in the unit names assignees
        return None
    if not is_issuer(subject) or addressed or _ISSUER_MODAL.match(text, last):
        rule = "role:chủ trì" if _LEAD_ROLE.match(text, last) else "subject"
        return _with_roles(text, unit, subject, found, rule)
    return None


_WHICH_ARE = re.compile(r"\s+(?:đang|đã)\s+(?:thực hiện|áp dụng)\s", re.IGNORECASE)
_ACTS_LATER = re.compile(
    r",\s+(?:(?:căn cứ|trên cơ sở)[^,;.]{0,120},\s+)?(?:chủ động|khẩn trương|tiếp tục|phải|cần|"
    r"có trách nhiệm)\s"
)
_TRAILING_DOTS = re.compile(r"\s*(?:\.{3}|…)(?=\s+[a-zà-ỹđ])")
# a leader named by title and then by name: "Phó Chủ tịch UBND tỉnh Nguyễn Văn A yêu cầu ..."
_LEADER = re.compile(r"(?:Phó\s+)?(?:Chủ tịch|Giám đốc|Bí thư|Bộ trưởng|Thủ tướng)\s")
_PERSON = re.compile(  # (after a dash too: "Chủ tịch UBND huyện Bến Lức - Lê Thành Út")
    rf"(?:[^\S\n]+[-–])?[^\S\n]+(?:[{CAPITALS}][a-zà-ỹđ]*[^\S\n]+){{1,3}}[{CAPITALS}][a-zà-ỹđ]*"
    r"(?=[^\S\n,]|[,;.:]|$)"
)


_PLACE_TAIL = re.compile(
    r"\s*,\s*(?:xã|phường|thị trấn|huyện|quận|thị xã|tỉnh|thành phố)\s+["
    + CAPITALS
    + r"][\w\s-]{0,40}[.;,]?\s*"
)
_ASKED_BY = re.compile(
    r"\s*(?:đã\s+|vừa\s+)?được\s+(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Chủ tịch|Phó Chủ tịch|"
    r"Thủ tướng|lãnh đạo)[^,.;:\n]{0,60}?(?:yêu cầu|giao|đề nghị|chỉ đạo)(?!\w)"
    # given the role in the passive: "Sở Tài chính được giao chủ trì, phối hợp với ..."
    r"|\s*(?:tiếp tục\s+|cũng\s+)?được\s+giao\s+(?:nhiệm vụ\s+)?(?:là\s+)?(?:cơ quan\s+)?"
    r"(?=chủ trì|làm đầu mối|phối hợp)"
    # "Công an tỉnh được giao đảm bảo an ninh ...", "UBND cấp xã cũng được giao nhiệm vụ ký
    # hợp đồng ...": given an action now (not "đã được giao": what it was given before)
    r"|\s*(?:cũng\s+)?được\s+(?:giao|yêu cầu|đề nghị)\s+(?:nhiệm vụ\s+|trách nhiệm\s+)?"
    r"(?=[a-zà-ỹđ])(?!(?:tại|theo(?!\s+dõi)|từ|trong|cho|quản lý|nhiệm vụ|làm chủ đầu tư)(?!\w))"
)


def _asks(m: re.Match[str]) -> bool:
    return m.group().lower() in ("yêu cầu", "đề nghị")


def _sent_to(text: str, start: int, verb: int, found: list[AgencyMention]) -> list[AgencyMention]:
    """The list after "gửi" that ends right before the asking verb, if any."""
    sent = text.rfind("gửi ", start, verb)
    if sent == -1 or not _SENDS_TO.search(text, max(start, sent - 80), sent + 5):
        return []
    if not (any(f.start < sent for f in found) or _AUTHORITY.search(text, start, sent)):
        return []  # "- Có văn bản gửi Bộ Xây dựng đề nghị hướng dẫn ...": the item's own ask
    to = _object_of(text, sent + 4, found)
    return to if to and not text[to[-1].end : verb].strip(" ,") else []


_SENDS_TO = re.compile(
    r"\s*(?:đã\s+|vừa\s+)?(?:có|ban hành|ký ban hành|ký)\s+(?:văn bản|công văn|công điện|điện|thông báo)"
    r"[^,.;:\n]{0,60}?\s+gửi\s+",
    re.IGNORECASE,
)
_ASKS_AFTER = re.compile(r"\s*,?\s*(?:và\s+)?(?:đề nghị|yêu cầu)(?!\w)", re.IGNORECASE)


def _subject(text: str, start: int, found: list[AgencyMention]) -> list[AgencyMention]:
    """The assignee list opening the unit (after connectors, quantifiers or a short fronted
    adverbial such as "Định kỳ hàng quý,"), if any."""
    first = found[0]
    prefix = text[start : first.start]
    if not (
        _SUBJECT_PREFIX.match(prefix)
        or (_FRONTED.match(prefix) and not _NARRATIVE.match(prefix))
        or _LABEL.fullmatch(prefix)
        or _REPORTED_FRONT.fullmatch(prefix)
        or _TITLE.fullmatch(prefix)
    ):
        if not _REGARDING.fullmatch(prefix):
            return []
        listed = list_from(found, text)  # "Đối với huyện Khánh Sơn: Áp dụng ...": a label
        colon = _SUBJECT_COLON.match(text, listed[-1].end)
        if colon is None:  # "Đối với UBND các huyện, thành, thị cần xây dựng kế hoạch ...": told
            return listed if _REGARDING_MUST.match(text, listed[-1].end) else []
        return listed if not _DESCRIBES.match(text, colon.end()) else []
    return list_from(found, text)


_REGARDING = re.compile(
    r"[\s\-–+•]*(?:(?:[Tt]heo đó|[Cc]ụ thể)\s*,\s*)?(?:[Đđ]ối với|ĐỐI VỚI)\s+(?:các\s+)?"
)
_REGARDING_MUST = re.compile(r"[^;:.\n]{0,30}?\s(?:cần phải|cần|phải|có trách nhiệm)\s")
# what a label describes rather than directs: "Đối với UBND cấp xã: Có kết quả đánh giá ..."
_DESCRIBES = re.compile(r"(?:Có|Là|Được|Đạt|Gồm|Không|Chưa|Tổng|Số)(?!\w)")


# a short label before the subject: "Liệt kê tài liệu: Các cơ quan, địa phương liệt kê ..."
_LABEL = re.compile(r"[\s\-–+•]*[" + CAPITALS + r"][^,;:.()\n]{2,40}(?<!gồm)(?<!gồm có):\s*")


# a fronted basis or purpose: "Căn cứ Kế hoạch này, các sở ... xây dựng ..."
_BASIS_FRONTED = re.compile(
    r"[\s\-–]*(?:[a-zđ0-9]{1,2}[.)]\s*)?(?:căn cứ|trên cơ sở|dựa trên|để|nhằm)\b[^;:.]{3,200}?,\s*$",
    re.IGNORECASE,
)
_LOCATIVE = re.compile(
    r"\s*(?:(?:đóng\s+)?trên địa bàn(?:\s+(?:tỉnh|thành phố|toàn tỉnh))?|trực thuộc)?"
)


_THEREFORE = re.compile(r"(?<!\w)(?:do đó|vì vậy|vì thế|cho nên|vậy nên)\s+$", re.IGNORECASE)
_SHARES_OUT = re.compile(
    r"(?:phân công[^:]{0,60}|(?:có\s+)?ý kiến(?:\s+chỉ đạo)?\s+(?:như sau|cụ thể))\s*:\s*$",
    re.IGNORECASE,
)
# an item that opens on its partners: "- Phối hợp với UBND các huyện chỉ đạo UBND các xã ...":
# the heading's body directs, with them
_PARTNERS_FIRST = re.compile(r"[\s\-–+•]*[Pp]hối hợp(?:\s+(?:với|cùng))?\s")
# a leader's words in a meeting report: "Chủ tịch UBND tỉnh nhấn mạnh: các sở, ngành phải ..."
_STRESSES = re.compile(
    r"(?<!\w)(?:nhấn mạnh|khẳng định|lưu ý)(?:\s+(?:rằng|là))?\s*:?\s*[“\"]?\s*$", re.IGNORECASE
)


def _subject_after_comma(
    text: str, start: int, end: int, found: list[AgencyMention]
) -> list[AgencyMention]:
    """ "Để tăng trưởng ..., các sở ngành phải ...": a subject after a fronted clause (after
    a basis or purpose, any verb that acts: "Căn cứ Kế hoạch này, các sở xây dựng ...")."""
    for i, m in enumerate(found):
        before = text[max(0, m.start - 3) : m.start].rstrip()
        if i and _LIST_GAP.fullmatch(text, found[i - 1].end, m.start):
            continue  # inside a list: "phối hợp với Sở Tài chính và các sở, ngành, địa phương"
        if (
            before.endswith(",")
            or before.endswith("“")
            or before.endswith('"')
            or _THEREFORE.search(text, max(0, m.start - 12), m.start)
            or _STRESSES.search(text, max(start, m.start - 20), m.start)
        ):  # ("..., do đó các cấp, các ngành cần tập trung ...")
            lst = list_from(found[i:], text)
            named = _NAMED_ABOVE.match(text, lst[-1].end)  # ("UBND 5 huyện nói trên có ...")
            at = named.end() if named else lst[-1].end
            if (_ISSUER_MODAL if is_issuer(lst) else _MODAL).match(text, at):
                return lst
            locative = _LOCATIVE.match(text, lst[-1].end)
            after = locative.end() if locative else lst[-1].end
            if (
                (
                    _BASIS_FRONTED.fullmatch(text, start, m.start)
                    or _STRESSES.search(text, max(start, m.start - 20), m.start)
                )  # ("Chủ tịch UBND tỉnh nhấn mạnh các sở, ngành bám sát kế hoạch, ...")
                and not is_issuer(lst)  # "Để ..., Chủ tịch UBND tỉnh kêu gọi ...": its own act
                and not text[start:end].rstrip().endswith(":")  # "..., Sở X dự báo như sau:"
                and not _NOT_ACTING.match(text, after)
                and not _TRANSFER.match(text, after)
            ):
                return lst
        elif before.endswith(":") and _SHARES_OUT.search(text, max(start, m.start - 80), m.start):
            # "... đã có phân công trách nhiệm cụ thể: Ban Quản lý Khu kinh tế sẽ chủ trì, ..."
            lst = list_from(found[i:], text)
            if not is_issuer(lst) and _MODAL.match(text, lst[-1].end):
                return lst
    return []


# a letter passed on for someone else to act on
_FORWARDS = re.compile(r"\s+(?:đã\s+|vừa\s+)?(?:chuyển|chuyển tiếp)\s", re.IGNORECASE)
_TO_WORD = re.compile(r"(?<!\w)(?:đến|tới|cho)\s+")
_FOR_ACTION = re.compile(
    r"[^.;:]{0,40}?\s*(?:để|nhằm)\s+(?:nghiên cứu|xem xét|giải quyết|xử lý|chỉ đạo|thực hiện|"
    r"tham mưu|trả lời|kiểm tra)",
    re.IGNORECASE,
)
_STANDING = re.compile(r"(?:các\s+)?cơ quan\s+[Tt]hường trực\s+(?:của\s+)?(?=[" + CAPITALS + "])")


def _object_of(text: str, pos: int, found: list[AgencyMention]) -> list[AgencyMention]:
    """The assignee list right after a directive verb ("giao Sở Y tế", "đề nghị: “Các sở")."""
    gap = _TO_OBJECT.match(text, pos)
    at = gap.end() if gap else pos
    if (standing := _STANDING.match(text, at)) is not None:
        pos = at = standing.end()  # "cơ quan Thường trực Ban An toàn giao thông huyện": that Ban
    i = bisect.bisect_left(found, pos, key=lambda m: m.start)
    if i < len(found) and found[i].start <= at:
        return list_from(found[i:], text)
    return []


def list_from(found: list[AgencyMention], text: str) -> list[AgencyMention]:
    """Consecutive mentions joined by ",", ";", "và", "cùng": "Công an TP, Bộ Tư lệnh ...";
    a vague label before a colon stands for the names after it ("Các đơn vị liên quan: Công
    an tỉnh, Sở Giao thông vận tải, ...")."""
    if (
        found[0].vague
        and len(found) > 1
        and not found[1].vague
        and _NAMES_AFTER.fullmatch(text, found[0].end, found[1].start)
    ):
        found = found[1:]
    out = [found[0]]
    end = found[0].end
    for m in found[1:_MAX_LIST]:
        gap = _LIST_GAP.fullmatch(text, end, m.start)
        if gap is None or (m.is_group and gap.group().rstrip().endswith("(")):
            break  # not "Sở Nội vụ (Cơ quan thường trực ...)": only a named body in brackets
        end = m.end
        if _MEMBERS_OF.match(gap.group()):
            continue  # "các sở, ngành thành viên Ban Chỉ huy ...": its members, not the board
        out.append(m)
    return out


_ADMINISTRATIVE = re.compile(r"\s+hành chính(?!\w)")
_OF_LEVEL = re.compile(
    r"\s+(?:của|thuộc)\s+(?:[Qq]uận|[Hh]uyện|[Tt]hị xã|[Tt]ỉnh|[Tt]hành phố)(?=[\s,])"
)
_AS_ASSIGNED = re.compile(
    r"\s+(?:theo|căn cứ)\s+(?:chức năng,?\s*)?nhiệm vụ(?:\s+được\s+(?:giao|phân công))?\s*,(?=\s)"
)
_NAMED_ABOVE = re.compile(r"\s+(?:nói trên|kể trên|nêu trên|trên)(?=\s)")
_MEMBERS = re.compile(r"\s+(?:là\s+)?thành viên\s+(?:của\s+)?")
_BOARD = re.compile(
    r"(?:Ban [Cc]hỉ (?:huy|đạo)|Hội đồng|Tổ công tác)(?:\s+[" + CAPITALS + r"]\w*)*"
)
_NAMES_AFTER = re.compile(r"[^\S\n]*:[^\S\n]*")
_MEMBERS_OF = re.compile(r"\s+(?:(?:là\s+)?thành viên|kiêm)\s*$")


def _with_roles(
    text: str, unit: Unit, lead: list[AgencyMention], found: list[AgencyMention], rule: str
) -> Unit:
    unit.lead = [
        m if _add_on(lead, k) or _vague_before_named(lead, k) else _named_group(m)
        for k, m in enumerate(lead)
    ]
    unit.rule = rule
    unit.support = [p for p in _partners(text, lead[-1].end, unit.end, found) if p not in lead]
    return unit


def _add_on(lead: list[AgencyMention], k: int) -> bool:
    """``lead[k]`` is a vague phrase of its own after named bodies: "UBND các quận, huyện và
    các ngành liên quan" (not "các sở, ngành và UBND các xã liên quan", one list)."""
    m = lead[k]
    return (
        k > 0
        and not lead[k - 1].vague
        and m.surface[:4].lower() == "các "
        and m.surface.endswith("liên quan")
    )


def _vague_before_named(lead: list[AgencyMention], k: int) -> bool:
    """``lead[k]`` is vague in its own words ("các sở, ngành, đơn vị liên quan") and a named
    assignee follows it ("... và UBND các huyện"): "liên quan" ends its own part of the list,
    and those named are the ones to answer (not "... và UBND các xã liên quan", one list)."""
    m = lead[k]
    return (
        m.vague
        and m.surface.rstrip().endswith("liên quan")
        and any(not n.vague for n in lead[k + 1 :])
    )


def _named_group(m: AgencyMention) -> AgencyMention:
    """A group narrowed by "liên quan" that is told to act ("Yêu cầu các sở, ngành và UBND
    các xã liên quan xác định ...", "Các sở, ban, ngành liên quan có trách nhiệm ...") is
    that group: its members must answer for it. Only as a partner is it vague, and "các đơn
    vị liên quan" names no kind of body at all."""
    if not (m.vague and m.is_group) or m.name == "cơ quan, đơn vị":
        return m
    return replace(m, vague=False)


def _partners(text: str, start: int, end: int, found: list[AgencyMention]) -> list[AgencyMention]:
    """The lists after every "phối hợp (với)" in [start, end) that names one: "phối hợp với
    Sở TN&MT xác định vị trí, phối hợp với Sở NN&PTNT xác định mật độ" has two partners."""
    partners: list[AgencyMention] = []
    seen: set[tuple[int, int]] = set()
    roles = list(_SUPPORT_ROLE.finditer(text, start, end))
    if text.find("chủ trì cùng", start, end) != -1:  # "Sở GTVT chủ trì cùng Công an thành phố ..."
        roles += _CHAIRS_WITH.finditer(text, start, end)
    for m in roles:
        for p in _object_of(text, m.end(), found):
            if (p.start, p.end) not in seen:
                seen.add((p.start, p.end))
                partners.append(p)
    return partners


_LOCAL_COMMITTEE = re.compile(r"UBND (?:huyện|quận|thị xã|thành phố|xã|phường|thị trấn) \S")


def _local_committee(subject: list[AgencyMention]) -> bool:
    """One named local committee: "UBND huyện Sốp Cộp chỉ đạo các xã ..." is its directive."""
    return len(subject) == 1 and _LOCAL_COMMITTEE.match(subject[0].name) is not None


_LOCAL_ISSUER = re.compile(
    r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) (?:Thành phố|tỉnh|thành phố|TP)\b"
)


def is_issuer(subject: list[AgencyMention]) -> bool:
    """The body that issues directives (the city's People's Committee, the Government)."""
    return any(_ISSUER_NAMES.match(m.name) and not m.is_group for m in subject)
