"""An activity's attribute lines under it ("Đơn vị chủ trì: ...", "Đơn vị phối hợp: ...",
"Thời gian: ..."): read, and applied to the item they describe (rule 8).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from chidao.extract.grammar import Mentions
from chidao.extract.model import AgencyMention, Task, new_task
from chidao.extract.segment import Block
from chidao.extract.units import units

if TYPE_CHECKING:  # (annotations only: the modules use each other's types)
    from chidao.extract.headings import _Context

_SUPPORT_IN_VALUE = re.compile(r"(?<!\w)phối hợp(?:\s+(?:với|cùng))?", re.IGNORECASE)


_ATTRIBUTE = re.compile(
    r"(?P<lead>(?:cơ quan|đơn vị)\s+(?:chủ trì|thực hiện|thường trực|đầu mối|chịu trách nhiệm)"
    r"(?:\s+thực hiện)?)|(?P<support>(?:cơ quan|đơn vị)\s+phối hợp(?:\s+thực hiện)?)|"
    r"(?P<time>(?:thời gian|thời hạn|tiến độ)(?:\s+(?:thực hiện|hoàn thành|báo cáo))?"
    r"(?:\s+(?:các\s+)?(?:nội dung|nhiệm vụ|công việc)(?:\s+(?:trên|này|nêu trên))?)?)|"
    r"(?P<other>sản phẩm|kết quả(?: đầu ra)?|hình thức|kinh phí|nguồn kinh phí|nội dung)",
    re.IGNORECASE,
)


_ITEM_WORDS = 3  # words an item with attribute lines says what to do in, at least


@dataclass(frozen=True, slots=True)
class _Attribute:
    """A plan's item attribute line: "- Cơ quan chủ trì: Sở Tư pháp." (value after ":")."""

    name: str  # lead | support | time | other
    start: int
    end: int


def _attribute(text: str, block: Block) -> _Attribute | None:
    if block.role not in ("item", "paragraph", "heading"):
        return None
    m = _ATTRIBUTE.match(text, block.body_start, block.end)
    if m is None:
        return None
    colon = _COLON_AFTER.match(text, m.end(), block.end)
    if colon is None:
        return None
    return _Attribute(m.lastgroup or "other", colon.end(), block.end)


_COLON_AFTER = re.compile(r"\s*:\s*")


# the label over an activity's items, its lead and time on attribute lines after them
_TASK_LABEL = re.compile(
    r"(?:(?:Các\s+)?[Nn]hiệm vụ(?:\s+cụ thể)?|Nội dung(?:\s+(?:nhiệm vụ|thực hiện|công việc))?)"
    r"\s*:\s*"
)


def _following_attributes(
    blocks: Sequence[Block], attrs: list[_Attribute | None], i: int
) -> list[_Attribute]:
    out = []
    j = i + 1
    while j < len(blocks) and (a := attrs[j]) is not None:
        out.append(a)
        j += 1
    return out


def _apply_attributes(
    text: str,
    block: Block,
    tasks: list[Task],
    described: list[_Attribute],
    mentions: Mentions,
    ctx: _Context | None,
) -> list[Task]:
    """The attribute lines under an item name its lead and partners (and its time); "Đơn vị
    thực hiện: Sở X chủ trì, phối hợp với Sở Y" names both."""
    lead: list[AgencyMention] = []
    support: list[AgencyMention] = []
    for a in described:
        found = mentions.between(a.start, a.end)
        if a.name == "lead":
            role = _SUPPORT_IN_VALUE.search(text, a.start, a.end)
            lead += [m for m in found if role is None or m.start < role.start()]
            support += [m for m in found if role is not None and m.start >= role.end()]
        elif a.name == "support":
            support += found
    if not tasks:
        owner = lead or (ctx.lead if ctx else [])
        if not owner or len(text[block.body_start : block.end].split()) < _ITEM_WORDS:
            return []  # (not a portal's footer: "Liên hệ" over "Cơ quan thường trực: ...")
        own = [m for u in units(text, block, mentions) for m in u.support if not m.vague]
        task = new_task(block.body_start, block.end, owner, support or own, "item-with-attributes")
        task.text = text[task.start : task.end].strip()
        task.marker = block.marker
        return [task]
    for task in tasks[-1:]:
        if lead:  # the row's own columns say who does it, and with whom (not the intro
            # above); else the partners its own text names ("(3) Phối hợp Ban Cơ yếu ...")
            task.lead = lead
            task.support = support or [
                m for u in units(text, block, mentions) for m in u.support if not m.vague
            ]
            task.rule = "item-with-attributes"
        elif support:
            task.support = support
    return tasks
