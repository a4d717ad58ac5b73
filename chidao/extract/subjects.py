"""A unit that opens on its assignees: whether they act ("X chủ trì", "X có nhiệm vụ", "X
phải"), only answer for something ("chịu trách nhiệm trước"), are reported on ("đã", "cho
biết"), or are the issuer; and a subject after a fronted clause ("Để ..., các sở phải ...",
"Chủ tịch UBND tỉnh nhấn mạnh các sở ...")."""

from __future__ import annotations

import bisect
import re

from chidao.extract.grammar import (
    _ACCOUNTABLE,
    _AUTHORITY,
    _FRONTED,
    _INTRO_COLON,
    _ISSUER_MODAL,
    _LEAD_ROLE,
    _LIST_GAP,
    _LOCAL_ISSUER,
    _MAX_LIST,
    _MODAL,
    _NARRATIVE,
    _NOT_ACTING,
    _PARENTHETICAL,
    _PAUSE_AFTER_VERB,
    _RELATIVE,
    _REPORTED_FRONT,
    _SUBJECT_COLON,
    _SUBJECT_PREFIX,
    _TITLE,
    _TRANSFER,
    _WHICHEVER,
    Unit,
    _former,
    _local_committee,
    is_issuer,
    list_from,
)
from chidao.extract.model import AgencyMention
from chidao.extract.roles import (
    _FOR_ACTION,
    _FORWARDS,
    _TO_WORD,
    _and_asks,
    _object_of,
    _with_roles,
)
from chidao.extract.segment import CAPITALS

_ATTENDS_AND_ACTS = re.compile(
    r"\s*(?:tham\s+)?dự\s+(?:họp|hội nghị|phiên họp|cuộc họp)(?!\w)", re.IGNORECASE
)


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
    leader = _LEADER.match(subject[-1].surface) is not None
    if leader and (second := _SECOND_TITLE.match(text, last)) is not None:
        # "Giám đốc Sở NN-MT, Phó Trưởng Ban Chỉ huy PTDS Bùi Văn Thăng đề nghị ...": one person
        title = next((m for m in found if m.start == second.end()), None)
        last = title.end if title is not None else last
    # (or the titles of one person, the first a leader's: "Giám đốc Sở NN&PTNT, Thường trực Ban
    # Chỉ huy PCTT tỉnh Lê Hữu Toàn cho biết ...")
    titled = leader or _LEADER.match(subject[0].surface) is not None
    person = _PERSON.match(text, last) if titled else None
    if person is not None:
        last = person.end()  # "Chủ tịch UBND TP Cần Thơ Trần Việt Trường yêu cầu ...": the leader
    if subject[-1].surface.lower().endswith("đơn vị") and _ADMINISTRATIVE.match(text, last):
        return unit  # "Các đơn vị hành chính mới sẽ đi vào hoạt động ...": places, no one told
    if subject[-1].surface.endswith("TP") and (city := _CITY_NAMED.match(text, last)):
        last = city.end()  # "Chủ tịch UBND các huyện, thị xã, TP.Lào Cai có trách nhiệm ..."
    if [m.name for m in subject] in (["địa phương"], ["cơ quan, đơn vị"]) and _THESE.match(
        text, last
    ):
        # "Các địa phương này phải báo cáo ...": the places just named; the task that named
        # them goes on (``_block_tasks``), else they act on their own
        return _with_roles(text, unit, subject, found, "subject:these")
    if text.startswith(_TAIL_WORDS, last + 1):  # (a plain test first: most subjects act at once)
        last = _past_tail(text, last, found)
    if (dots := _TRAILING_DOTS.match(text, last)) is not None:
        last = dots.end()  # "Các sở Xây dựng, Tài chính, Ban Quản lý dự án ... tỉnh... chung tay"
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
    if to and _ASKS_AFTER.match(text, _past_tail(text, to[-1].end, found)):  # (past "thuộc tỉnh")
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
    guides = _GUIDES.match(text, last)
    guided = _object_of(text, guides.end(), found) if guides is not None else []
    if guided and _TO_CARRY_OUT.match(text, guided[-1].end):
        # "Sở GDĐT hướng dẫn các cơ sở giáo dục phổ thông thực hiện nhiệm vụ ... như sau:"
        return _with_roles(text, unit, guided, found, "trigger:hướng dẫn")
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


_GUIDES = re.compile(r"\s*(?:(?:cũng|tiếp tục)\s+)?hướng dẫn(?!\w)")
_TO_CARRY_OUT = re.compile(r"\s+(?:thực hiện|triển khai|tổ chức thực hiện)(?!\w)")


_WHICH_ARE = re.compile(r"\s+(?:đang|đã)\s+(?:thực hiện|áp dụng)\s", re.IGNORECASE)


_ACTS_LATER = re.compile(
    r",\s+(?:(?:căn cứ|trên cơ sở)[^,;.]{0,120},\s+)?(?:chủ động|khẩn trương|tiếp tục|phải|cần|"
    r"có trách nhiệm)\s"
)


_TRAILING_DOTS = re.compile(r"\s*(?:\.{3}|…)(?=\s+[a-zà-ỹđ])")


# a leader named by title and then by name: "Phó Chủ tịch UBND tỉnh Nguyễn Văn A yêu cầu ..."
_LEADER = re.compile(
    r"(?:Phó\s+)?(?:Chủ tịch|Giám đốc|Bí thư|Bộ trưởng|Thủ tướng|Chánh Văn phòng)\s"
)


_SECOND_TITLE = re.compile(  # ("..., Thường trực Ban Chỉ huy ... tỉnh Lê Hữu Toàn cho biết")
    r",[^\S\n]+(?:Phó[^\S\n]+)?(?:Trưởng|Chủ tịch|Giám đốc|Chỉ huy trưởng|Thường trực)[^\S\n]+"
)


_PERSON = re.compile(  # (after a dash too: "Chủ tịch UBND huyện Bến Lức - Lê Thành Út"; or
    # between commas: "Giám đốc Sở Tài chính thành phố Huế, ông La Phúc Thành, cho biết")
    rf"(?:[^\S\n]+[-–]|,(?=[^\S\n]+(?:ông|bà)[^\S\n]))?(?:[^\S\n]+(?:ông|bà))?"
    rf"[^\S\n]+(?:[{CAPITALS}][a-zà-ỹđ]*[^\S\n]+){{1,3}}[{CAPITALS}][a-zà-ỹđ]*"
    r"(?=[^\S\n,]|[,;.:]|$)(?:,(?=[^\S\n]+[a-zđ]))?"
)


_PLACE_TAIL = re.compile(
    r"\s*,\s*(?:xã|phường|thị trấn|huyện|quận|thị xã|tỉnh|thành phố)\s+["
    + CAPITALS
    + r"][\w\s-]{0,40}[.;,]?\s*"
)


_ASKED_BY = re.compile(
    r"\s*(?:cũng\s+|đã\s+|vừa\s+)?được\s+(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Chủ tịch|Phó Chủ tịch|"
    r"Thủ tướng|lãnh đạo|tỉnh|[Tt]hành phố|huyện)[^,.;:\n]{0,60}?(?:yêu cầu|giao|đề nghị|chỉ đạo)(?!\w)"
    # given the role in the passive: "Sở Tài chính được giao chủ trì, phối hợp với ..."
    r"|\s*(?:tiếp tục\s+|cũng\s+|vừa\s+)?được\s+giao\s+(?:nhiệm vụ\s+)?(?:là\s+)?(?:cơ quan\s+)?"
    r"(?=chủ trì|làm đầu mối|phối hợp)"
    # "Công an tỉnh được giao đảm bảo an ninh ...", "UBND cấp xã cũng được giao nhiệm vụ ký
    # hợp đồng ...": given an action now (not "đã được giao": what it was given before)
    r"|\s*(?:cũng\s+|vừa\s+)?được\s+(?:giao|yêu cầu|đề nghị)\s+(?:nhiệm vụ\s+|trách nhiệm\s+)?"
    r"(?=[a-zà-ỹđ])(?!(?:tại|theo(?!\s+dõi)|từ|trong|cho|quản lý|nhiệm vụ|làm chủ đầu tư)(?!\w))"
)


def _asks(m: re.Match[str]) -> bool:
    return m.group().lower() in ("yêu cầu", "đề nghị")


def _sent_to(text: str, start: int, verb: int, found: list[AgencyMention]) -> list[AgencyMention]:
    """The list after "gửi" that ends right before the asking verb, if any."""
    sent = max(text.rfind("gửi ", start, verb), text.rfind("gửi:", start, verb))
    if sent == -1 or not _SENDS_TO.search(text, max(start, sent - 80), sent + 5):
        return []
    if not (any(f.start < sent for f in found) or _AUTHORITY.search(text, start, sent)):
        return []  # "- Có văn bản gửi Bộ Xây dựng đề nghị hướng dẫn ...": the item's own ask
    to = _object_of(text, sent + 4, found)
    # (right before the verb, past what qualifies the list: "... đoàn thể thuộc tỉnh, chỉ đạo")
    return to if to and not text[_past_tail(text, to[-1].end, found) : verb].strip(" ,") else []


_SENDS_TO = re.compile(
    r"\s*(?:đã\s+|vừa\s+)?(?:có|ban hành|ký ban hành|ký)\s+(?:văn bản|công văn|công điện|điện|thông báo)"
    r"[^,.;:\n]{0,100}?,?\s+gửi\s*:?\s*",  # ("... số 180/CĐ-TTg ngày 30/9/2025 của Thủ tướng, gửi")
    re.IGNORECASE,
)


_ASKS_AFTER = re.compile(  # (or what the letter is about, an action: "... về việc kiểm tra, xử lý")
    r"\s*,?\s*(?:và\s+)?(?:(?:đề nghị|yêu cầu|chỉ đạo)(?!\w)|về việc\s+(?=(?:kiểm tra|xử lý|triển khai|"
    r"tăng cường|khẩn trương|rà soát|tổ chức|thực hiện)(?!\w)))",
    re.IGNORECASE,
)


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
        or (_HEAD_OF_OFFICE.fullmatch(prefix) and first.surface[:5].lower() == "phòng")
    ):
        if not _REGARDING.fullmatch(prefix):
            return []
        listed = list_from(found, text)  # "Đối với huyện Khánh Sơn: Áp dụng ...": a label
        for k in range(len(listed) - 1):
            if text[listed[k].end : listed[k + 1].start].strip() == "," and is_issuer(
                [listed[k + 1]]
            ):  # "Đối với Sở Xây dựng, UBND TP. Hải Phòng yêu cầu phải kiểm tra ...": the
                return listed[: k + 1]  # bodies it is about, then who speaks
        colon = _SUBJECT_COLON.match(text, listed[-1].end)
        if colon is None:  # "Đối với UBND các huyện, thành, thị cần xây dựng kế hoạch ...": told
            return listed if _REGARDING_MUST.match(text, listed[-1].end) else []
        return listed if not _DESCRIBES.match(text, colon.end()) else []
    listed = list_from(found, text)
    such = _SUCH_AS.match(text, listed[-1].end) if listed[-1].is_group else None
    if such is not None:  # "Các sở, ngành liên quan như: Sở NN&PTNT, Công an tỉnh, ... khẩn
        named = [m for m in found if m.start >= such.end()]  # trương ...": those it names
        if named and named[0].start == such.end():
            return list_from(named, text)
    return listed


# the head of an office before its name: "Trưởng phòng Giáo dục và Đào tạo các quận ..."
_HEAD_OF_OFFICE = re.compile(r"[\s\-–+•]*Trưởng\s+")


# a vague group's members, named: "Các sở, ngành liên quan như: Sở ..., Công an tỉnh, ..."
_SUCH_AS = re.compile(r"\s*(?:như|gồm|bao gồm)\s*:?\s*")


_REGARDING = re.compile(
    r"[\s\-–+•]*(?:(?:[Tt]heo đó|[Cc]ụ thể)\s*,\s*)?(?:[Đđ]ối với|ĐỐI VỚI)\s+(?:các\s+)?"
)


_REGARDING_MUST = re.compile(r"[^;:.\n]{0,30}?\s(?:cần phải|cần|phải|có trách nhiệm)\s")


# what a label describes rather than directs: "Đối với UBND cấp xã: Có kết quả đánh giá ..."
_DESCRIBES = re.compile(  # (not "Có kế hoạch tổ chức ...": to make a plan is a duty)
    r"(?:Có(?!\s+(?:kế hoạch|phương án|văn bản|biện pháp|giải pháp)(?!\w))|Là|Được|Đạt|Gồm|Không|"
    r"Chưa|Tổng|Số)(?!\w)"
)


# a short label before the subject: "Liệt kê tài liệu: Các cơ quan, địa phương liệt kê ..."
_LABEL = re.compile(r"[\s\-–+•]*[" + CAPITALS + r"][^,;:.()\n]{2,40}(?<!gồm)(?<!gồm có):\s*")


# a fronted basis or purpose: "Căn cứ Kế hoạch này, các sở ... xây dựng ..."
_BASIS_FRONTED = re.compile(
    r"[\s\-–]*(?:[a-zđ0-9]{1,2}[.)]\s*)?(?:(?:theo đó|đồng thời|bên cạnh đó|ngoài ra),\s*)?"
    r"(?:căn cứ|trên cơ sở|dựa trên|để|nhằm)\b[^;:.]{3,200}?,\s*$",
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
    r"(?<!\w)(?:nhấn mạnh|lưu ý|(?P<affirms>khẳng định))(?:\s+(?:rằng|là))?\s*:?\s*[“\"]?\s*$",
    re.IGNORECASE,
)


_OF_WHOM = re.compile(r"(?<!\w)của\s+$")


def _after_possessed(text: str, found: list[AgencyMention], i: int, m: AgencyMention) -> bool:
    """ "Trên cơ sở báo cáo của các đơn vị, địa phương, Sở Kế hoạch và Đầu tư có nhiệm vụ
    ...": the list began on the owner of the basis ("của ..."); its last item, alone before
    a duty, is the subject after the fronted clause. The plain tests first, and the walk back
    to the list's start bounded: a long list is read in linear time."""
    if not text[max(0, m.start - 3) : m.start].rstrip().endswith(","):
        return False
    if _MODAL.match(text, m.end) is None:
        return False
    j = i - 1
    while j and i - j < _MAX_LIST and _LIST_GAP.fullmatch(text, found[j - 1].end, found[j].start):
        j -= 1
    return _OF_WHOM.search(text, max(0, found[j].start - 8), found[j].start) is not None


def _subject_after_comma(
    text: str, start: int, end: int, found: list[AgencyMention]
) -> list[AgencyMention]:
    """ "Để tăng trưởng ..., các sở ngành phải ...": a subject after a fronted clause (after
    a basis or purpose, any verb that acts: "Căn cứ Kế hoạch này, các sở xây dựng ...")."""
    for i, m in enumerate(found):
        before = text[max(0, m.start - 3) : m.start].rstrip()
        if (
            i
            and _LIST_GAP.fullmatch(text, found[i - 1].end, m.start)
            and not _after_possessed(text, found, i, m)
        ):
            continue  # inside a list: "phối hợp với Sở Tài chính và các sở, ngành, địa phương"
        stress = _STRESSES.search(text, max(start, m.start - 20), m.start)
        stressed = stress is not None and not stress.group("affirms")  # (any verb after it)
        if (
            before.endswith(",")
            or before.endswith("“")
            or before.endswith('"')
            or _THEREFORE.search(text, max(0, m.start - 12), m.start)
            or stress is not None  # ("khẳng định: các sở, ngành phải ...": with a modal only)
        ):  # ("..., do đó các cấp, các ngành cần tập trung ...")
            lst = list_from(found[i:], text)
            named = _NAMED_ABOVE.match(text, lst[-1].end)  # ("UBND 5 huyện nói trên có ...")
            at = named.end() if named else _past_tail(text, lst[-1].end, found)
            if (_ISSUER_MODAL if is_issuer(lst) else _MODAL).match(text, at) and not (
                _NOT_ACTING.match(text, at)  # ("..., UBND thành phố tiếp tục đề nghị UBND tỉnh")
            ):
                return lst
            locative = _LOCATIVE.match(text, lst[-1].end)
            after = locative.end() if locative else lst[-1].end
            if (
                _BASIS_FRONTED.fullmatch(text, start, m.start)
                and not is_issuer(lst)
                and _SUBJECT_COLON.match(text, after)
            ):  # "Theo đó, để bảo đảm ..., các sở, ban, ngành và UBND các quận: Quán triệt ..."
                return lst
            if (
                (stressed or _BASIS_FRONTED.fullmatch(text, start, m.start))
                # ("Chủ tịch UBND tỉnh nhấn mạnh các sở, ngành bám sát kế hoạch, ...")
                and not is_issuer(lst)  # "Để ..., Chủ tịch UBND tỉnh kêu gọi ...": its own act
                and not text[start:end].rstrip().endswith(":")  # "..., Sở X dự báo như sau:"
                and not _NOT_ACTING.match(text, after)
                and not _TRANSFER.match(text, after)
            ):
                return lst
        elif before.endswith(":") and _SHARES_OUT.search(text, max(start, m.start - 80), m.start):
            # "... đã có phân công trách nhiệm cụ thể: Ban Quản lý Khu kinh tế sẽ chủ trì, ..."
            lst = list_from(found[i:], text)
            if not is_issuer(lst) and _MODAL.match(text, _past_tail(text, lst[-1].end, found)):
                return lst
    return []


# the first words of what may stand between a subject and its verb
_TAIL_WORDS = ("nói", "kể", "nêu", "trên", "của", "thuộc", "theo", "căn", "là", "thành")


def _past_tail(text: str, last: int, found: list[AgencyMention]) -> int:
    """Where a subject's verb may start after the words that qualify the subject: "UBND 5
    huyện nói trên", "Các đơn vị của Quận theo nhiệm vụ được phân công,", "Các sở, ngành là
    thành viên Ban Chỉ huy"."""
    if (named := _NAMED_ABOVE.match(text, last)) is not None:
        last = named.end()
    if (of_level := _OF_LEVEL.match(text, last)) is not None:
        last = of_level.end()
    if (assigned := _AS_ASSIGNED.match(text, last)) is not None:
        last = assigned.end()
    if (members := _MEMBERS.match(text, last)) is not None:
        board = bisect.bisect_left(found, members.end(), key=lambda m: m.start)
        if board < len(found) and found[board].start == members.end():
            last = found[board].end
        elif (bare := _BOARD.match(text, members.end())) is not None:
            last = bare.end()
    return last


_ADMINISTRATIVE = re.compile(r"\s+hành chính(?!\w)(?!\s*,?\s*(?:và\s+)?sự nghiệp)")


_OF_LEVEL = re.compile(
    r"\s+(?:của|thuộc)\s+(?:[Qq]uận|[Hh]uyện|[Tt]hị xã|[Tt]ỉnh|[Tt]hành phố)(?=[\s,])"
)


_AS_ASSIGNED = re.compile(
    r"\s+(?:theo|căn cứ|trong phạm vi)\s+(?:chức năng,?\s*)?nhiệm vụ(?:,?\s*(?:và\s+)?quyền hạn)?"
    r"(?:\s+(?:được\s+(?:giao|phân công)|của mình))?(?:\s*,(?=\s)|(?=\s+(?:chủ động|khẩn trương|"
    r"tiếp tục|phải|cần|có trách nhiệm|thực hiện|triển khai|tổ chức)(?!\w)))"
)


_CITY_NAMED = re.compile(r"\.[^\S\n]?[" + CAPITALS + r"]\w*(?:[^\S\n][" + CAPITALS + r"]\w*){0,3}")
_THESE = re.compile(r"\s+này(?=\s)")
_NAMED_ABOVE = re.compile(r"\s+(?:nói trên|kể trên|nêu trên|trên)(?=\s)")


_MEMBERS = re.compile(r"\s+(?:là\s+)?thành viên\s+(?:của\s+)?")


_BOARD = re.compile(
    r"(?:Ban [Cc]hỉ (?:huy|đạo)|Hội đồng|Tổ công tác)(?:\s+[" + CAPITALS + r"]\w*)*"
)
