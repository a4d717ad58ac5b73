"""The words the unit grammar reads and the mentions it reads them around.

Directive verbs (``TRIGGERS``), what may stand between a verb and its object, the gaps of
an assignee list, connectors, the subject prefixes, the words that say a subject acts
(``_MODAL``) or does not (``_NOT_ACTING``); a unit (``Unit``) and the document's mentions
with lookup by range (``Mentions``); an assignee list read from its first mention
(``list_from``); and who issues (``is_issuer``).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from chidao.extract.model import AgencyMention
from chidao.extract.segment import CAPITALS

TRIGGERS = ("giao", "yêu cầu", "đề nghị", "chỉ đạo", "nhắc nhở", "đòi hỏi", "phân công", "lưu ý")


# a directive verb in any case after no letter: its first character as a set of both cases,
# the left edge checked after it, then the rest behind that character ignoring case (the same
# matches as "(?<!\w)(?:giao|...)" under IGNORECASE, but re skips to those characters quickly)
_TRIGGER_FIRST = "".join(sorted({c for t in TRIGGERS for c in (t[0], t[0].upper())}))


TRIGGER = re.compile(
    rf"[{_TRIGGER_FIRST}](?<!\w[{_TRIGGER_FIRST}])(?:(?i:"
    + "|".join(f"(?<={t[0]}){t[1:]}" for t in TRIGGERS)
    + r")|(?<=c)hỉ thị)(?!\w)"  # the verb "chỉ thị" in small letters only ("Chỉ thị số ..." is a
    # document; "Chủ tịch UBND tỉnh chỉ thị các sở ..." directs); "giao" of a compound is none:
    r"(?<!iao(?=[^\S\n]thông|[^\S\n]thừa|[^\S\n]lưu|[^\S\n]dịch|[^\S\n]ban|[^\S\n]hữu))"
)  # ("giao thông", "đón giao thừa", "giao lưu", "giao dịch", "họp giao ban")


# what may stand between a directive verb and its object: "giao trách nhiệm (cụ thể) cho X";
# "các" before a body a mention starts after it ("các UBND", "các các ngành", "các phòng GDĐT",
# "các huyện Ba Vì, ...", "các Hạt Kiểm lâm")
_TO_OBJECT = re.compile(
    r"(?:\s+(?:khẩn cấp|khẩn|hỏa tốc|hoả tốc)(?=\s))?"  # "văn bản chỉ đạo khẩn các sở, ..."
    r"(?:(?<=phân công)\s+nhiệm vụ(?!\s+cho\s))?"  # ("phân công nhiệm vụ UBND các huyện ...")
    r"[\s:“\"'(]*(?:(?:trách nhiệm|nhiệm vụ)(?:\s+cụ thể)?\s+(?=cho\s|(?-i:Giám đốc|Chủ tịch|"
    r"Thủ trưởng|Sở|UBND|Ủy ban|Uỷ ban|Công an|Ban|Phòng|Trung tâm|Văn phòng|Thanh tra)\s))?"
    r"(?:(?:cho|đối với|với|giao cho|đến)\s+)?(?:(?:tất cả|toàn bộ)\s+(?=các\s))?"
    r"[\s:“\"'(]*(?:các\s+(?=UBND|Ủy ban|Uỷ ban|các\s|phòng\s|huyện\s|quận\s|thị xã\s|xã\s"
    r"|phường\s|Hạt\s))?"
    r"(?:(?:các\s+)?(?:đồng chí\s+)?thành viên\s+|các\s+đồng chí\s+(?=Ban\s))?"  # "đề nghị các
    # đồng chí thành viên Ban Chỉ huy ...", "đề nghị các đồng chí Ban Chỉ đạo ..."
    r"(?:(?:(?:thủ trưởng|giám đốc|người đứng đầu)(?:\s*,\s*|\s+và\s+)){0,2}"
    r"(?:thủ trưởng|giám đốc|người đứng đầu)\s+(?=các\s))?"  # "gửi (giám đốc,) thủ trưởng các sở"
    r"(?:trưởng\s+(?=phòng\s))?"  # "đề nghị trưởng phòng Giáo dục và Đào tạo các quận, ..."
    # the Party's bodies first, which no group label holds: "yêu cầu cấp ủy, tổ chức đảng, chính
    # quyền các cấp, các sở, ban, ngành ..." (the list is read from the first body it holds)
    r"(?:(?:các\s+)?cấp ủy(?:\s*,\s*|\s+và\s+)(?:tổ chức đảng(?:\s*,\s*|\s+và\s+))?"
    r"(?=chính quyền|các\s))?",
    re.IGNORECASE,
)


_LIST_GAP = re.compile(
    r"(?:\s*\([^()\n]{0,150}\))?"  # "Sở Tài chính (trong việc tổng hợp chỉ số PCI), Sở Y tế"
    r"(?:\s*\))?"  # out of a bracketed body: "Văn phòng UBND tỉnh (Trung tâm ...) và ..."
    r"(?:\s+(?:(?:cấp|của)\s+(?:tỉnh|huyện|xã)|tỉnh|[Tt]hành phố|huyện|quận|thị xã"
    r"|của\s+(?:[Tt]hành phố|[Qq]uận|[Hh]uyện)"
    r"|trên địa bàn(?:\s+(?:tỉnh|[Tt]hành phố|thị xã|huyện|quận))?|ven biển|ven sông|biên giới|sự nghiệp(?:\s+công lập)?(?=\s*(?:[,;]|và\s))"
    # the places a body of each serves: "các phòng GDĐT các huyện, thị xã, thành phố, ..."
    r"|các\s+(?:huyện|quận|thị xã|xã|phường)(?:\s*,\s*(?:huyện|quận|thị xã|thành phố|xã|phường|"
    r"thị trấn)(?!\s+[" + CAPITALS + r"]))*"
    r"|(?:sự nghiệp(?:\s+công lập)?\s+)?(?:trực\s+)?thuộc\s+(?:tỉnh|[Tt]hành phố|Bộ(?!\s+["
    + CAPITALS
    + r"])"
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
    r"(?:\(\s*(?=Thường trực))?"  # ("Sở NN&PTNT (Thường trực Ban Chỉ huy ...)": both, rule 8)
    r"(?:(?:Giám đốc|Chủ tịch|Trưởng|Thủ trưởng|Chánh|Chỉ huy trưởng|Tổng biên tập|Thường trực|"
    r"(?:Chi cục|Cục|Hạt|Viện|Hiệu|Vụ) trưởng|"
    r"Người đứng đầu|người đứng đầu|Bí thư|Các|thành viên)(?:\s+các(?=\s))?"  # ("Giám đốc các")
    r"(?:\s*,\s*|\s+và\s+|\s+)){0,2}"  # "..., Trưởng Ban ...", "...; Các Ban QLDA chuyên ngành tỉnh"
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
    r"(?:lực lượng\s+)?"  # "Lực lượng Công an tỉnh tăng cường tuần tra": the body acts
    r"(?:(?:Chỉ huy trưởng|Chi cục trưởng|Cục trưởng|Hạt trưởng)\s+)?$",  # (its head)
    re.IGNORECASE,
)


# a clause that opens on its own request: "...; Đề nghị UBND các xã ...", "...; đồng thời giao
# Công an tỉnh ..." (unless the clause before told what was given: "đã giao ...")
_ASKS_PREFIX = re.compile(
    r"\s*(?:(?:đồng thời|và)\s*,?\s*)?(?:đề nghị|yêu cầu|chỉ đạo|giao(?:\s+cho)?)\s+", re.IGNORECASE
)


_TOLD_BEFORE = re.compile(
    r"(?<!\w)(?:đã|vừa|từng)\s+(?:có\s+)?(?:giao|yêu cầu|đề nghị|chỉ đạo)(?!\w)"
)


# a dateline opens a report of what happened, not a directive: "Ngày 04/3/2022, Văn phòng ..."
_NARRATIVE = re.compile(  # (and the years past: "Trong những năm qua, UBND thành phố tổ chức ...")
    r"[\s\"“'(\-–]*(?:ngày|sáng|chiều|tối|trưa|hôm|tại|theo|trước đó|trước đây|"
    r"(?:trong\s+)?(?:những\s+)?(?:năm|thời gian)\s+qua)\b",
    re.IGNORECASE,
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


# what a body is given to do, an action (not a count: "được giao chủ trì 12 nhiệm vụ, đến nay đã
# hoàn thành 10": an account)
_GIVEN_LEAD = r"(?:chủ trì|thực hiện|tổ chức|triển khai|tham mưu)(?!\w)(?!\s+\d)"
_MODAL = re.compile(
    r"\s*(?:cũng\s+|đều\s+)?(?:phải|cần phải|cần|có trách nhiệm|có nhiệm vụ|(?:sẽ\s+)?"
    + _CHAIRS
    + r"|khẩn trương|tiếp tục|chủ động|tuyệt đối không"
    # (given the lead: "..., Sở Công Thương được giao chủ trì tổ chức ...")
    + r"|được giao(?:\s+nhiệm vụ)?\s+"
    + _GIVEN_LEAD
    # (a ban, not a passive: "các quận không được giao thêm chỉ tiêu biên chế")
    + r"|không được(?!\s+(?:giao|bố trí|cấp|hỗ trợ|phân bổ|phê duyệt|hưởng|xếp|công nhận|thanh toán)(?!\w)))(?!\w)",
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
_TO_PEOPLE = r"(?!\s+(?:kịp thời\s+)?(?:cho|đến|tới)\s+(?:nhân dân|người dân|cộng đồng)\s+(?:biết|về|để)(?!\w))"


_NOT_ACTING = re.compile(
    r"\s*(?:cũng\s+|vẫn\s+|đều\s+|mới đây\s+|gần đây\s+|mới\s+)?(?:đã|vừa|đang|bị|"
    r"được(?!\s+giao(?:\s+nhiệm vụ)?\s+" + _GIVEN_LEAD + ")|"
    r"là(?! (?:cơ quan|đơn vị|đầu mối))|"
    # what a body is, and a newspaper publishing the text: "... là đơn vị sự nghiệp có thu",
    # "Báo Hà Giang trân trọng đăng toàn văn Công điện", "... xin giới thiệu toàn văn ..."
    r"là (?:đơn vị sự nghiệp|cơ quan (?:chuyên môn|hành chính|ngang))|"
    r"(?:trân trọng\s+|xin\s+)?(?:đăng|giới thiệu|đăng tải|gửi tới bạn đọc)\s+(?:toàn văn|nội dung)|"
    r"(?:rất\s+)?hoan nghênh|số ra ngày|đưa tin|phản ánh|nhận được|"  # a newspaper's doings
    r"(?:trân trọng\s+|xin\s+|chân thành\s+)?cảm ơn|đồng (?:chủ trì|tổ chức)|"  # thanks; co-hosts
    # a reply to voters' petitions: "Bộ Y tế xin trả lời đối với từng kiến nghị ..."
    r"(?:xin\s+)?trả lời\s+(?:đối với\s+)?(?:từng\s+|các\s+)?(?:kiến nghị|cử tri|câu hỏi|chất vấn)|"
    # a report of the letter sent, which the body then tells: "Bộ GD&ĐT gửi công điện đến Giám
    # đốc các sở GD&ĐT ... về ứng phó áp thấp nhiệt đới"
    r"gửi\s+(?:công điện|công văn|văn bản|thông báo)(?:\s+hỏa tốc)?\s+(?:đến|tới)(?!\w)|"
    r"có\s+\d+\s+thành viên|"  # a committee's composition
    r"đạt\s+(?:\d[\d.,]*|tỷ lệ)|xếp (?:loại|hạng|thứ)|"  # a score: "huyện Vĩnh Thuận đạt 86,5 điểm"
    r"chịu sự\s+(?:chỉ đạo|quản lý|điều hành|lãnh đạo|giám sát)|"  # who it answers to
    # a proposal upward: "UBND huyện Tri Tôn đề xuất UBND tỉnh, Sở Nông nghiệp ... xem xét ..."
    r"(?:đề xuất|kiến nghị)\s+(?:với\s+)?(?:UBND|Ủy ban|Uỷ ban|Chủ tịch|Thủ tướng|Chính phủ|cấp trên)|"
    # (or asks its own superior, unnamed: "UBND thành phố Ninh Bình tiếp tục đề nghị UBND tỉnh
    # cho phép ...")
    r"(?:tiếp tục\s+)?đề nghị\s+(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:tỉnh|Thành phố)"
    r"(?!\s+(?-i:[A-ZĐ]))|"
    # the letter that conveys a leader's words: "Văn phòng UBND tỉnh truyền đạt ý kiến của ..."
    r"truyền đạt\s+(?:ý kiến|kết luận|chỉ đạo)|"
    # a report of the letter it issued: "Văn phòng Chính phủ có Thông báo số 608/TB-VPCP ..."
    r"(?:có|ban hành)\s+(?:Thông báo|Công văn|Văn bản|Kế hoạch|Quyết định|Công điện|Chỉ thị|"
    r"Nghị quyết)\s+(?:số|khẩn|hỏa tốc|gửi)|"  # ("... tỉnh Thanh Hóa có Công điện khẩn gửi ...")
    r"ban hành\s+(?:quyết định|thông báo)\s|"  # "Hội đồng ... ban hành quyết định công nhận ..."
    # a document issued, by its title: "UBND xã Tịnh Trà ban hành Kế hoạch triển khai ..."
    r"(?-i:ban hành\s+(?:Kế hoạch|Quyết định|Thông báo|Chỉ thị|Công văn|Nghị quyết|Công điện))\b|"
    r"còn(?!\s+(?:có trách nhiệm|có nhiệm vụ|phải|lại)(?!\w))|chưa|cho biết|(?:trân trọng\s+)?kính (?:mời|trình|báo cáo)|cho rằng|nhấn mạnh|phát biểu|nêu rõ|khẳng định|gồm|có ý kiến|tham dự|"
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
    r"(?:cùng\s+)?(?:tham\s+)?dự\s+(?:hội nghị|buổi|cuộc|lễ|họp|phiên họp|có)|có sự tham dự|"
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


_CHAIRS_WITH = re.compile(r"(?<=chủ trì),?\s+cùng(?:\s+với)?\s+")  # ("chủ trì, cùng Sở Y tế ...")


_ISSUER_NAMES = re.compile(
    r"^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) (?:tỉnh|(?:Thành phố|thành phố|TP\b)"
    # (not a city of a province: "Ủy ban nhân dân thành phố Phủ Lý tập trung chỉ đạo ...")
    r"(?!\.?\s*(?!Hà Nội|Hồ Chí Minh|HCM|Hải Phòng|Đà Nẵng|Cần Thơ|Huế)(?-i:["
    + CAPITALS
    + r"][a-zà-ỹđ])))"
    r"|^(?:HĐND|Hội đồng nhân dân|Chính phủ|Thủ tướng|Thành ủy|Tỉnh ủy)",
    re.IGNORECASE,  # "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG" over a page
)


WORD = re.compile(r"\w+")  # a word, as the task rules count them
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


def _former(text: str, pos: int) -> bool:
    """A body marked as no longer existing right after ``pos``: "UBND huyện X (cũ)"."""
    paren = _PARENTHETICAL.match(text, pos)
    return paren is not None and _FORMER_BEFORE.search(paren.group()) is not None


# a comma or a time before the object of a directive verb: "Lãnh đạo tỉnh yêu cầu trước ngày
# 10-5, Sở Tài chính hoàn thành ...", "văn bản số ... chỉ đạo, UBND huyện Cam Lâm phối hợp ..."
_PAUSE_AFTER_VERB = re.compile(  # (after a colon too: "yêu cầu: từ ngày 30/4 đến hết ngày 3/5, ...")
    r",[^\S\n]*|[^\S\n]*:?[^\S\n]*(?:từ|trước|chậm nhất|đến|trong)[^\S\n]+[^,;.:\n]{2,50},[^\S\n]*"
    # a year with no comma before the body: "yêu cầu năm 2023 Thanh tra tỉnh tiếp tục ..."
    r"|[^\S\n]+(?:trong[^\S\n]+)?năm[^\S\n]+(?:19|20)\d\d[^\S\n]+(?=[" + CAPITALS + r"])"
)


# who directs, named before the verb though no registry holds it (another province's UBND)
_AUTHORITY_WORDS = r"UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Chủ tịch|Thủ tướng|Bộ trưởng"


_AUTHORITY = re.compile(rf"(?<!\w)(?:{_AUTHORITY_WORDS})(?!\w)")
# who directs in a report: a committee, a leader of one, a Party secretary ("đồng chí ... Bí
# thư Huyện ủy đã chỉ đạo Trạm thủy nông ...")
_CITES = re.compile(r"(?<!\w)số\s+\d")  # an earlier document cited by its number
_REPORTED_LEADER = re.compile(  # (or named, the verb right after: "ông Nguyễn Tấn Tuân đã yêu
    # cầu ...", not "bà X, người dân thôn 3, đã đề nghị ...")
    rf"(?<!\w)(?:{_AUTHORITY_WORDS}|Bí thư|Giám đốc (?:Sở|Công an)|[Ll]ãnh đạo (?:tỉnh|thành phố)|"
    r"(?:Thành phố|Tỉnh)(?=[^\S\n]+(?:cũng[^\S\n]+)?đã[^\S\n])|"  # ("Thành phố đã có chỉ đạo ...")
    rf"(?:[Ôô]ng|[Bb]à)"
    rf"(?=(?:[^\S\n]+[{CAPITALS}]\w*){{2,4}}[^\S\n]+(?:cũng[^\S\n]+)?(?:đã|vừa)[^\S\n]))(?!\w)"
)


# a body that no longer exists gave it: "UBND tỉnh Lâm Đồng (cũ) giao Sở ..." tells history
_FORMER_BEFORE = re.compile(r"\(cũ\)\s*$", re.IGNORECASE)


def list_from(found: list[AgencyMention], text: str) -> list[AgencyMention]:
    """Consecutive mentions joined by ",", ";", "và", "cùng": "Công an TP, Bộ Tư lệnh ...";
    a vague label before a colon stands for the names after it ("Các đơn vị liên quan: Công
    an tỉnh, Sở Giao thông vận tải, ...")."""
    if (
        (found[0].vague or found[0].is_group)
        and len(found) > 1
        and not found[1].vague
        and not found[1].is_group
        and _NAMES_AFTER.fullmatch(text, found[0].end, found[1].start)
    ):  # (and a group before the names of its members: "các sở, ngành: Công an tỉnh, Y tế")
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


_NAMES_AFTER = re.compile(r"[^\S\n]*:[^\S\n]*")


_MEMBERS_OF = re.compile(r"[\s,;]+(?:(?:là\s+)?thành viên|kiêm)\s*$")


# one named local committee, its unit caught: "UBND huyện Sốp Cộp", "Ủy ban nhân dân xã X"
LOCAL_COMMITTEE = re.compile(
    r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) (huyện|quận|thị xã|thành phố|xã|phường|thị trấn) \S"
)


def _local_committee(subject: list[AgencyMention]) -> bool:
    """One named local committee: "UBND huyện Sốp Cộp chỉ đạo các xã ..." is its directive."""
    return len(subject) == 1 and LOCAL_COMMITTEE.match(subject[0].name) is not None


_LOCAL_ISSUER = re.compile(
    r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) (?:Thành phố|tỉnh|thành phố|TP)\b"
)


def is_issuer(subject: list[AgencyMention]) -> bool:
    """The body that issues directives (the city's People's Committee, the Government)."""
    return any(_ISSUER_NAMES.match(m.name) and not m.is_group for m in subject)
