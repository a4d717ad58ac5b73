"""The one way a form asks for a day: typed and shown dd/mm/yyyy, as Vietnamese write it
(a browser's ``type="date"`` picker follows the browser's locale, not ours).

ISO ``yyyy-mm-dd`` is still accepted, for links and scripts that send it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

DISPLAY = "%d/%m/%Y"
INPUT_FORMATS = [DISPLAY, "%Y-%m-%d"]
HINT = "dd/mm/yyyy"


class DayInput(forms.DateInput):
    """A text box showing dd/mm/yyyy, with the pattern as placeholder."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        base = {"placeholder": HINT, "inputmode": "numeric", "autocomplete": "off", "size": 10}
        super().__init__(attrs={**base, **(attrs or {})}, format=DISPLAY)


class DayField(forms.DateField):
    """A day entered dd/mm/yyyy (or yyyy-mm-dd), with one clear message when it is not."""

    widget = DayInput
    input_formats = INPUT_FORMATS
    default_error_messages = {"invalid": gettext_lazy("Nhập ngày theo dạng dd/mm/yyyy.")}


def parse_day(value: str) -> date | None:
    """``value`` (dd/mm/yyyy or yyyy-mm-dd) as a date, None when it is neither."""
    for form in INPUT_FORMATS:
        try:
            return datetime.strptime(value.strip(), form).date()
        except ValueError:
            continue
    return None
