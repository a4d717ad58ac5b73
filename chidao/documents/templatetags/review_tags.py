"""Review screen filters: why a task was proposed, in the reviewer's words."""

from __future__ import annotations

from django import template

from chidao.documents.reasons import why_proposed as _why_proposed

register = template.Library()


@register.filter
def why_proposed(rule: str) -> str:
    """``{{ candidate.rule|why_proposed }}``: see :func:`chidao.documents.reasons.why_proposed`."""
    return _why_proposed(rule or "")
