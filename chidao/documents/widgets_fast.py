"""A form renderer for pages that draw the same form many times (the review screen: 50
cards of four fields each).

Django renders every widget through the template engine, about 3 ms a field on a loaded
machine; the review page spent more time there than in all its queries. ``FastRenderer``
writes the plain widgets (text-like inputs, textarea, select and their options) as Django's
own templates (``django/forms/widgets/*.html``) would, in Python, and hands any other
template to the default renderer. tests/web/test_review_fast_widgets.py checks that both
give the same HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape, escape

_INPUTS = {
    f"django/forms/widgets/{kind}.html"
    for kind in ("input", "text", "date", "hidden", "number", "email", "search", "url", "tel")
}


def _attrs(attrs: dict[str, Any]) -> str:
    """As django/forms/widgets/attrs.html: False drops an attribute, True leaves it bare
    (``|stringformat:'s'`` then autoescape: every value is escaped, even a safe one)."""
    out = []
    for name, value in attrs.items():
        if value is False:
            continue
        name = conditional_escape(name)
        out.append(f" {name}" if value is True else f' {name}="{escape(str(value))}"')
    return "".join(out)


def _input(w: dict[str, Any]) -> str:
    value = "" if w["value"] is None else f' value="{escape(str(w["value"]))}"'
    return f'<input type="{conditional_escape(w["type"])}" name="{conditional_escape(w["name"])}"{value}{_attrs(w["attrs"])}>'


def _textarea(w: dict[str, Any]) -> str:
    value = conditional_escape(w["value"]) if w["value"] else ""
    return (
        f'<textarea name="{conditional_escape(w["name"])}"{_attrs(w["attrs"])}>\n{value}</textarea>'
    )


def _option(w: dict[str, Any]) -> str:
    return (
        f'<option value="{escape(str(w["value"]))}"{_attrs(w["attrs"])}>'
        f"{conditional_escape(w['label'])}</option>"
    )


def _select(w: dict[str, Any]) -> str | None:
    out = [f'<select name="{conditional_escape(w["name"])}"{_attrs(w["attrs"])}>']
    for group_name, choices, _index in w["optgroups"]:
        if group_name:
            out.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in choices:
            if option.get("template_name") != "django/forms/widgets/select_option.html":
                return None  # a widget of its own: leave it to its template
            out.append("\n  " + _option(option) + "\n")  # an included file's last newline
        if group_name:
            out.append("\n  </optgroup>")
    out.append("\n</select>")
    return "".join(out)


_WRITERS: dict[str, Callable[[dict[str, Any]], str | None]] = {
    **dict.fromkeys(_INPUTS, _input),
    "django/forms/widgets/textarea.html": _textarea,
    "django/forms/widgets/select.html": _select,
    "django/forms/widgets/select_option.html": _option,
}


class FastRenderer(DjangoTemplates):
    """Django's default renderer, with the plain widgets written without the engine (its
    output stripped, as ``BaseRenderer.render`` strips a template's)."""

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        writer = _WRITERS.get(template_name)
        widget = context.get("widget")
        if writer is not None and isinstance(widget, dict):
            html = writer(widget)
            if html is not None:
                return html
        return str(super().render(template_name, context, request=request))


FAST = FastRenderer()
