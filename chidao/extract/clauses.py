"""Where a sentence splits into clauses with assignees of their own (rule 2): at "; "
before new assignees that act, at ", trong khi"/", còn", between parts each led by its own
body ("A do Sở X chủ trì, B do Công an Y chủ trì"), and before a second request ("..., và
đề nghị các đoàn thể ...")."""

from __future__ import annotations

import itertools
import re

from chidao.extract.grammar import (
    _ASKS_PREFIX,
    _BOILERPLATE,
    _CITES,
    _LEAD_ROLE,
    _LIST_GAP,
    _NOT_ACTING,
    _PASSIVE_LEAD,
    _REPORTED_LEADER,
    _SUBJECT_PREFIX,
    _TOLD_BEFORE,
    TRIGGER,
    Mentions,
    list_from,
)
from chidao.extract.segment import CAPITALS

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


# "UBND các phường Ngọc Lâm, Gia Thụy thực hiện đăng ký ..., UBND các phường còn lại tự rà
# soát ...": the others' own part
_THE_REST = re.compile(r",\s+(?=(?:UBND\s+|Ủy ban nhân dân\s+)?các\s+[^;.\n]{1,40}?\s+còn lại\s)")


def _while_clauses(text: str, start: int, end: int, mentions: Mentions) -> list[tuple[int, int]]:
    if text.find("còn lại", start, end) != -1:
        for m in _THE_REST.finditer(text, start, end):
            if mentions.first(start, m.start()) and mentions.first(m.end(), m.end() + 1):
                return [(start, m.start()), (m.end(), end)]
    if text.find("trong khi", start, end) == -1 and text.find(", còn", start, end) == -1:
        return _led_by_clauses(text, start, end, mentions)
    for m in _WHILE.finditer(text, start, end):
        first = mentions.first(m.end(), min(end, m.end() + 40))
        if first is not None and first.start == m.end() and mentions.first(start, m.start()):
            return [(start, m.start()), (m.end(), end)]
    return _and_asks_clauses(text, start, end, mentions)


_PART_OPENING = re.compile(r"(?:việc|công tác|nhiệm vụ|[" + CAPITALS + r"])")
_CLAUSE_GAP = re.compile(r"[,;]\s+|\s+và\s+")


def _led_by_clauses(text: str, start: int, end: int, mentions: Mentions) -> list[tuple[int, int]]:
    """ "Việc rà soát ... do Sở Nông nghiệp chủ trì, việc kiểm tra ... do Công an tỉnh chủ
    trì": each part has its own lead (rule 2), cut at the comma before the next part."""
    chairs = text.find("chủ trì", start, end)
    if chairs == -1 or text.find("chủ trì", chairs + 7, end) == -1:
        return _and_asks_clauses(text, start, end, mentions)  # (two parts need two leads)
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
        # the next part starts on its own opening word ("..., việc kiểm tra ... do Sở X chủ
        # trì"), else at the first gap: the part's own words go on up to it
        opening = [g for g in gaps if _PART_OPENING.match(text, g)]
        cut = opening[-1] if opening else gaps[0] if gaps else None
        if cut is not None and not mentions.first(cut, nxt):
            cuts.append(cut)
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
                    and not _told_before(text, cuts[-1], pos, mentions)
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


def _told_before(text: str, start: int, end: int, mentions: Mentions) -> bool:
    """The clause before tells what was given earlier ("Văn bản số ... đã giao Sở X ..."),
    not, in a report, what a leader directed ("Bí thư Huyện ủy đã chỉ đạo Trạm ...")."""
    told = _TOLD_BEFORE.search(text, start, end)
    return told is not None and not (
        mentions.report
        and _REPORTED_LEADER.search(text, max(start, told.start() - 60), told.start())
        and _CITES.search(text, start, told.start()) is None
    )


def _list_continues(text: str, mentions: Mentions, start: int, semicolon: int) -> bool:
    """ "Giám đốc các Sở, ngành; Chủ tịch UBND các quận ...", "... các ban, ngành cấp tỉnh;
    Chủ tịch ...": the ";" only separates assignees of one list."""
    before = mentions.between(max(start, semicolon - 200), semicolon)
    return bool(before) and _LIST_GAP.fullmatch(text, before[-1].end, semicolon + 2) is not None
