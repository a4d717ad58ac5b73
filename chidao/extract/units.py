"""Who a unit directs: its subject, the object of a directive verb, or nobody.

Reads the agency mentions of one sentence or clause (a *unit*) and decides which of them
must act: the object of ``giao``, ``yêu cầu``, ``đề nghị``, ``chỉ đạo``, ``nhắc nhở``,
``đòi hỏi``, ``phân công``, ``lưu ý``; a subject that acts ("X chủ trì", "X có nhiệm vụ",
"X phải", "Sở Tài chính: Chủ trì ..."); not a subject that is only accountable ("chịu
trách nhiệm trước"), reported on ("đã", "cho biết") or the issuer itself; and the
partners after "phối hợp (với)". Preambles and closing formulas ("Căn cứ Luật ...;",
"nếu có khó khăn, vướng mắc ...") direct nobody and end the task before them.

Here: a block's units (``units``) and the decision for each (``_analyse``: closings,
sanctions, citations, then the subject, then the directive verbs, then a subject after a
fronted clause, then "do X chủ trì"). The parts it calls on each have a module: the words
it reads and the mention lookup (``grammar``), where a sentence splits (``clauses``), a
unit that opens on its assignees (``subjects``), objects and partners (``roles``).
"""

from __future__ import annotations

import re

from chidao.extract.clauses import _clauses
from chidao.extract.grammar import (
    _AUTHORITY_WORDS,
    _BOILERPLATE,
    _CITES,
    _FORMER_BEFORE,
    _IF_DIFFICULT,
    _LEAD_ROLE,
    _PASSIVE_LEAD,
    _PAUSE_AFTER_VERB,
    _REPORTED_LEADER,
    _SUBJECT_PREFIX,
    TRIGGER,
    Mentions,
    Unit,
    _former,
    list_from,
)
from chidao.extract.model import AgencyMention
from chidao.extract.roles import _and_asks, _object_of, _partners, _with_roles
from chidao.extract.segment import Block
from chidao.extract.subjects import (
    _PARTNERS_FIRST,
    _asks,
    _sent_to,
    _subject,
    _subject_after_comma,
    _with_subject,
)


def units(text: str, block: Block, mentions: Mentions) -> list[Unit]:
    units = []
    for start, end in block.sentences:
        for s, e in _clauses(text, start, end, mentions):
            units.append(_analyse(text, s, e, mentions))
    return units


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
        ):  # (not a notice's boilerplate: "Văn phòng Chính phủ thông báo để Bộ Tài chính biết,
            # thực hiện": the office hands a leader's conclusions on, whose items are the tasks)
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
        (_BOILERPLATE.match(text, start, end) and not _ASKS_ON_PROPOSAL.match(text, start, end))
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
        if (
            not obj
            and (_asks(m) or m.group().lower() == "chỉ đạo")
            and (sent := _sent_to(text, start, m.start(), found))
        ):
            obj = sent  # "Ngày 15/4, Chủ tịch UBND tỉnh đã có điện gửi thủ trưởng các sở, ...
            # yêu cầu tiếp tục ...": those it wrote to
        if not obj and _asks(m) and (which := _IN_WHICH.search(text, m.end(), end)) is not None:
            obj = _object_of(text, which.end(), found)  # "... yêu cầu tập trung phòng dịch,
            # trong đó ngành giáo dục và UBND các quận, huyện tăng tốc tiêm vắc xin ..."
        pause = None if obj else _PAUSE_AFTER_VERB.match(text, m.end())
        if pause is not None and (
            any(f.start < m.start() for f in found)
            or _PAUSE_AUTHORITY.search(text, start, m.start())
        ):
            obj = _object_of(text, pause.end(), found)  # "UBND tỉnh chỉ đạo, UBND huyện ..."
        if obj and m.group().lower() == "giao" and _ALLOCATED_AFTER.match(text, obj[-1].end):
            past = True  # "Thủ tướng giao cho các bộ ... là 708.252,4 tỷ đồng": money allocated
            continue
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
            or _LEVEL_DIRECTS.search(text, max(start, m.start() - 16), m.start())
        )
        if bare and verb == "chỉ đạo" and _leader_directs_on(text, start, mentions):
            bare = False  # "... Bí thư Huyện ủy đã chỉ đạo Trạm ...; Chỉ đạo phòng NN ...": hers
        if obj and not (verb == "chỉ đạo" and bare):
            unit.breaks = False  # (a bare "Chỉ đạo X ..." item: the implied subject directs X)
            obj = _and_asks(text, obj, found, end)
            return _with_roles(text, unit, obj, found, "trigger:" + verb)
    modal_subject = _subject_after_comma(text, start, end, found)
    if modal_subject:
        unit.breaks = False
        return _with_roles(text, unit, modal_subject, found, "subject:modal")
    for m in _PASSIVE_LEAD.finditer(text, start, end):  # "... do Sở Y tế chủ trì, phối hợp ..."
        if _LED_TEAM.search(text, max(start, m.start() - 60), m.start()):
            continue  # "Kết luận thanh tra của Đoàn Thanh tra liên ngành do Sở TNMT chủ trì": who
            # led the team that concluded, not who must act now
        lead = _object_of(text, m.end(), found)
        if lead and _LEAD_ROLE.match(text, lead[-1].end):
            unit.breaks = False
            return _with_roles(text, unit, lead, found, "role:do-chủ-trì")
    if past:
        unit.breaks = True  # history told in passing: neither a task nor a continuation
        return unit
    unit.support = _partners(text, start, end, found)  # "Chủ trì, phối hợp Sở Tư pháp ..."
    return unit


_IN_WHICH = re.compile(r",\s*trong đó\s*,?\s+")


# rule 1: "UBND thành phố giao Chủ tịch UBND quận ...; giám đốc các sở ... chịu trách nhiệm thi
# hành quyết định này" is the execution clause of a decision, whatever verb opens it
_EXECUTES = re.compile(
    r"chịu trách nhiệm thi hành\s+(?:Quyết định|quyết định|Chỉ thị|chỉ thị|Nghị quyết|nghị quyết)"
    r"\s+này"
)


# a leader who acts on a proposal in the same sentence: "Xét đề nghị của UBND tỉnh Quảng Ngãi
# tại văn bản số ..., Phó Thủ tướng Vũ Văn Ninh giao các Bộ: ... xem xét xử lý" (the proposal
# alone, "Xét đề nghị của Giám đốc Sở Nội vụ,", is a decision's basis, no task)
_ASKS_ON_PROPOSAL = re.compile(
    r"[\s\-–]*(?:xét|theo) đề nghị[^\n]{0,700}?,\s*(?:Phó\s+)?(?:Thủ tướng|Bộ trưởng|Chủ tịch)"
    r"[^;.\n]{0,80}?\s(?:giao|yêu cầu|chỉ đạo)\s",
    re.IGNORECASE,
)


_ALLOCATED_AFTER = re.compile(  # (the sum named after the receivers: "... là 708,4 tỷ đồng")
    r"[^.;\n]{0,60}?\s(?:là|số tiền|tổng số|với tổng số|số vốn)\s*:?\s*[\d.,]+\s*(?:tỷ|triệu|nghìn)"
)
_LED_TEAM = re.compile(  # (whose work is cited: "của Đoàn ...", not "Thành lập các Đoàn ...")
    r"của\s+(?:các\s+)?(?:Đoàn|đoàn|Tổ|tổ|Hội đồng|hội đồng|cuộc|đợt)\s+(?:thanh tra|kiểm tra|công tác|liên ngành|"
    r"Thanh tra|Kiểm tra|Công tác|khảo sát|giám sát)[^,;.:]{0,40}$"
)


def _leader_directs_on(text: str, start: int, mentions: Mentions) -> bool:
    """In a report, a clause "Chỉ đạo X ..." after "; " goes on with the leader who directed
    in the clause before it on the same line."""
    line = text.rfind("\n", 0, start) + 1
    return (
        mentions.report
        and line < start
        and text[max(line, start - 2) : start] == "; "
        and _REPORTED_LEADER.search(text, line, start) is not None
    )


def _reported(text: str, start: int, verb: int, mentions: Mentions) -> bool:
    """In a news report, the committee's or the leader's "đã yêu cầu" right before ``verb``
    is the directive the report tells ("UBND tỉnh đã yêu cầu Công an tỉnh ..."), unless an
    earlier document is cited there."""
    if not mentions.report:
        return False
    subject = _REPORTED_LEADER.search(text, max(start, verb - 90), verb)
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


# ... and the province's leaders by their level: "Tỉnh chỉ đạo Sở Y tế hỗ trợ ...", "Lãnh đạo
# tỉnh Đồng Nai yêu cầu ..."
_DIRECTING_WORDS = (
    rf"{_AUTHORITY_WORDS}|[Ll]ãnh đạo tỉnh|[Ll]ãnh đạo [Tt]hành phố|Tỉnh|Thành phố|Bộ|Sở"
)


_DIRECTING = re.compile(rf"(?<!\w)(?:{_DIRECTING_WORDS})(?!\w)")
# a level alone right before the verb: "Đồng thời huyện chỉ đạo các phòng, ban ..."
_LEVEL_DIRECTS = re.compile(r"(?<!\w)(?:huyện|tỉnh|quận|thị xã)\s+(?:cũng\s+|đã\s+)?$")


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


# the kinds of document a text cites by number ("Kế hoạch số 306/KH-UBND")
_DOCUMENT_KINDS = (
    r"(?:văn bản|công văn|quyết định|kế hoạch|thông báo(?: kết luận)?|chỉ thị|công điện"
    r"|nghị quyết|phương án|chương trình|kết luận)"
)


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
