"""The registry's data model: a body (:class:`Agency`), a group (:class:`GroupDef`), the
titles that stand for a body, the province, a validated file (``_Parts``), what a written
form stands for (``_Target``), and :class:`RegistryError`.

Reading and validating a registry file into these objects is :mod:`.loading`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from chidao.extract.errors import ExtractError


class RegistryError(ExtractError):
    """The registry file is unreadable or invalid; the message names the file and entry."""

    code = "E201"


@dataclass(frozen=True, slots=True)
class Agency:
    """One body of the registry. ``name`` is the full official short form used in output."""

    id: str
    name: str
    full_name: str
    aliases: tuple[str, ...]
    kind: str
    groups: tuple[str, ...]
    valid_from: date | None = None
    valid_to: date | None = None
    successor: str | None = None
    note: str = ""

    def valid_on(self, day: date) -> bool:
        """True when the body existed on ``day`` (bounds inclusive; None is open)."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def written_forms(self) -> tuple[str, ...]:
        """Name, full name and aliases, without duplicates, in that order."""
        return tuple(dict.fromkeys((self.name, self.full_name, *self.aliases)))


@dataclass(frozen=True, slots=True)
class GroupDef:
    """A group label and how texts write it.

    ``context_phrasings`` are also ordinary nouns ("địa phương", "đơn vị"): they count only
    next to another assignee, at the start of a clause, or after a directive verb.
    """

    label: str
    description: str
    phrasings: tuple[str, ...]
    context_phrasings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Head:
    text: str
    only_before: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Target:
    """What a folded written form stands for."""

    kind: str  # "agency" | "group" | "vague"
    ids: tuple[str, ...] = ()  # agencies sharing this written form, in file order
    label: str | None = None  # group label (for a vague form: the group it narrows, if any)
    context: bool = False  # a context-only group phrasing


@dataclass(frozen=True, slots=True)
class _Province:
    name: str
    level_words: tuple[str, ...]  # "thành phố", "TP" (or "tỉnh")
    place_names: tuple[str, ...]  # "Hà Nội", "HN"


@dataclass(frozen=True, slots=True)
class _Parts:
    """A validated registry file."""

    province: _Province
    agencies: tuple[Agency, ...]
    groups: tuple[GroupDef, ...]
    heads: tuple[_Head, ...]
    vague_phrasings: tuple[str, ...]
    vague_suffixes: tuple[str, ...]
