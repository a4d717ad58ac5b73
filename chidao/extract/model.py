"""The data that flows through the extraction pipeline.

Every extracted item keeps character offsets (``start``, ``end``) into the normalised
text of its document and the name of the rule that found it, so that a reviewer can be
shown *why* something was proposed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class ReadResult:
    """What a reader returns: text in NFC plus what it learnt about the file."""

    text: str
    format: str  # "text", "markdown", "html", "docx", "pdf"
    encoding: str | None = None  # the source encoding, for text input
    pages: int | None = None
    needs_ocr: bool = False  # a scanned PDF: no usable text layer
    warnings: tuple[str, ...] = ()
    # One entry per page when any page was OCR'd: the mean word confidence (0-100) of an
    # OCR'd page, None for a page read from its text layer. Empty: nothing was OCR'd.
    pages_confidence: tuple[float | None, ...] = ()

    @property
    def ocr(self) -> bool:
        """True when some of the text comes from OCR (and may hold recognition noise)."""
        return any(c is not None for c in self.pages_confidence)


# the group labels of the extraction contract (rule 6) and the registry's ("bộ, ngành trung
# ương" for the Government's texts); a vague phrase outside them names no kind of body
GROUP_LABELS = frozenset(
    ["sở, ban, ngành", "địa phương", "cơ quan, đơn vị", "chủ đầu tư", "doanh nghiệp nhà nước",
     "đoàn thể", "bộ, ngành trung ương"]
)  # fmt: skip


@dataclass(slots=True)  # not frozen: built by the thousand on the hot path
class AgencyMention:
    """An assignee found in text: a registry body, another province's body, or a group."""

    start: int
    end: int
    surface: str  # as written
    name: str  # full official name ("Sở Kế hoạch và Đầu tư") or group label ("sở, ban, ngành")
    agency_id: str | None = None  # registry id, None for groups and unregistered bodies
    is_group: bool = False
    vague: bool = False  # "các đơn vị liên quan": not an assignee to track
    members: tuple[str, ...] = ()  # for groups: registry ids of the members, when known
    rule: str = ""
    uncertain: bool = False  # read from OCR text after a fuzzy correction: check it


def of_a_kind(m: AgencyMention) -> bool:
    """A group that names a kind of body ("sở, ban, ngành"), not a phrase vague in its own
    words ("cơ quan chức năng", "lực lượng chức năng")."""
    return m.is_group and m.name in GROUP_LABELS


@dataclass(slots=True)  # not frozen: built by the thousand on the hot path
class TimeMention:
    """A time expression and what it means.

    ``kind`` is one of:
    - ``"deadline"``: a point or period whose last day is ``value`` ("trước ngày 30/9",
      "trong tháng 8/2021", "Quý III/2021", "cuối năm 2021");
    - ``"date"``: a plain calendar date ("ngày 14/7/2021"), e.g. in a citation;
    - ``"recurrence"``: ``recurrence`` is daily|weekly|monthly|quarterly|yearly;
    - ``"relative"``: a span counted from an event ("trong thời hạn 15 ngày kể từ ngày
      ký"), ``value`` resolved when the anchor is known;
    - ``"period"``: a month, quarter or year named without a deadline marker ("tháng
      2/2021", "năm 2020"), ``value`` its last day;
    - ``"span"``: a range of years ("giai đoạn 2021-2025", "năm học 2021-2022"), never a
      deadline by itself.
    """

    start: int
    end: int
    kind: str
    value: date | None = None
    recurrence: str | None = None
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Reference:
    """A numbered document cited in the text ("Nghị quyết số 75/NQ-CP ngày 14/7/2021")."""

    start: int
    end: int
    number: str  # as written, whitespace removed: "15/2020/QĐ-TTg"
    kind: str | None = None  # "Nghị quyết", "Quyết định", ...
    date: date | None = None
    issuer: str | None = None
    rule: str = ""
    uncertain: bool = False  # read from OCR text after a fuzzy correction: check it


@dataclass(frozen=True, slots=True)
class Correction:
    """A fuzzy repair of OCR noise: ``value`` now stands at ``start:end`` where the OCR
    read ``surface`` ("Sờ Tài chinh" → "Sở Tài chính"). ``kind`` is "agency" or "number"."""

    start: int
    end: int
    surface: str
    value: str
    kind: str


@dataclass(slots=True)
class Task:
    start: int
    end: int
    text: str
    lead: list[AgencyMention] = field(default_factory=list)
    support: list[AgencyMention] = field(default_factory=list)
    deadline: TimeMention | None = None
    recurrence: str | None = None
    rule: str = ""
    marker: str | None = None  # the number of the item it comes from ("2.1.", "a)"), if any
    confidence: float | None = None  # 0-1, from chidao/extract/confidence.py


@dataclass(slots=True)
class DocumentMeta:
    kind: str | None = None
    number: str | None = None
    date: date | None = None
    issuer: str | None = None
    signer: str | None = None
    subject: str | None = None


def new_task(
    start: int, end: int, lead: list[AgencyMention], support: list[AgencyMention], rule: str
) -> Task:
    """A task over ``[start, end)`` of the text; its ``text`` is set once its bounds are final."""
    return Task(start=start, end=end, text="", lead=list(lead), support=list(support), rule=rule)
