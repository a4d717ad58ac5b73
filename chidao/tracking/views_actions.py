"""The steps a page can take on an assignment: which form, who may, in which states, and
which service function does it. Views only look steps up here; the rules themselves
(state checks, history, locking) live in :mod:`chidao.tracking.services`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms as djforms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chidao.accounts.roles import agency_id_of, is_office, is_officer
from chidao.common import clock
from chidao.tracking import forms, services
from chidao.tracking.models import Assignment, State
from chidao.tracking.services import OPEN_FOR_REPORTS


@dataclass(frozen=True)
class Outcome:
    message: str
    assignment: Assignment


Runner = Callable[[Any, Assignment, Any], Outcome]


@dataclass(frozen=True)
class Step:
    slug: str
    title: Any
    button: Any
    form: type[djforms.Form]
    office: bool  # an Office step; otherwise a step of the assigned agency's officers
    states: tuple[str, ...]
    run: Runner
    style: str = "primary"
    hint: Any = ""
    collapsed: bool = False  # shown folded: a step taken now and then, not every day

    def permitted(self, user: Any, a: Assignment) -> bool:
        """Whether ``user`` may take this step on ``a`` at all (state aside)."""
        if self.office:
            return is_office(user)
        return is_officer(user) and agency_id_of(user) == a.agency_id

    def offered(self, user: Any, a: Assignment, *, pending_extension: bool) -> bool:
        """Whether the page shows this step's form to ``user`` now."""
        if not self.permitted(user, a) or a.state not in self.states:
            return False
        return not (self.slug == "gia-han" and pending_extension)

    def make_form(self, a: Assignment, data: Any = None, files: Any = None) -> djforms.Form:
        kwargs: dict[str, Any] = {"initial": {"version": a.version}, "prefix": self.slug}
        if self.form is forms.ReassignForm:
            kwargs["assignment"] = a
        return self.form(data, files, **kwargs)


def _progress(user: Any, a: Assignment, f: Any) -> Outcome:
    d = f.cleaned_data
    services.report_progress(
        user, a, d["text"], d["progress"], d["evidence"], read_version=f.read_version
    )
    return Outcome(str(_("Đã gửi báo cáo tiến độ.")), a)


def _done(user: Any, a: Assignment, f: Any) -> Outcome:
    d = f.cleaned_data
    services.mark_done(
        user, a, d["text"], d["evidence"], today=clock.today(), read_version=f.read_version
    )
    return Outcome(str(_("Đã báo cáo hoàn thành; nhiệm vụ chờ Văn phòng xác nhận.")), a)


def _extension(user: Any, a: Assignment, f: Any) -> Outcome:
    d = f.cleaned_data
    services.request_extension(user, a, d["new_deadline"], d["reason"], today=clock.today())
    return Outcome(str(_("Đã gửi đề nghị gia hạn.")), a)


def _refuse(user: Any, a: Assignment, f: Any) -> Outcome:
    services.refuse(user, a, f.cleaned_data["reason"], read_version=f.read_version)
    return Outcome(str(_("Đã từ chối nhiệm vụ; Văn phòng sẽ xem xét giao lại.")), a)


def _confirm(user: Any, a: Assignment, f: Any) -> Outcome:
    services.confirm(user, a, f.cleaned_data["note"], read_version=f.read_version)
    return Outcome(str(_("Đã xác nhận hoàn thành.")), a)


def _return(user: Any, a: Assignment, f: Any) -> Outcome:
    services.return_completion(user, a, f.cleaned_data["reason"], read_version=f.read_version)
    return Outcome(str(_("Đã trả lại; đơn vị phải thực hiện lại.")), a)


def _postpone(user: Any, a: Assignment, f: Any) -> Outcome:
    services.postpone(user, a, f.cleaned_data["reason"], read_version=f.read_version)
    return Outcome(str(_("Đã tạm hoãn nhiệm vụ.")), a)


def _resume(user: Any, a: Assignment, f: Any) -> Outcome:
    services.resume(user, a, read_version=f.read_version)
    return Outcome(str(_("Nhiệm vụ được tiếp tục thực hiện.")), a)


def _reassign(user: Any, a: Assignment, f: Any) -> Outcome:
    new = services.reassign(user, a, f.cleaned_data["agency"].pk)
    return Outcome(str(_("Đã giao lại cho %(agency)s.") % {"agency": new.agency}), new)


_OPEN_OR_AWAITING = (*OPEN_FOR_REPORTS, State.AWAITING)

STEPS: dict[str, Step] = {
    s.slug: s
    for s in (
        Step("bao-cao", _("Báo cáo tiến độ"), _("Gửi báo cáo"), forms.ProgressForm, False,
             OPEN_FOR_REPORTS, _progress),
        Step("hoan-thanh", _("Báo cáo hoàn thành"), _("Báo cáo hoàn thành"), forms.DoneForm,
             False, OPEN_FOR_REPORTS, _done, "ok",
             _("Nhiệm vụ chuyển sang “Chờ xác nhận”; ngày hoàn thành là hôm nay.")),
        Step("gia-han", _("Đề nghị gia hạn"), _("Gửi đề nghị"), forms.ExtensionRequestForm,
             False, _OPEN_OR_AWAITING, _extension, "", collapsed=True),
        Step("tu-choi", _("Từ chối nhiệm vụ"), pgettext_lazy("nút", "Từ chối"), forms.RefuseForm, False,
             (State.NOT_STARTED, State.IN_PROGRESS), _refuse, "danger",
             _("Chỉ từ chối khi nhiệm vụ không thuộc chức năng của đơn vị."), collapsed=True),
        Step("xac-nhan", _("Xác nhận hoàn thành"), _("Xác nhận"), forms.ConfirmForm, True,
             (State.AWAITING,), _confirm, "ok"),
        Step("tra-lai", _("Trả lại"), _("Trả lại"), forms.ReturnForm, True,
             (State.AWAITING,), _return, "danger"),
        Step("tam-hoan", pgettext_lazy("nút", "Tạm hoãn"), pgettext_lazy("nút", "Tạm hoãn"), forms.PostponeForm, True,
             _OPEN_OR_AWAITING, _postpone, "", collapsed=True),
        Step("tiep-tuc", _("Tiếp tục thực hiện"), _("Tiếp tục"), forms.ResumeForm, True,
             (State.POSTPONED,), _resume),
        Step("giao-lai", _("Giao lại cho đơn vị khác"), _("Giao lại"), forms.ReassignForm,
             True, (State.REFUSED,), _reassign),
    )
}  # fmt: skip
