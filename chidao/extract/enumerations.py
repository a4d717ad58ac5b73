"""List intros and inline enumerations (rule 2): a unit that only introduces the list
below it, and "... 4 nhóm nhiệm vụ: a; b; c; d" as one task per item.
"""

from __future__ import annotations

import re

from chidao.extract.grammar import (
    WORD,
    Mentions,
    Unit,
    list_from,
)
from chidao.extract.model import AgencyMention, Task, new_task
from chidao.extract.segment import CAPITALS

_OPENS_ON = re.compile(r"[\s\-–+•]*(?:(?:các|những)\s+)?", re.IGNORECASE)


_DETAILING = re.compile(r"(?<!\w)trong đó(?!\w)", re.IGNORECASE)


_ENUM_INTRO = re.compile(r"nhiệm vụ|giải pháp|nội dung|việc|biện pháp|yêu cầu", re.IGNORECASE)


_EXAMPLES = re.compile(r"(?<!\w)(?:như|gồm|bao gồm|chẳng hạn)\s*:\s*$", re.IGNORECASE)


# the words of a bare list intro ("tập trung thực hiện các nhiệm vụ chủ yếu sau đây:")
_INTRO_WORDS = frozenset(
    """tập trung triển khai thực hiện tổ chức tốt nghiêm túc quyết liệt hiệu quả khẩn trương
    tiếp tục các những một số nhiệm vụ nội dung giải pháp công việc biện pháp trọng tâm chủ
    yếu cụ thể sau đây như chủ trì phối hợp nhóm có liên quan theo chức năng và đồng thời
    được giao yêu cầu với cùng chính chỉ đạo trong trên địa bàn tỉnh""".split()
)


_MARKED_ITEMS = re.compile(r"\s*\((?:i|1)\)\s")
# where the next marked item starts: "...; (ii) ...", "...; (2) ..."
_SEMICOLON = re.compile(";")
# two items or more after a label's colon, each opening on a capital: "A ...; B ...; C ..."
_CAPITAL_ITEMS = re.compile(
    r"\s*[" + CAPITALS + r"][^;]{10,}(?:;\s*[" + CAPITALS + r"][^;]{10,})+[.;]?\s*$"
)
_NEXT_MARK = re.compile(r";\s*(?=\((?:[ivx]{1,4}|\d{1,2})\)\s)")


# a numbered name before the colon: "Dự án 1:", "Tiểu dự án 2:", "Phụ lục II:"
_NUMBERED_NAME = re.compile(
    r"(?<!\w)(?!(?:tháng|quý|ngày|năm|tuần|đợt|giai đoạn)\s)\w+\s+(?:\d{1,3}[a-z]?|[IVX]{1,5})\s*$",
    re.IGNORECASE,
)


def _content_words(text: str, start: int, end: int, mentions: Mentions) -> int:
    """Words of ``text[start:end]`` that say what to do: not intro words ("tổ chức triển
    khai thực hiện các nội dung sau"), not assignees, not remarks in brackets."""
    rest = _CITED.sub(" ", _outside_mentions(text, start, end, mentions))
    return sum(1 for w in WORD.findall(rest) if w not in _INTRO_WORDS and not w.isdigit())


def _outside_mentions(text: str, start: int, end: int, mentions: Mentions) -> str:
    """``text[start:end]`` in lower case without its assignees and remarks in brackets."""
    pieces = []
    pos = start
    for m in mentions.between(start, end):
        pieces.append(text[pos : m.start])
        pos = max(pos, m.end)
    pieces.append(text[pos:end])
    return _BRACKETS.sub(" ", " ".join(pieces)).lower()


# "(thực hiện) Quyết định số 2839/QĐ-BNNMT, ngày 21/7/2026 của Bộ ...": what is carried out
_CITED = re.compile(
    r"(?i)(?:quyết định|công văn|kế hoạch|chỉ thị|văn bản|thông báo|nghị quyết|kết luận)"
    r"\s+(?:số\s+)?\S*\d\S*(?:,?\s*ngày\s+\S+)?(?:\s+của\s+[^,;:]{0,80}?(?=\s+(?:với|về|và)\b|[,;:]|$))?"
)


def _only_introduces(text: str, unit: Unit, mentions: Mentions) -> bool:
    """ "... yêu cầu các sở tập trung thực hiện các nhiệm vụ chủ yếu sau đây:", "... giao
    Sở Nội vụ chủ trì, phối hợp với Sở Tài chính (...) triển khai các nội dung sau:" only
    introduce the list below them: after the lead, nothing but intro words, other
    assignees and remarks in brackets."""
    span = text[unit.start : unit.end].rstrip()
    if not span.endswith(":"):
        return False
    if _AS_FOLLOWS.search(span, len(span) - 16) and not _AND_ALSO.search(span):
        return True  # "... triển khai một số biện pháp để phát triển chăn nuôi như sau:"
    return _content_words(text, unit.lead[-1].end, unit.end, mentions) < 4


# a lead-in that says the list below is what to do, whatever it says before
_AS_FOLLOWS = re.compile(r"(?<!\w)như sau\s*:$")
# (not one that gives a task of its own first: "... tiếp tục thực hiện ..., đồng thời tập
# trung thực hiện những nhiệm vụ sau:")
_AND_ALSO = re.compile(r"[,;]\s*(?:đồng thời|và)\s", re.IGNORECASE)


_BRACKETS = re.compile(r"\([^()]*\)")


_LIST_HEAD = re.compile(
    r"(?<!\w)(?:các\s+(?:[Ss]ở|đơn vị|cơ quan|ngành|[Bb]ộ|huyện|xã|phường)|gồm(?:\s+có)?)\s*$"
)


def _enumeration(text: str, unit: Unit, mentions: Mentions) -> list[Task]:
    """ "... 4 nhóm nhiệm vụ trọng tâm: a; b; c; d." is one task per item."""
    colon = text.find(":", unit.lead[-1].end, unit.end)
    if colon == -1:
        return []
    marked = _MARKED_ITEMS.match(text, colon + 1) is not None and (
        _NEXT_MARK.search(text, colon, unit.end) is not None
    )  # ("Bộ Y tế: (i) Tiếp thu ý kiến ...; (ii) Khẩn trương báo cáo ...": marked items)
    # ("Đối với Bộ Y tế: Đẩy nhanh ...; Đảm bảo đủ vắc xin ...; Phối hợp ...": a label over
    # items each opening as a sentence does)
    labelled = (  # (not "Mời ... đơn vị thuộc Bộ Y tế: Cục ..., ...; Tổng hợp ...": a list in it)
        unit.rule == "subject:colon"
        and text.find(":", colon + 1, unit.end) == -1
        and text.find("chịu trách nhiệm", colon + 1, unit.end) == -1  # (accountable: no task)
        and _CAPITAL_ITEMS.match(text, colon + 1, unit.end) is not None
    )
    if not _ENUM_INTRO.search(text, unit.lead[-1].end, colon) and not marked and not labelled:
        return []
    if text.count("(", unit.lead[-1].end, colon) > text.count(")", unit.lead[-1].end, colon):
        return []  # "(... Thông tin liên hệ: Đ/c ...; SĐT ...)": a colon inside brackets
    if _NUMBERED_NAME.search(text, unit.lead[-1].end, colon):
        return []  # "... các nội dung tại Dự án 1: ...; Dự án 2: ...": names, not tasks
    if _DETAILING.search(text, unit.lead[-1].end, colon):
        return []  # "hoàn thiện hồ sơ ..., trong đó làm rõ các nội dung sau: a; b": one task
    if _LIST_HEAD.search(text, max(unit.start, colon - 24), colon):
        return []  # "lấy ý kiến góp ý của các sở: Nông nghiệp ..., Sở Tài chính; ...": names
    if _EXAMPLES.search(text, unit.lead[-1].end, colon + 1):
        return []  # "xử lý nghiêm các hành vi vi phạm như: hàng giả; ...": examples of one object
    after = text[colon + 1 : unit.end]
    if after.lstrip().startswith(("“", '"')):
        return []
    # the items' spans: cut at every ";", or (marked items may hold ";" of their own) only
    # before the next mark
    cuts = _NEXT_MARK if marked else _SEMICOLON
    bounds = [colon + 1]
    for m in cuts.finditer(text, colon + 1, unit.end):
        bounds += [m.start(), m.end()]
    bounds.append(unit.end)
    parts = []
    for a, b in zip(bounds[::2], bounds[1::2], strict=True):
        piece = text[a:b]
        s = a + len(piece) - len(piece.lstrip())
        e = a + len(piece.rstrip())
        if e > s:
            parts.append((s, e))
    if len(parts) < 2:
        return []
    rule = "enumeration:" + unit.rule
    # partners named before the colon are every item's; those inside an item are its own
    # ("Đối với Bộ Y tế: ...; Phối hợp với Bộ Tài chính bảo đảm ...": not the siblings')
    shared = [p for p in unit.support if p.start < colon]
    return [
        new_task(
            s,
            e,
            _own_subject(text, s, e, mentions) or unit.lead,
            shared + [p for p in unit.support if s <= p.start < e],
            rule,
        )
        for s, e in parts
    ]


def _own_subject(text: str, start: int, end: int, mentions: Mentions) -> list[AgencyMention]:
    """The bodies an item opens on, when it names its own ("...; Cổng thông tin điện tử tỉnh
    phải thường xuyên cập nhật ...")."""
    first = mentions.first(start, end)
    if first is None or _OPENS_ON.fullmatch(text, start, first.start) is None:
        return []
    return [m for m in list_from(mentions.between(start, end), text) if not m.vague]
