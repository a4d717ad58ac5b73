"""Lead and partners of a unit: the assignee list after a directive verb (``_object_of``),
the partners after "phối hợp (với)" and "chủ trì cùng", and a unit with its roles set
(``_with_roles``)."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from chidao.extract.grammar import _CHAIRS_WITH, _SUPPORT_ROLE, _TO_OBJECT, Unit, list_from
from chidao.extract.model import AgencyMention, of_a_kind
from chidao.extract.segment import CAPITALS


def _and_asks(
    text: str, obj: list[AgencyMention], found: list[AgencyMention], end: int
) -> list[AgencyMention]:
    """ "đề nghị UBND các xã, phường và yêu cầu Văn phòng Đăng ký đất đai ...": both."""
    also = _AND_ASKS.match(text, obj[-1].end, end)
    return obj + _object_of(text, also.end(), found) if also is not None else obj


_AND_ASKS = re.compile(r"\s*,?\s*(?:và|đồng thời)\s+(?:yêu cầu|đề nghị|giao)\s+", re.IGNORECASE)


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
    if not (m.vague and of_a_kind(m)) or m.name == "cơ quan, đơn vị":
        return m  # (nor "các cơ quan chức năng": vague in its own words, no group it narrows)
    return replace(m, vague=False)


def _partners(text: str, start: int, end: int, found: list[AgencyMention]) -> list[AgencyMention]:
    """The lists after every "phối hợp (với)" in [start, end) that names one: "phối hợp với
    Sở TN&MT xác định vị trí, phối hợp với Sở NN&PTNT xác định mật độ" has two partners."""
    partners: list[AgencyMention] = []
    seen: set[tuple[int, int]] = set()
    roles = list(_SUPPORT_ROLE.finditer(text, start, end))
    if text.find("cùng", start, end) != -1:  # "Sở GTVT chủ trì(,) cùng Công an thành phố ..."
        roles += _CHAIRS_WITH.finditer(text, start, end)
    for m in roles:
        for p in _object_of(text, m.end(), found):
            if (p.start, p.end) not in seen:
                seen.add((p.start, p.end))
                partners.append(p)
    return partners
