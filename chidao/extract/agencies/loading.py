"""Reading a registry file: validation of the parsed JSON into :class:`~.data.Agency`,
:class:`~.data.GroupDef` and the rest (``_parse_document``; every error a
:class:`~.data.RegistryError` naming the file and entry), and the index of written forms
(``_build_index``: folded form → the body, group or vague phrasing it stands for).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from chidao.extract.agencies.data import (
    Agency,
    GroupDef,
    RegistryError,
    _Head,
    _Parts,
    _Province,
    _Target,
)
from chidao.extract.agencies.folding import fold_key


def _fail(path: str, where: str, reason: str) -> RegistryError:
    return RegistryError(path, f"{where}: {reason}" if where else reason)


def _str_list(value: Any, path: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(path, where, "must be a list of non-empty strings")
    return tuple(value)


def _req_str(obj: Mapping[str, Any], key: str, path: str, where: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, where, f"'{key}' must be a non-empty string")
    return value


def _date(value: Any, path: str, where: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise _fail(path, where, f"bad date {value!r} (want YYYY-MM-DD or null)") from None


_ID_RX = re.compile(r"[a-z0-9][a-z0-9-]*")


def _parse_agency(raw: Any, i: int, path: str, kinds: set[str], labels: set[str]) -> Agency:
    where = f"agencies[{i}]"
    if not isinstance(raw, dict):
        raise _fail(path, where, "must be an object")
    ident = _req_str(raw, "id", path, where)
    where = f"agencies[{i}] (id {ident!r})"
    if not _ID_RX.fullmatch(ident):
        raise _fail(path, where, "id must be a lower-case slug (a-z, 0-9, '-')")
    kind = _req_str(raw, "kind", path, where)
    if kinds and kind not in kinds:
        raise _fail(path, where, f"unknown kind {kind!r} (not listed in 'kinds')")
    groups = _str_list(raw.get("groups"), path, where + ".groups")
    for g in groups:
        if g not in labels:
            raise _fail(path, where, f"unknown group {g!r}")
    successor = raw.get("successor")
    if successor is not None and not isinstance(successor, str):
        raise _fail(path, where, "successor must be an id or null")
    name = _req_str(raw, "name", path, where)
    agency = Agency(
        id=ident,
        name=name,
        full_name=str(raw.get("full_name") or name),
        aliases=_str_list(raw.get("aliases"), path, where + ".aliases"),
        kind=kind,
        groups=groups,
        valid_from=_date(raw.get("valid_from"), path, where + ".valid_from"),
        valid_to=_date(raw.get("valid_to"), path, where + ".valid_to"),
        successor=successor,
        note=str(raw.get("note") or ""),
    )
    if agency.valid_from and agency.valid_to and agency.valid_from > agency.valid_to:
        raise _fail(path, where, "valid_from is after valid_to")
    return agency


def _parse_group(raw: Any, i: int, path: str) -> GroupDef:
    where = f"groups[{i}]"
    if not isinstance(raw, dict):
        raise _fail(path, where, "must be an object")
    label = _req_str(raw, "label", path, where)
    where = f"groups[{i}] ({label!r})"
    return GroupDef(
        label=label,
        description=str(raw.get("description") or ""),
        phrasings=_str_list(raw.get("phrasings"), path, where + ".phrasings"),
        context_phrasings=_str_list(raw.get("context_phrasings"), path, where + ".context"),
    )


def _parse_heads(raw: Any, path: str) -> tuple[_Head, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise _fail(path, "heads", "must be a list")
    heads = []
    for i, h in enumerate(raw):
        if not isinstance(h, dict):
            raise _fail(path, f"heads[{i}]", "must be an object with 'text'")
        before = _str_list(h.get("only_before"), path, f"heads[{i}].only_before")
        heads.append(_Head(_req_str(h, "text", path, f"heads[{i}]"), before))
    return tuple(heads)


def _parse_province(raw: Any, path: str) -> _Province:
    if not isinstance(raw, dict):
        raise _fail(path, "province", "must be an object with 'name'")
    name = _req_str(raw, "name", path, "province")
    return _Province(
        name=name,
        level_words=_str_list(raw.get("level_words"), path, "province.level_words"),
        place_names=_str_list(raw.get("place_names"), path, "province.place_names") or (name,),
    )


def _check_ids(agencies: Sequence[Agency], path: str) -> None:
    """Unique ids; successors exist and their chains end."""
    first: dict[str, int] = {}
    for i, a in enumerate(agencies):
        if a.id in first:
            raise _fail(path, f"agencies[{i}]", f"duplicate id {a.id!r} (first at [{first[a.id]}])")
        first[a.id] = i
    by_id = {a.id: a for a in agencies}
    for i, a in enumerate(agencies):
        where = f"agencies[{i}] (id {a.id!r})"
        seen = {a.id}
        nxt = a.successor
        while nxt is not None:
            if nxt not in by_id:
                raise _fail(path, where, f"successor {nxt!r} is not an id in this file")
            if nxt in seen:
                raise _fail(path, where, f"successor chain loops back to {nxt!r}")
            seen.add(nxt)
            nxt = by_id[nxt].successor


def _parse_document(data: Any, path: str) -> _Parts:
    """Validate a whole registry file (parsed JSON); raise :class:`RegistryError` if bad."""
    if not isinstance(data, dict):
        raise _fail(path, "", "the registry must be a JSON object")
    if not isinstance(data.get("agencies"), list):
        raise _fail(path, "agencies", "must be a list")
    if not isinstance(data.get("groups") or [], list):
        raise _fail(path, "groups", "must be a list")
    groups = tuple(_parse_group(g, i, path) for i, g in enumerate(data.get("groups") or []))
    labels = [g.label for g in groups]
    for i, label in enumerate(labels):
        if label in labels[:i]:
            raise _fail(path, f"groups[{i}]", f"duplicate group label {label!r}")
    kinds = set(_str_list(data.get("kinds"), path, "kinds"))
    agencies = tuple(
        _parse_agency(a, i, path, kinds, set(labels)) for i, a in enumerate(data["agencies"])
    )
    _check_ids(agencies, path)
    vague = data.get("vague") or {}
    if not isinstance(vague, dict):
        raise _fail(path, "vague", "must be an object")
    return _Parts(
        province=_parse_province(data.get("province"), path),
        agencies=agencies,
        groups=groups,
        heads=_parse_heads(data.get("heads"), path),
        vague_phrasings=_str_list(vague.get("phrasings"), path, "vague.phrasings"),
        vague_suffixes=_str_list(vague.get("suffixes"), path, "vague.suffixes")
        or ("liên quan", "có liên quan"),
    )


# --- the index of written forms ----------------------------------------------------------------


def _add_target(index: dict[str, _Target], key: str, new: _Target, path: str, what: str) -> None:
    """Record ``key``; bodies may share a written form, but not with a group or vague form."""
    old = index.get(key)
    if old is None:
        index[key] = new
    elif old.kind == new.kind == "agency":
        index[key] = replace(old, ids=old.ids + tuple(i for i in new.ids if i not in old.ids))
    elif old.kind == new.kind and old.label == new.label:
        index[key] = replace(old, context=old.context and new.context)
    else:
        where = f"{old.kind} {old.label or ', '.join(old.ids)}"
        raise _fail(path, what, f"written form {key!r} is already used by {where}")


def _strip_suffix(key: str, suffixes: Sequence[str]) -> str | None:
    for suf in suffixes:
        if key.endswith(" " + suf):
            return key[: -len(suf) - 1]
    return None


def _build_index(parts: _Parts, path: str) -> dict[str, _Target]:
    """Folded written form → what it stands for, for bodies, groups and vague phrasings."""
    index: dict[str, _Target] = {}
    for a in parts.agencies:
        for form in a.written_forms():
            if key := fold_key(form):
                _add_target(index, key, _Target("agency", (a.id,)), path, f"agency {a.id!r}")
    for g in parts.groups:
        strong = {fold_key(f) for f in g.phrasings}
        for key in strong:
            _add_target(index, key, _Target("group", label=g.label), path, g.label)
        for form in (g.label, *g.context_phrasings):  # a bare label is a noun too
            if fold_key(form) not in strong:
                target = _Target("group", label=g.label, context=True)
                _add_target(index, fold_key(form), target, path, g.label)
    suffixes = _suffix_keys(parts.vague_suffixes)
    for form in parts.vague_phrasings:
        key = fold_key(form)
        base = _strip_suffix(key, suffixes)
        narrowed = index.get(base) if base else None
        label = narrowed.label if narrowed and narrowed.kind == "group" else None
        _add_target(index, key, _Target("vague", label=label), path, f"vague {form!r}")
    return index


def _suffix_keys(suffixes: Sequence[str]) -> tuple[str, ...]:
    return tuple(sorted({fold_key(s) for s in suffixes}, key=len, reverse=True))
