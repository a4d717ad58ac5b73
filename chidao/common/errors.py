"""The refusals a service raises, for every app: pages, the API, jobs and the CLI catch these.

A refusal's message is for the person who asked: one sentence, through gettext (the
Vietnamese text is the msgid, chidao/locale/en holds the English), translated when it is
raised, in the language of the request. The API maps the kinds to HTTP statuses
(chidao/api/errors.py): :class:`NotAllowed` 403, :class:`Conflict` 409, any other
:class:`ActionError` 400; pages show the message, or answer 403 for :class:`NotAllowed`.
"""

from __future__ import annotations

from django.utils.translation import gettext as _


class ActionError(Exception):
    """A step that is not allowed now: wrong state, bad value. The message says why."""


class NotAllowed(ActionError):
    """The user may not take this step on this object (a page answers 403)."""


class Conflict(ActionError):
    """Someone else changed the row since the caller read it (``version``)."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or _(
                "Người khác vừa cập nhật nhiệm vụ này. Tải lại trang để xem nội dung mới "
                "rồi thực hiện lại."
            )
        )
