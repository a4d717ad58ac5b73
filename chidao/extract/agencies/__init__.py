"""The agency registry (data, not code) and the matcher that finds assignees in text.

The registry is a JSON file (``data/agencies_hanoi.json`` for Hà Nội; another province is
another file) listing every body a directive may name — written forms, kind, groups,
validity dates, successor — plus the group phrasings ("các sở, ban, ngành"), the vague
ones ("các đơn vị liên quan") and the head titles that stand for their body ("Giám đốc").
:meth:`Registry.load` reads and validates a file once per process; :meth:`Registry.find`
returns :class:`~chidao.extract.model.AgencyMention` objects whose offsets index the text
exactly as given.

Matching is case-insensitive and accent-sensitive, but tolerant of old and new tone
placement (hoá/hóa, uỷ/ủy), of "và"/"&"/"-"/"," between the parts of a name, of extra
spaces and line breaks, and of "Ủy ban nhân dân"/"UBND", "Hội đồng nhân dân"/"HĐND" and
"thành phố"/"TP". It runs on a length-preserving canonical copy of the text (lower case,
connectors as spaces), so one trie-shaped regular expression with bounded quantifiers
covers every written form, and offsets need mapping back only when the input was not NFC.
Bodies of other provinces and unregistered bodies are recognised by pattern ("Sở Y tế
tỉnh Bắc Ninh", "UBND phường Phúc Xá") with ``agency_id`` None.

The cost grows with the length of the text and the number of mentions, never worse: the
expressions use bounded repetition only, and Python code runs per match, not per position.

Where things are, in this package (this module only re-exports them):

- :mod:`.data`: the data model (:class:`Agency`, :class:`GroupDef`, :class:`RegistryError`);
- :mod:`.loading`: reading and validating a registry file, the index of written forms;
- :mod:`.folding`: :func:`fold_key`, :func:`fold_search`, tone placement, the canonical copy;
- :mod:`.grammar`: the registry expression (word and character tries) and literal tries;
- :mod:`.patterns`: bodies the registry does not hold (other provinces, "UBND phường X");
- :mod:`.prepared`: a text prepared for matching, and offsets back to the text as given;
- :mod:`.candidates`: a mention before resolution and the checks on the text around it;
- :mod:`.matcher`: the steps from matches to :class:`~chidao.extract.model.AgencyMention`;
- :mod:`.registry`: :class:`Registry` (load, look-ups, ``find``) and :func:`find_agencies`.
"""

from chidao.extract.agencies.data import Agency, GroupDef, RegistryError
from chidao.extract.agencies.folding import fold_key, fold_search
from chidao.extract.agencies.registry import DEFAULT_REGISTRY, Registry, find_agencies

__all__ = [
    "DEFAULT_REGISTRY",
    "Agency",
    "GroupDef",
    "Registry",
    "RegistryError",
    "find_agencies",
    "fold_key",
    "fold_search",
]
