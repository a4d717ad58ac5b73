"""The registry: a validated registry file, its look-ups (by id, successor, group
members, autocomplete) and :meth:`Registry.find`, which compiles the matcher
(:mod:`.matcher`) on first use; :meth:`Registry.load` reads a file once per process.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

from chidao.extract.agencies.data import Agency, GroupDef, RegistryError
from chidao.extract.agencies.folding import fold_search
from chidao.extract.agencies.loading import _build_index, _parse_document
from chidao.extract.agencies.matcher import _Matcher
from chidao.extract.model import AgencyMention

DEFAULT_REGISTRY = "agencies_hanoi.json"  # in the package's data/ folder


class Registry:
    """A validated agency registry and its compiled matcher.

    Get one with :meth:`load` (cached per file for the process) or :meth:`from_data`. The
    matcher is compiled on the first :meth:`find` and then reused.
    """

    _cache: ClassVar[dict[str, Registry]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, data: Any, source: str = "<data>") -> None:
        """Validate ``data`` (parsed JSON); raise :class:`RegistryError` naming ``source``."""
        parts = _parse_document(data, source)
        self.source = source
        self.province: str = parts.province.name
        self.agencies: tuple[Agency, ...] = parts.agencies
        self.groups: dict[str, GroupDef] = {g.label: g for g in parts.groups}
        self._parts = parts
        self._by_id = {a.id: a for a in self.agencies}
        self._order = {a.id: i for i, a in enumerate(self.agencies)}
        self._index = _build_index(parts, source)
        self._matcher: _Matcher | None = None
        self._search_rows = [
            (a, [fold_search(f) for f in a.written_forms()]) for a in self.agencies
        ]

    # -- construction --

    @classmethod
    def load(cls, path: str | Path | None = None) -> Registry:
        """The registry in ``path`` (default: the packaged Hà Nội file), read once per process.

        Raises :class:`RegistryError` for a missing, unreadable or invalid file.
        """
        key = (
            str(Path(path).resolve())
            if path is not None
            else f"chidao/extract/data/{DEFAULT_REGISTRY}"
        )
        with cls._lock:
            registry = cls._cache.get(key)
            if registry is None:
                registry = cls._cache[key] = cls._read(path, key)
        return registry

    @classmethod
    def clear_cache(cls) -> None:
        """Forget loaded registries (tests, or a data file changed on disk)."""
        with cls._lock:
            cls._cache.clear()

    @classmethod
    def from_data(cls, data: Any, source: str = "<data>") -> Registry:
        """A registry from already-parsed JSON; not cached."""
        return cls(data, source)

    @classmethod
    def _read(cls, path: str | Path | None, source: str) -> Registry:
        try:
            if path is None:
                ref = resources.files("chidao.extract").joinpath("data", DEFAULT_REGISTRY)
                text = ref.read_text(encoding="utf-8")
            else:
                text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RegistryError(source, f"cannot read the registry: {exc}") from exc
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RegistryError(source, f"not valid JSON: {exc}") from exc
        return cls(data, source)

    # -- look-ups --

    def get(self, agency_id: str) -> Agency | None:
        """The body with this id, or None."""
        return self._by_id.get(agency_id)

    def __getitem__(self, agency_id: str) -> Agency:
        try:
            return self._by_id[agency_id]
        except KeyError:
            raise KeyError(f"no agency {agency_id!r} in {self.source}") from None

    def successor(self, agency_id: str, *, on: date | None = None) -> Agency | None:
        """The body that took over ``agency_id``'s tasks, or None.

        Without ``on``: the immediate successor. With ``on``: follows the chain to the first
        body valid on that date (or to its last link).
        """
        current = self[agency_id]
        nxt = self._by_id.get(current.successor) if current.successor else None
        while on is not None and nxt is not None and not nxt.valid_on(on) and nxt.successor:
            nxt = self._by_id[nxt.successor]
        return nxt

    def members(self, label: str, *, on: date | None = None) -> tuple[Agency, ...]:
        """Bodies of group ``label`` in file order; with ``on``, only those valid that day."""
        if label not in self.groups:
            raise KeyError(f"no group {label!r} in {self.source}")
        return tuple(
            a for a in self.agencies if label in a.groups and (on is None or a.valid_on(on))
        )

    def search(self, prefix: str, *, on: date | None = None, limit: int = 20) -> list[Agency]:
        """Autocomplete: bodies whose name or a written form starts with ``prefix``.

        Accent- and đ-insensitive ("so ke hoach" finds Sở Kế hoạch và Đầu tư). A match at
        the start of the official name ranks first, then of another form, then at the start
        of a later word; with ``on``, bodies valid that day rank before the others.
        """
        q = fold_search(prefix)
        if not q:
            return []
        ranked = []
        for a, forms in self._search_rows:
            rank = _search_rank(q, forms)
            if rank is not None:
                stale = on is not None and not a.valid_on(on)
                ranked.append((rank, stale, self._order[a.id], a))
        ranked.sort(key=lambda r: r[:3])
        return [r[3] for r in ranked[:limit]]

    def resolve(self, ids: Sequence[str], on: date | None = None) -> Agency:
        """Of bodies sharing a written form: the first valid on ``on``, else the first."""
        agencies = [self[i] for i in ids]
        if on is not None:
            for a in agencies:
                if a.valid_on(on):
                    return a
        return agencies[0]

    # -- matching --

    def find(self, text: str, *, on: date | None = None) -> list[AgencyMention]:
        """Every assignee mentioned in ``text``, in order of position, without overlaps.

        Offsets index ``text`` as given (NFC or not). ``on`` is the document's date: it
        chooses between bodies sharing a written form and filters group members; without it
        the first body in file order wins and a group lists all its members.
        """
        matcher = self._matcher
        if matcher is None:
            with self._lock:
                if self._matcher is None:
                    self._matcher = _Matcher(self)
                matcher = self._matcher
        return matcher.find(text, on)


def _search_rank(q: str, forms: Sequence[str]) -> int | None:
    if forms[0].startswith(q):
        return 0
    if any(f.startswith(q) for f in forms[1:]):
        return 1
    if any((" " + q) in (" " + f) for f in forms):
        return 2
    return None


# --- module-level convenience --------------------------------------------------------------------


def find_agencies(text: str, *, on: date | None = None) -> list[AgencyMention]:
    """``Registry.load().find(text, on=on)`` with the packaged Hà Nội registry."""
    return Registry.load().find(text, on=on)
