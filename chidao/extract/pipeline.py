"""The extraction pipeline: one document in, one annotated ``Extraction`` out.

An explicit, ordered list of small stages; each reads what earlier stages set on the
``Extraction`` and adds its own part (named in its docstring). Stateless apart from the
agency registry, which is loaded once per process: the same call serves a request, a
worker or a batch over an archive. "Today" is passed in, never read from the clock.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from chidao.common import periods
from chidao.extract import confidence
from chidao.extract.agencies import Registry
from chidao.extract.agencies.patterns import _PROVINCES
from chidao.extract.bodies import find_unlisted
from chidao.extract.classes import _MINISTRY_FIELDS
from chidao.extract.dates import find_times
from chidao.extract.docmeta import document_period, find_meta
from chidao.extract.fields import merged_sectors
from chidao.extract.model import (
    AgencyMention,
    Correction,
    DocumentMeta,
    ReadResult,
    Reference,
    Task,
    TimeMention,
    of_a_kind,
)
from chidao.extract.normalize import normalize
from chidao.extract.output import extraction_to_json
from chidao.extract.readers import read_file
from chidao.extract.references import find_references
from chidao.extract.segment import CAPITALS, Block, segment
from chidao.extract.tasks import find_tasks


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one document; offsets point into ``text``."""

    source: str
    read: ReadResult
    today: date | None
    registry: Registry
    text: str = ""
    blocks: list[Block] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    agencies: list[AgencyMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    period: TimeMention | None = None
    tasks: list[Task] = field(default_factory=list)
    candidates: list[Task] = field(default_factory=list)  # every proposal, before the model
    corrections: list[Correction] = field(default_factory=list)  # OCR repairs (fuzzy.py)

    def to_json(self) -> dict[str, Any]:
        """The JSON object of ``shared/eval/README.md``, with spans and rules added; an
        ``ocr`` object (pages' confidence, uncertain items) when any text came from OCR."""
        data = extraction_to_json(self)
        if self.read.ocr:
            from chidao.extract.fuzzy import ocr_json

            data["ocr"] = ocr_json(self)
        return data


def stage_normalise(doc: Extraction) -> None:
    """Reads the reader's text; sets ``text`` (all offsets point into it)."""
    doc.text = normalize(doc.read.text)


def stage_ocr_repair(doc: Extraction) -> None:
    """OCR'd text only. Reads ``text``; repairs agency names and document numbers in it
    and sets ``corrections`` (see ``chidao/extract/fuzzy.py``)."""
    if doc.read.ocr:
        from chidao.extract.fuzzy import repair

        doc.text, doc.corrections = repair(doc.text, doc.registry)


def stage_mark_uncertain(doc: Extraction) -> None:
    """Reads ``corrections``; flags the mentions and references that overlap one."""
    if doc.corrections:
        from chidao.extract.fuzzy import mark_uncertain

        mark_uncertain(doc)


def stage_segment(doc: Extraction) -> None:
    """Reads ``text``; sets ``blocks`` (header, headings, items, paragraphs, footer)."""
    doc.blocks = segment(doc.text)


def stage_metadata(doc: Extraction) -> None:
    """Reads ``text``, ``blocks``; sets ``references`` (body only, own number excluded) and
    ``meta``."""
    found = find_references(doc.text)
    doc.meta = find_meta(doc.text, doc.blocks, found)
    own = doc.meta.number.upper() if doc.meta.number else None
    seen: set[str] = set()
    for ref in found:
        key = ref.number.upper()
        if key != own and key not in seen:
            seen.add(key)
            doc.references.append(ref)


def stage_mentions(doc: Extraction) -> None:
    """Reads ``text``, ``meta``; sets ``agencies`` (the registry's and the unlisted named
    bodies) and ``times`` (years inferred from the
    document's date, else from ``today``) and ``period`` (the period set for all tasks)."""
    doc.agencies = find_unlisted(doc.text, doc.registry.find(doc.text, on=doc.meta.date))
    _of_issuers_province(doc)
    doc.agencies = _of_each_province(doc)
    if _from_government(doc) or _from_ministry(doc):  # rule 6: the issuing level's sectors
        for m in doc.agencies:
            if m.is_group and m.name == _MINISTRIES:
                m.name = "sở, ban, ngành"
    doc.times = find_times(doc.text, doc_date=doc.meta.date, today=doc.today)
    doc.period = document_period(doc.text, doc.times)
    year = None if doc.meta.date is not None else _year_of_text(doc.text)
    _of_its_time(doc, year)
    if doc.meta.date is not None:
        return
    start = _period_start(doc.period)
    if start is not None:
        # an undated text that sets its period ("tháng 3/2022"): day-month dates are of that year
        doc.times = find_times(doc.text, doc_date=start, today=doc.today)
    elif year is not None and doc.today is not None:
        # an undated report of 2021 means 2021 by "trước ngày 12/9", not today's year
        doc.times = find_times(doc.text, year=year)
    elif year is None:
        # a text that names no year at all: "trước ngày 30/9" of an unknown year is no date
        doc.times = find_times(doc.text, today=None)


def _of_its_time(doc: Extraction, year: int | None) -> None:
    """A sector's department as it was when the text was written: its date, else the year
    it speaks of ("ngành nông nghiệp" in 2026 is the Sở Nông nghiệp và Môi trường)."""
    on = doc.meta.date or (date(year, 12, 31) if year is not None else None)
    if on is not None:
        merged_sectors(doc.agencies, on)


# the registry's own place at the end of a name ("Cục Thuế Hà Nội"), and another province
# issuing the text ("UBND tỉnh Quảng Trị")
_PLACE_END = "(?:[Tt]hành phố |tỉnh )?{}$"
_TOP = 600  # characters of a page that hold its headline and lead
_ISSUING_PROVINCE = re.compile(r"UBND ((?:tỉnh|[Tt]hành phố) \w.*)$")
_NAMED_PROVINCE = re.compile(
    r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) ((?:tỉnh|[Tt]hành phố) (?:"
    + "|".join(re.escape(p) for p in _PROVINCES if len(p) > 3)
    + r"))(?!\w)"
)


def _of_issuers_province(doc: Extraction) -> None:
    """In another province's text, "Cục Thuế" and "Kho bạc Nhà nước" are that province's:
    a registry body named after the registry's own place is renamed after the issuer's and
    leaves the registry ("Cục Thuế tỉnh Quảng Trị", not "Cục Thuế Hà Nội")."""
    own = doc.registry.province
    issuer = _ISSUING_PROVINCE.match(doc.meta.issuer or "")
    if issuer is not None:
        place = issuer.group(1)
    elif own not in doc.text and (named := _NAMED_PROVINCE.search(doc.text, 0, _TOP)) is not None:
        place = named.group(1)  # a news page of another province: "UBND tỉnh Bà Rịa - Vũng Tàu"
        # in its headline or lead (not a partner further down a text of the city's own)
    else:
        return
    if own in place:
        return
    place_end = re.compile(_PLACE_END.format(re.escape(own)))
    for m in doc.agencies:
        if m.agency_id is None or m.is_group or own in m.surface or not place_end.search(m.name):
            continue
        if "Thành phố" in m.surface:
            continue  # "Cục Thuế Thành phố": the city's own, as its texts write it
        m.name = place_end.sub("", m.name).rstrip() + " " + place
        m.agency_id, m.rule = None, "pattern:province"


_EACH_PROVINCE = re.compile(r"các tỉnh|(?:các )?địa phương", re.IGNORECASE)  # ("Sở X địa phương")


def _of_each_province(doc: Extraction) -> list[AgencyMention]:
    """ "Cục Quản lý thị trường các tỉnh, thành phố", "Giám đốc Sở GD&ĐT các tỉnh, thành
    phố": each province's body, one assignee — not the provinces as well."""
    own = doc.registry.province
    out: list[AgencyMention] = []
    for m in doc.agencies:
        prev = out[-1] if out else None
        if (
            prev is not None
            and m.is_group
            and not prev.is_group
            and _EACH_PROVINCE.match(m.surface)
            and not doc.text[prev.end : m.start].strip()
        ):
            if prev.agency_id and own not in prev.surface and prev.name.endswith(" " + own):
                prev.name = re.sub(_PLACE_END.format(re.escape(own)), "", prev.name).rstrip()
                prev.agency_id, prev.rule = None, "pattern:province"
            prev.end, prev.surface = m.end, doc.text[prev.start : m.end]
            continue
        out.append(m)
    return out


_MINISTRIES = "bộ, ngành trung ương"
_GOVERNMENT_NUMBER = re.compile(r"-(?:TTg|CP|VPCP)\b")
_GOVERNMENT_HEADER = re.compile(r"THỦ TƯỚNG CHÍNH PHỦ|^CHÍNH PHỦ|VĂN PHÒNG CHÍNH PHỦ", re.MULTILINE)
_GOVERNMENT = re.compile(r"Thủ tướng|Chính phủ|UBND|Ủy ban nhân dân|Uỷ ban nhân dân")
# a ministry's number ("5630/CĐ-BNNMT", "123/BYT-KCB") or header ("BỘ Y TẾ" on its own line)
_MINISTRY_NUMBER = re.compile(
    r"[/-]B(?:NNMT|NNPTNT|NN|YT|GDĐT|CT|TC|XD|CA|QP|TP|NV|KHĐT|TNMT|VHTTDL|LĐTBXH|GTVT|TTTT|NG"
    r"|KHCN|DTTG)(?![A-ZĐ])"
)
_MINISTRY_HEADER = re.compile(  # (not "BỘ CHỈ HUY QUÂN SỰ TỈNH", a province's command)
    r"^BỘ (?:" + "|".join(re.escape(f.upper()) for f in _MINISTRY_FIELDS) + r")\s*$", re.MULTILINE
)
_BEFORE_THAT = re.compile(r"(?<!\w)(?:Trước đó|Trước đây),[^.\n]*$")


# the first body a report tells directing: the Prime Minister's ask makes it the Government's
# text ("..., Thủ tướng Chính phủ yêu cầu ..."), a province's or the city's committee acting
# first its own ("UBND TP Hà Nội có văn bản ... Tại hội nghị, Thủ tướng yêu cầu ...")
_FIRST_DIRECTING = re.compile(
    r"(?P<who>Thủ tướng(?: Chính phủ)?|(?:Chủ tịch )?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) "
    r"(?:tỉnh|thành phố|Thành phố|TP))(?:[^\S\n]+[" + CAPITALS + r"]\w*){0,4}[^\S\n]+"
    r"(?:vừa[^\S\n]+)?(?:yêu cầu|chỉ đạo|giao|đề nghị|có văn bản|có công văn|ban hành)(?!\w)"
)


def _from_government(doc: Extraction) -> bool:
    """The text is the Government's (its number, its header), or a report whose first body
    named is the Prime Minister or the Government, or whose first body told directing is the
    Prime Minister (``_FIRST_DIRECTING``)."""
    if doc.meta.number and _GOVERNMENT_NUMBER.search(doc.meta.number):
        return True
    if _GOVERNMENT_HEADER.search(doc.text, 0, 400):
        return True
    if doc.meta.kind != "tin bài":
        return False
    first = _GOVERNMENT.search(doc.text, 0, 1500)
    if (
        first is not None
        and first.group() in ("Thủ tướng", "Chính phủ")
        and not _BEFORE_THAT.search(doc.text, max(0, first.start() - 40), first.start())
    ):  # (not what the Government asked earlier, the report's background: "Trước đó, ...")
        return True
    directing = _FIRST_DIRECTING.search(doc.text, 0, 2000)
    return directing is not None and directing.group("who").startswith("Thủ tướng")


def _from_ministry(doc: Extraction) -> bool:
    """The text is a ministry's (its number, its header): the ministries it names ("đề nghị
    các bộ, ngành, UBND các tỉnh") are of its own level (rule 6)."""
    if doc.meta.number and _MINISTRY_NUMBER.search(doc.meta.number):
        return True
    return _MINISTRY_HEADER.search(doc.text, 0, 400) is not None


def stage_tasks(doc: Extraction) -> None:
    """Reads ``blocks``, ``agencies``, ``times``, ``period``, ``meta``; sets ``tasks``."""
    doc.tasks = find_tasks(
        doc.text,
        doc.blocks,
        doc.agencies,
        _outside_titles(doc.text, doc.references, doc.times),
        reference_date=doc.meta.date or _period_start(doc.period),
        default_deadline=doc.period,
        own_number=doc.meta.number,
        report=doc.meta.kind == "tin bài",
        government=_from_government(doc),
    )
    # a sentence whose only subject is vague in its own words directs no one: "Cơ quan chức
    # năng phát hiện ...", "Các lực lượng chức năng đang khắc phục ..." (a report's narrative)
    doc.tasks = [
        t
        for t in doc.tasks
        if not t.lead or not t.rule.startswith("subject") or not all(map(_vague_phrase, t.lead))
    ]


def _vague_phrase(m: AgencyMention) -> bool:
    """A vague mention that names no kind of body: "cơ quan chức năng", not "các đơn vị liên
    quan" (the group ``cơ quan, đơn vị``, told to act without a name)."""
    return m.vague and not of_a_kind(m)


# where the title of a cited document ends: its bracket or sentence closes, a new clause opens
# on a capital ("Theo Công văn số ... về việc ..., các sở ...": the comma before "các" does not
# end it, the words after it are the text's own), or a directive verb follows
_TITLE_END = re.compile(
    r"[;)\n:]|\.(?:\s|$)|,\s+(?=[" + CAPITALS + r"])|,\s+(?:các|những|đề nghị|yêu cầu|giao)\s"
    r"|(?<!\w)(?:yêu cầu|(?<![Nn]goại )(?<!bàn )(?<!chuyển )giao(?!\s+(?:thông|lưu|dịch))"
    r"|đề nghị|chỉ đạo|đôn đốc|nhắc nhở)(?!\w)"
)
_TITLE_REACH = 300


def _outside_titles(
    text: str, references: list[Reference], times: list[TimeMention]
) -> list[TimeMention]:
    """Rule 7: the times not in the title of a document the text cites ("Công văn số 896/
    UBND-NC ngày 22-4-2020 về việc triển khai ... quý II-2020)": that document's period, no
    deadline of the text's tasks), but for a deadline stated outright ("trước ngày ...")."""
    if not references:
        return times
    inside: set[int] = set()
    starts = [t.start for t in times]  # (sorted: ``find_times`` gives them in order)
    for r in references:
        end = _TITLE_END.search(text, r.end, r.end + _TITLE_REACH)
        stop = end.start() if end else min(len(text), r.end + _TITLE_REACH)
        inside.update(range(bisect_left(starts, r.end), bisect_left(starts, stop)))
    return [t for k, t in enumerate(times) if k not in inside or t.kind in _STATED]


_STATED = ("deadline", "relative")  # "... trước ngày 05/11/2025": a time the text sets itself


def stage_confidence(doc: Extraction) -> None:
    """Reads ``tasks``; sets ``candidates`` (all of them) and each task's confidence, and
    keeps in ``tasks`` those the learned layer accepts (see ``confidence.py``)."""
    doc.candidates = list(doc.tasks)
    doc.tasks = confidence.apply(doc, doc.tasks, confidence.load_model())


STAGES: tuple[Callable[[Extraction], None], ...] = (
    stage_normalise,
    stage_ocr_repair,
    stage_segment,
    stage_metadata,
    stage_mentions,
    stage_tasks,
    stage_confidence,
    stage_mark_uncertain,
)


# a year on its own or closing a date ("ngày 28/5/2019"), not inside a number ("55/2007/QĐ")
_YEAR = re.compile(  # (closing a date written with dots too: "ngày 2.3.2017")
    r"(?:(?<![\d.-])|(?<=\d\.\d\.)|(?<=\d\.\d\d\.))(?:19|20)\d\d(?![\d/])"
)


def _year_of_text(text: str) -> int | None:
    """The year an undated text speaks of most (the latest on a tie), if it names any."""
    head = text[:20_000]
    counts = Counter(
        int(m.group())
        for m in _YEAR.finditer(head)
        if not _SPAN_YEAR.search(head, max(0, m.start() - 12), m.start())
        and not _SPAN_FROM.match(head, m.end())
    )
    if not counts:
        return None
    return max(counts, key=lambda y: (counts[y], y))


# a year that ends a span or names a target is not the year a text is of: "nhiệm kỳ 2025 -
# 2030", "giai đoạn 2021-2025", "đến năm 2030", "tầm nhìn 2045"
_SPAN_YEAR = re.compile(r"(?:\d[^\S\n]*[-–]|đến năm|tầm nhìn(?: đến)?(?: năm)?)[^\S\n]*$")
_SPAN_FROM = re.compile(r"[^\S\n]*[-–][^\S\n]*(?:19|20)\d\d(?!\d)")


def _period_start(period: TimeMention | None) -> date | None:
    """First day of the period a document sets ("tháng 2/2021" → 2021-02-01), by the one
    period module (``chidao.common.periods``)."""
    if period is None or period.value is None:
        return None
    kind = next((k for k in (periods.MONTH, periods.QUARTER) if k in period.rule), periods.YEAR)
    return periods.of_kind(kind, period.value).start


def extract_read(
    read: ReadResult,
    *,
    source: str = "",
    today: date | None = None,
    registry: Registry | None = None,
) -> Extraction:
    """Run every stage over a reader's result."""
    doc = Extraction(source=source, read=read, today=today, registry=registry or Registry.load())
    for stage in STAGES:
        stage(doc)
    return doc


def extract_text(
    text: str, *, source: str = "", today: date | None = None, registry: Registry | None = None
) -> Extraction:
    """Extract from text already in memory (``str``, any Unicode normal form)."""
    return extract_read(
        ReadResult(text=text, format="text"), source=source, today=today, registry=registry
    )


def extract_file(
    path: str | Path, *, today: date | None = None, registry: Registry | None = None
) -> Extraction:
    """Read a file of any supported format and extract from it.

    Scanned PDFs and images are OCR'd (``OcrUnavailable`` without Tesseract); raises the
    reader's ``ExtractError`` subclasses (unsupported, unreadable)."""
    read = read_file(Path(path))
    return extract_read(read, source=str(path), today=today, registry=registry)
