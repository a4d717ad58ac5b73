"""What an agency chip says of its body: dissolved or merged (and who took over), refused
by the administrator, or waiting for the administrator's confirmation."""

from __future__ import annotations

from datetime import date

from django import template

from chidao.common import clock
from chidao.registry import succession
from chidao.registry.models import Agency

register = template.Library()


@register.simple_tag
def agency_ended(agency: Agency, on: date | None = None) -> succession.Ended | None:
    """``{% agency_ended a as gone %}``: why the body takes no new task today (or ``on``)."""
    return succession.ended(agency, on or clock.today())
