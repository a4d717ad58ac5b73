"""A group word ("các cơ quan, đơn vị") stands for the People's Committee's own bodies:
courts, procuracy and newspapers are left out of it, and take a task only when named."""

from __future__ import annotations

from datetime import date
from typing import Any

from chidao.registry.models import Agency
from chidao.registry.services import joins_groups, members_of_group
from tests.web.registry_support import AUGUST_2025, ingest, item

LEFT_OUT = {"tand-tp", "co-quan-bao-pt-th-ha-noi", "bao-ha-noi-moi", "dai-pt-th-ha-noi"}


def test_courts_procuracy_and_newspapers_are_not_members_of_any_group(registry: None) -> None:
    for label in ("cơ quan, đơn vị", "sở, ban, ngành"):
        members = {a.code for a in members_of_group(label, on=date(2025, 1, 10))}
        assert members and not members & LEFT_OUT
    procuracy = Agency(name="Viện Kiểm sát nhân dân Thành phố", kind="cơ quan trung ương")
    assert not joins_groups(procuracy)
    assert joins_groups(Agency(name="Bảo hiểm xã hội Thành phố", kind="cơ quan trung ương"))


def test_the_group_task_leaves_them_out_and_a_named_one_keeps_them(
    office: Any, django_capture_on_commit_callbacks: Any
) -> None:
    text = AUGUST_2025 + (
        "5. Giao Tòa án nhân dân Thành phố, Báo Hà Nội mới phối hợp tuyên truyền "
        "trước ngày 30/11/2025.\n"
    )
    document = ingest(office, django_capture_on_commit_callbacks, text)
    group = {a.code for a in item(document, "Các cơ quan, đơn vị").lead.all()}
    assert len(group) > 100 and not group & LEFT_OUT
    named = {a.code for a in item(document, "tuyên truyền").lead.all()}
    assert {"tand-tp", "bao-ha-noi-moi"} <= named
