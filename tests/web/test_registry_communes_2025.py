"""Hà Nội's 126 xã and phường of 1 July 2025 (Nghị quyết 1656/NQ-UBTVQH15) are in the
registry, grouped as "UBND các xã, phường", and a directive after that day that gives a
task to "UBND các xã, phường" gives it to each of them."""

from __future__ import annotations

from datetime import date
from typing import Any

from chidao.registry.models import Agency
from chidao.registry.services import members_of_group, sync_registry
from tests.web.registry_support import ingest, item

COMMUNES = "UBND các xã, phường"


def test_the_registry_holds_51_phuong_and_75_xa_from_the_first_of_july_2025(
    registry: None,
) -> None:
    communes = Agency.objects.filter(kind="UBND cấp xã")
    assert communes.count() == 126
    assert sum(a.name.startswith("UBND phường ") for a in communes) == 51
    assert sum(a.name.startswith("UBND xã ") for a in communes) == 75
    assert {a.valid_from for a in communes} == {date(2025, 7, 1)}
    hoan_kiem = Agency.objects.get(code="ubnd-phuong-hoan-kiem")
    assert COMMUNES in hoan_kiem.groups and "địa phương" in hoan_kiem.groups
    assert "00070" in hoan_kiem.note  # the statistics office's code of the unit


def test_the_group_has_the_communes_after_the_change_and_the_districts_before(
    registry: None,
) -> None:
    assert len(members_of_group(COMMUNES, on=date(2025, 7, 1))) == 126
    assert members_of_group(COMMUNES, on=date(2025, 6, 30)) == []
    after = members_of_group("địa phương", on=date(2025, 8, 5))
    before = members_of_group("địa phương", on=date(2024, 8, 5))
    assert {a.kind for a in after} == {"UBND cấp xã"} and len(after) == 126
    assert {a.kind for a in before} == {"UBND cấp huyện"} and len(before) == 30


def test_loading_the_registry_again_adds_no_commune(registry: None) -> None:
    created, updated = sync_registry()
    assert created == 0 and updated >= 126
    assert Agency.objects.filter(kind="UBND cấp xã").count() == 126


def test_a_task_for_ubnd_cac_xa_phuong_goes_to_each_of_the_126(
    office: Any, django_capture_on_commit_callbacks: Any
) -> None:
    document = ingest(office, django_capture_on_commit_callbacks)
    candidate = item(document, "UBND các xã, phường")
    leads = list(candidate.lead.all())
    assert len(leads) == 126
    assert {a.kind for a in leads} == {"UBND cấp xã"}
    assert candidate.groups == ["địa phương"]
