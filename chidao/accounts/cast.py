"""The named cast of accounts used by the demo (`make run`) and by the test suite."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from chidao.accounts.models import Profile, Role
from chidao.registry.models import Agency


@dataclass(frozen=True)
class Member:
    username: str
    full_name: str
    role: str
    agency_code: str | None
    title: str


CAST = (
    Member("chuyenvien", "Nguyễn Thị Lan", Role.OFFICE, None, "Chuyên viên Văn phòng UBND"),
    Member(
        "canbo.taichinh", "Trần Văn Minh", Role.OFFICER, "so-tai-chinh", "Chuyên viên Sở Tài chính"
    ),
    Member("canbo.yte", "Lê Thu Hà", Role.OFFICER, "so-y-te", "Chuyên viên Sở Y tế"),
    Member("lanhdao", "Phạm Quốc Hưng", Role.LEADER, None, "Phó Chủ tịch UBND Thành phố"),
    Member("quantri", "Đỗ Văn Nam", Role.ADMIN, None, "Quản trị hệ thống"),
)


@transaction.atomic
def create_cast(password: str) -> dict[str, object]:
    """Create (or reset the password of) every member of the cast; returns users by name."""
    User = get_user_model()
    users: dict[str, object] = {}
    for m in CAST:
        # Django shows "first_name last_name"; a Vietnamese name reads family name first,
        # so the family and middle names go first ("Trần Văn" + "Minh").
        family, _, given = m.full_name.rpartition(" ")
        user, _ = User.objects.get_or_create(
            username=m.username, defaults={"first_name": family, "last_name": given}
        )
        user.set_password(password)
        user.is_staff = user.is_superuser = m.role == Role.ADMIN
        user.save()
        agency = Agency.objects.get(code=m.agency_code) if m.agency_code else None
        Profile.objects.update_or_create(
            user=user, defaults={"role": m.role, "agency": agency, "title": m.title}
        )
        users[m.username] = user
    return users
