"""Keep the Agency table in step with the registry file (and the supplements for its
province in chidao/registry/data); look agencies up; expand a group."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from typing import Any

from django.db import transaction

from chidao.extract.agencies import Registry, fold_search
from chidao.registry.models import Agency, Standing


@transaction.atomic
def sync_registry(registry: Registry | None = None) -> tuple[int, int]:
    """Create or update one Agency row per registry body; returns (created, updated).

    Rows are never deleted: assignments of a dissolved body keep pointing at it.
    """
    registry = registry or Registry.load()
    created = updated = 0
    rows: dict[str, Agency] = {}
    for body in registry.agencies:
        row, was_created = Agency.objects.update_or_create(
            code=body.id,
            defaults={
                "name": body.name,
                "full_name": body.full_name,
                "kind": body.kind,
                "aliases": list(body.aliases),
                "groups": list(body.groups),
                "valid_from": body.valid_from,
                "valid_to": body.valid_to,
                "note": body.note,
            },
        )
        rows[body.id] = row
        created += was_created
        updated += not was_created
    for body in registry.agencies:
        successor = rows.get(body.successor) if body.successor else None
        if rows[body.id].successor_id != (successor.pk if successor else None):
            Agency.objects.filter(pk=rows[body.id].pk).update(successor=successor)
    for supplement in supplements(registry.province):
        for code, defaults in _supplement_rows(supplement):
            _, was_created = Agency.objects.update_or_create(code=code, defaults=defaults)
            created += was_created
            updated += not was_created
    return created, updated


def supplements(province: str) -> list[dict[str, Any]]:
    """The data files of chidao/registry/data for ``province``: bodies the extraction's
    registry file does not list (Hà Nội's 126 xã, phường of 2025)."""
    found = []
    for entry in sorted(resources.files("chidao.registry").joinpath("data").iterdir(), key=str):
        if entry.name.endswith(".json"):
            data = json.loads(entry.read_text(encoding="utf-8"))
            if data.get("province") == province:
                found.append(data)
    return found


def _supplement_rows(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """One Agency row per unit of local government: its People's Committee."""
    rows = []
    valid_from = date.fromisoformat(data["valid_from"]) if data.get("valid_from") else None
    for unit in data["units"]:
        place = f"{unit['level']} {unit['name']}"
        code = "ubnd-" + fold_search(place).replace(" ", "-")
        defaults = {
            "name": f"UBND {place}",
            "full_name": f"Ủy ban nhân dân {place}, thành phố {data['province']}",
            "kind": data["kind"],
            "aliases": [f"Ủy ban nhân dân {place}", f"UBND {place}, thành phố {data['province']}"],
            "groups": list(data["groups"]),
            "valid_from": valid_from,
            "valid_to": None,
            "note": f"Mã đơn vị hành chính {unit['code']}. {data['sources'][0]}.",
        }
        rows.append((code, defaults))
    return rows


def search_agencies(query: str, *, on: date | None = None, limit: int = 20) -> list[Agency]:
    """Autocomplete: the registry's ranking first, then any other row whose folded names
    contain the query. Accent- and đ-insensitive."""
    folded = fold_search(query)
    if not folded:
        return []
    codes = [a.id for a in Registry.load().search(query, on=on, limit=limit)]
    by_code = Agency.objects.in_bulk(codes, field_name="code")
    found = [by_code[c] for c in codes if c in by_code]
    if len(found) < limit:
        more = (
            Agency.objects.filter(search_text__contains=folded)
            .exclude(code__in=codes)
            .exclude(standing=Standing.REJECTED)
        )
        if on is not None:
            more = more.exclude(valid_to__lt=on)
        found.extend(more.order_by("name")[: limit - len(found)])
    return found


# Group words ("các cơ quan, đơn vị", "các sở, ban, ngành") address the People's
# Committee's own administration: courts and procuracy are independent of it, and the
# press takes a task only when a directive names it.
_NOT_IN_GROUPS_KINDS = {"cơ quan báo chí"}
_NOT_IN_GROUPS_HEADS = ("toa an ", "vien kiem sat ")


def joins_groups(agency: Agency) -> bool:
    """False for a court, a procuracy or a newspaper: a group word never stands for them."""
    if agency.kind in _NOT_IN_GROUPS_KINDS or agency.name.startswith("Báo "):
        return False
    return not fold_search(agency.name).startswith(_NOT_IN_GROUPS_HEADS)


def members_of_group(label: str, *, on: date | None = None) -> list[Agency]:
    """The bodies of a group ("sở, ban, ngành"), in registry order, that took tasks on
    ``on`` when given: courts, procuracy and newspapers left out (:func:`joins_groups`).

    Raises KeyError for a label neither the registry file nor any row knows.
    """
    rows = [
        a
        for a in Agency.objects.exclude(standing=Standing.REJECTED).order_by("pk")
        if label in a.groups and joins_groups(a)
    ]
    if not rows and label not in Registry.load().groups:
        raise KeyError(label)
    return [a for a in rows if on is None or a.valid_on(on)]
