"""Why a task was proposed, in words a reviewer reads: the extractor's rule names
(``trigger:giao``, ``under-heading:subject``, ``enumeration:trigger:yêu cầu``) are
internal and never shown as such.

A rule is an optional chain of context prefixes ("under-heading:", "enumeration:") and
one rule that found the task; each part becomes one phrase, joined by "; ".
"""

from __future__ import annotations

from django.utils.translation import gettext as _

_CONTEXT = ("under-heading", "enumeration")


def why_proposed(rule: str) -> str:
    """The reviewer's explanation of ``rule`` ("" for no rule)."""
    phrases = []
    rest = rule.strip()
    while rest:
        head, _sep, tail = rest.partition(":")
        if head in _CONTEXT and tail:
            phrases.append(_context(head))
            rest = tail
            continue
        phrases.append(_found_by(rest))
        break
    return "; ".join(phrases)


def _context(prefix: str) -> str:
    if prefix == "under-heading":
        return _("Nằm dưới đề mục nêu tên đơn vị")
    return _("Một trong các việc liệt kê trong cùng câu")


def _found_by(rule: str) -> str:
    family, _sep, detail = rule.partition(":")
    if family == "trigger" and detail:
        return _("Có động từ giao việc «%(verb)s» kèm tên đơn vị") % {"verb": detail}
    known = {
        "role": _("Đơn vị được nêu là đơn vị chủ trì"),
        "subject:if-difficult": _("Đề nghị đơn vị phản ánh khó khăn, vướng mắc"),
        "subject:list-intro": _("Đơn vị nêu ở câu dẫn trước danh sách việc"),
        "subject:colon": _("Tên đơn vị đứng đầu đoạn, trước dấu hai chấm"),
        "subject:accountable-and-acting": _("Đơn vị chịu trách nhiệm và trực tiếp thực hiện"),
        "subject": _("Đơn vị là chủ ngữ của câu giao việc"),
        "under-intro": _("Thuộc các việc giao cho đơn vị nêu ở câu dẫn phía trên"),
        "continuation": _("Tiếp nối việc giao cho đơn vị ở đoạn trước"),
        "item-with-attributes": _("Mục có ghi đơn vị thực hiện"),
    }
    return known.get(rule) or known.get(family) or _("Do máy đề xuất theo mẫu câu giao việc")
