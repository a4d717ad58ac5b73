"""Keep the Agency table in step with the registry file; look agencies up."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from chidao.extract.agencies import Registry, fold_search
from chidao.registry.models import Agency


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
    return created, updated


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
        more = Agency.objects.filter(search_text__contains=folded).exclude(code__in=codes)
        if on is not None:
            more = more.exclude(valid_to__lt=on)
        found.extend(more.order_by("name")[: limit - len(found)])
    return found


def members_of_group(label: str, *, on: date | None = None) -> list[Agency]:
    """The bodies of a registry group ("sở, ban, ngành"), valid on ``on`` when given."""
    codes = [a.id for a in Registry.load().members(label, on=on)]
    by_code = Agency.objects.in_bulk(codes, field_name="code")
    return [by_code[c] for c in codes if c in by_code]
