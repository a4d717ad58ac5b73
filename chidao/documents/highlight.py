"""The source text with task spans marked, built on the server with everything escaped.

Offsets come from the engine (or a reviewer) and index ``Document.text``; they may
overlap after a split or a manual edit, or point past the end of a text that changed.
This function never trusts them: spans are clipped to the text, an overlap is cut at the
end of the span before it, and an empty remainder is dropped. The text between and
inside the marks is escaped, so a directive containing ``<script>`` shows as text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Span:
    """One highlighted stretch: ``text[start:end]``, its number and a CSS class."""

    start: int | None
    end: int | None
    label: str
    css: str = ""
    anchor: str = ""


def highlight(text: str, spans: Iterable[Span]) -> SafeString:
    """``text`` as HTML: escaped, with each usable span wrapped in ``<mark>``."""
    parts: list[str] = []
    cursor = 0
    for span in _clipped(spans, len(text)):
        start, end = max(span.start or 0, cursor), span.end or 0
        if start >= end:
            continue
        parts.append(escape(text[cursor:start]))
        parts.append(
            format_html(
                '<mark{}{}><span class="tag">{}</span>{}</mark>',
                format_html(' id="{}"', span.anchor) if span.anchor else "",
                format_html(' class="{}"', span.css) if span.css else "",
                span.label,
                text[start:end],
            )
        )
        cursor = end
    parts.append(escape(text[cursor:]))
    return mark_safe("".join(parts))  # every piece above was escaped


def _clipped(spans: Iterable[Span], size: int) -> list[Span]:
    """Spans with both offsets, clipped to ``[0, size]``, in order of start."""
    usable = []
    for s in spans:
        if s.start is None or s.end is None:
            continue
        start, end = min(max(s.start, 0), size), min(max(s.end, 0), size)
        if start < end:
            usable.append(Span(start, end, s.label, s.css, s.anchor))
    return sorted(usable, key=lambda s: (s.start or 0, s.end or 0))
