"""Running a search: the full-text match and ranking per database, permissions, results.

The match and the rank are the database's (SQLite FTS5 ``bm25``; PostgreSQL ``@@`` on a
GIN-indexed ``tsvector`` and ``ts_rank_cd``), over folded text on both. What a user may
see is the permissions module's querysets, compiled into the same SQL statement, so the
ranking, the counts and the pages only ever count what the user is allowed to find.
An exact document number ("2658/UBND-KT") ranks its document first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connection
from django.db.models import Case, Max, Min, Q, Value, When
from django.db.models.functions import StrIndex, Substr
from django.urls import reverse
from django.utils.safestring import SafeString

from chidao.accounts.roles import sees_everything
from chidao.documents.permissions import visible_documents
from chidao.tracking.permissions import visible_reports, visible_tasks

from . import segments
from .models import Kind, SearchEntry, SearchSegment
from .text import Query, highlight, parse, snippet

PER_PAGE = 20
COUNT_CAP = 1000  # counts stop at "1000+": an exact count of a very common word is not news


@dataclass
class Hit:
    kind: str
    kind_label: str
    url: str
    title: SafeString
    context: SafeString
    snippet: SafeString


@dataclass
class Results:
    query: Query
    kind: str | None
    hits: list[Hit] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    page: int = 1

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def capped(self) -> bool:
        """More than COUNT_CAP matches: the counts are lower bounds."""
        return self.total > COUNT_CAP

    @property
    def shown_total(self) -> int:
        return self.counts.get(self.kind, 0) if self.kind else self.total

    @property
    def has_next(self) -> bool:
        if self.capped:
            return len(self.hits) == PER_PAGE
        return self.page * PER_PAGE < self.shown_total


def scope(user: Any) -> Q:
    """The entries ``user`` may find: through chidao.tracking.permissions, as everywhere."""
    if sees_everything(user):
        return Q()
    return (
        Q(kind=Kind.AGENCY)  # the registry is public to every signed-in user
        | Q(kind=Kind.DOCUMENT, object_id__in=visible_documents(user).values("pk"))
        | Q(kind=Kind.TASK, object_id__in=visible_tasks(user).values("pk"))
        | Q(kind=Kind.REPORT, object_id__in=visible_reports(user).values("pk"))
    )


def search(user: Any, q: str, *, kind: str | None = None, page: int = 1) -> Results:
    query = parse(q)
    kind = kind if kind in Kind.values else None
    results = Results(query=query, kind=kind, page=max(1, page))
    if query.empty:
        return results
    backend = _BACKENDS.get(connection.vendor, _Sqlite)
    allowed = _where(SearchEntry.objects.filter(scope(user)))
    if allowed is None:
        return results
    results.counts = backend.counts(query, allowed)
    where = allowed if kind is None else _where(SearchEntry.objects.filter(scope(user), kind=kind))
    if where is None or not (results.shown_total or results.capped):
        return results
    offset = (results.page - 1) * PER_PAGE
    ids = backend.ranked(query, where, limit=PER_PAGE, offset=offset)
    entries = SearchEntry.objects.defer(*_HEAVY).in_bulk(ids)
    windows = _windows(ids, query)
    results.hits = [_hit(entries[pk], query, windows[pk]) for pk in ids if pk in entries]
    return results


def ranked_ids(user: Any, q: str, *, limit: int = PER_PAGE) -> list[int]:
    """The first ``limit`` entry ids for ``q`` (for the benchmark and the tests)."""
    query = parse(q)
    allowed = _where(SearchEntry.objects.filter(scope(user)))
    if query.empty or allowed is None:
        return []
    ids: list[int] = _BACKENDS.get(connection.vendor, _Sqlite).ranked(
        query, allowed, limit=limit, offset=0
    )
    return ids


Where = tuple[str, list[Any]]


def _where(qs: Any) -> Where | None:
    """The queryset's WHERE clause as SQL on ``search_searchentry``; None when it is empty."""
    compiler = qs.query.get_compiler(using=qs.db)
    try:
        sql, params = compiler.compile(qs.query.where)
    except EmptyResultSet:
        return None
    except FullResultSet:
        return "1=1", []
    return (sql or "1=1"), list(params)


class _Sqlite:
    FROM = (
        "FROM search_fts JOIN search_searchentry ON search_searchentry.id = search_fts.rowid "
        "WHERE search_fts MATCH %s AND ({where})"
    )

    @classmethod
    def ranked(cls, query: Query, where: Where, *, limit: int, offset: int) -> list[int]:
        keys = _keys(query)
        sql = (
            "SELECT search_searchentry.id "
            + cls.FROM.format(where=where[0])
            + f" ORDER BY search_searchentry.number_key IN ({', '.join(['%s'] * len(keys))}) "
            "DESC, bm25(search_fts, 8.0, 1.0), search_searchentry.id DESC LIMIT %s OFFSET %s"
        )
        return _ids(sql, [query.fts5(), *where[1], *keys, limit, offset])

    @classmethod
    def counts(cls, query: Query, where: Where) -> dict[str, int]:
        inner = "SELECT search_searchentry.kind AS kind " + cls.FROM.format(where=where[0])
        return _counts(inner, [query.fts5(), *where[1]])

    @classmethod
    def stretches(
        cls, entry: int, rows: tuple[int, int], tokens: list[str], prefix: bool
    ) -> list[tuple[int, str]]:
        """The first STRETCHES stretches of ``entry`` that hold ``tokens`` as a phrase (the
        last a prefix), as (start, terms); ``rows``: their ids' range, which FTS5 seeks to
        instead of reading every long entry's matches. An entry's stretches are written in
        one bulk insert, in order, so their ids run in the order of their starts: FTS5 walks
        them in that order and stops at the LIMIT."""
        phrase = f'"{" ".join(tokens)}"' + (" *" if prefix else "")
        return _rows(
            "SELECT s.start, s.terms FROM search_segment_fts "
            "JOIN search_searchsegment s ON s.id = search_segment_fts.rowid "
            "WHERE search_segment_fts MATCH %s AND search_segment_fts.rowid BETWEEN %s AND %s "
            "AND s.entry_id = %s ORDER BY search_segment_fts.rowid LIMIT %s",
            [phrase, *rows, entry, STRETCHES],
        )


class _Postgres:
    """Ranks the newest RANK_POOL matches (plus an exact document number, always): ranking
    every match of a very common word would read tens of thousands of vectors."""

    MATCH = "search_searchentry.vector @@ to_tsquery('chidao_search', %s)"
    RANK_POOL = 500

    @classmethod
    def ranked(cls, query: Query, where: Where, *, limit: int, offset: int) -> list[int]:
        ts = query.tsquery()
        exact = _ids(
            "SELECT search_searchentry.id FROM search_searchentry "
            f"WHERE search_searchentry.number_key = ANY(%s) AND {cls.MATCH} AND ({where[0]}) "
            "ORDER BY search_searchentry.id DESC LIMIT 50",
            [_keys(query), ts, *where[1]],
        )
        pool = (
            "SELECT search_searchentry.id, search_searchentry.vector FROM search_searchentry "
            f"WHERE {cls.MATCH} AND ({where[0]}) ORDER BY search_searchentry.id DESC LIMIT %s"
        )
        rest = _ids(
            f"SELECT m.id FROM ({pool}) AS m ORDER BY "
            "ts_rank_cd('{0.02, 0.05, 0.1, 1.0}', m.vector, to_tsquery('chidao_search', %s)) "
            "DESC, m.id DESC",
            [ts, *where[1], cls.RANK_POOL, ts],
        )
        ids = list(dict.fromkeys([*exact, *rest]))
        return ids[offset : offset + limit]

    @classmethod
    def counts(cls, query: Query, where: Where) -> dict[str, int]:
        inner = (
            "SELECT search_searchentry.kind AS kind FROM search_searchentry "
            f"WHERE {cls.MATCH} AND ({where[0]})"
        )
        return _counts(inner, [query.tsquery(), *where[1]])

    @classmethod
    def stretches(
        cls, entry: int, rows: tuple[int, int], tokens: list[str], prefix: bool
    ) -> list[tuple[int, str]]:
        """As _Sqlite.stretches, through the stretches' tsvector column."""
        phrase = " <-> ".join(tokens) + (":*" if prefix else "")
        return _rows(
            "SELECT start, terms FROM search_searchsegment WHERE entry_id = %s "
            "AND vector @@ to_tsquery('chidao_search', %s) ORDER BY start LIMIT %s",
            [entry, phrase, STRETCHES],
        )


_BACKENDS: dict[str, Any] = {"sqlite": _Sqlite, "postgresql": _Postgres}


def _keys(query: Query) -> list[str]:
    return query.number_keys or ["-"]  # "-" is never a stored key (keys are letters, digits)


def _rows(sql: str, params: list[Any]) -> list[tuple[int, str]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(row[0], row[1]) for row in cursor.fetchall()]


def _ids(sql: str, params: list[Any]) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def _counts(inner: str, params: list[Any]) -> dict[str, int]:
    """Matches per kind, in one pass that stops after COUNT_CAP + 1 matches in all."""
    sql = f"SELECT m.kind, COUNT(*) FROM ({inner} LIMIT %s) AS m GROUP BY m.kind"
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, COUNT_CAP + 1])
        return {kind: n for kind, n in cursor.fetchall()}


# --- snippets: a window of the body, found and cut by the database -----------------------

_HEAVY = ("body", "title_terms", "body_terms")  # a document's body may be megabytes
WINDOW = 400  # characters of a body read for its snippet
LEAD = 80  # of which before the first match
MAX_ANCHORS = 6  # words looked for one by one when the query is not found as a phrase
STRETCHES = 3  # of a long body, looked in: the index may name one that holds a word cut short


def _windows(ids: list[int], query: Query) -> dict[int, tuple[int, str]]:
    """Per entry: where its window starts in the body (from 1) and the window, one
    character more than WINDOW when the body goes on. No body is loaded: a long one is
    looked for in its stretches (chidao/search/segments.py), a short one by the database."""
    stretched = (
        SearchSegment.objects.filter(entry_id__in=ids)
        .values_list("entry_id")
        .annotate(lo=Min("id"), hi=Max("id"))
        .order_by()
    )
    bounds = {pk: (lo, hi) for pk, lo, hi in stretched}
    windows = _short_windows([pk for pk in ids if pk not in bounds], query)
    for pk, rows in bounds.items():
        windows[pk] = _stretch_window(pk, rows, query)
    return windows


def _short_windows(ids: list[int], query: Query) -> dict[int, tuple[int, str]]:
    """The database finds where the query stands in the stored folded text
    (``body_terms``) and reads the window there."""
    if not ids:
        return {}
    rows = SearchEntry.objects.filter(pk__in=ids).order_by()
    phrase, *anchors = query.anchors()
    anchors = anchors[:MAX_ANCHORS]
    at = dict(rows.annotate(at=StrIndex("body_terms", Value(phrase))).values_list("pk", "at"))
    missing = [pk for pk, p in at.items() if not p]
    if missing and anchors:  # no phrase: where most of its words first stand together
        found = {f"a{i}": StrIndex("body_terms", Value(a)) for i, a in enumerate(anchors)}
        near = rows.filter(pk__in=missing).annotate(**found).values_list("pk", *found)
        at.update({pk: _densest(positions) for pk, *positions in near})
    if not at:
        return {}
    starts = {pk: max(1, p - LEAD) for pk, p in at.items()}
    where = Case(*[When(pk=pk, then=Value(s)) for pk, s in starts.items()], default=Value(1))
    windows = rows.annotate(window=Substr("body", where, WINDOW + 1)).values_list("pk", "window")
    return {pk: (starts[pk], window) for pk, window in windows}


def _stretch_window(pk: int, rows: tuple[int, int], query: Query) -> tuple[int, str]:
    """A long body's window, placed as _short_windows places it (the phrase's first
    occurrence, else the densest of its words' first ones), each first occurrence looked
    for in the first stretches the full-text index names; read from the stretch holding it."""
    phrase, *anchors = query.anchors()
    at = _first(pk, rows, phrase)
    if not at and anchors:
        at = _densest([_first(pk, rows, a) for a in anchors[:MAX_ANCHORS]])
    begin = max(1, (at or 1) - LEAD)
    holder = (
        SearchSegment.objects.filter(entry_id=pk, start__lte=begin - 1)
        .order_by("-start")
        .values_list("start", "body")
        .first()
    )
    if holder is None:
        return begin, ""
    offset = begin - 1 - holder[0]
    return begin, holder[1][offset : offset + WINDOW + 1]


def _first(pk: int, rows: tuple[int, int], anchor: str) -> int:
    """Where ``anchor`` (" word ", " word" for a prefix, " a phrase ") first stands in the
    entry's body_terms (from 1; 0: nowhere). The first stretch that holds it whole holds
    its first occurrence; the index may also name one where a word is cut at an edge."""
    backend = _BACKENDS.get(connection.vendor, _Sqlite)
    tokens, prefix = anchor.split(), not anchor.endswith(" ")
    for start, terms in backend.stretches(pk, rows, tokens, prefix):
        if (found := terms.find(anchor)) >= 0:
            return segments.position(start, found)
    return 0


def _densest(found: list[int]) -> int:
    """Of the first positions of the query's words (0: absent), the one followed within a
    window by the most others; 1 when none is found."""
    at = sorted(p for p in found if p > 0)
    if not at:
        return 1
    return max(at, key=lambda p: (sum(p <= q < p + WINDOW - LEAD for q in at), -p))


def _hit(e: SearchEntry, query: Query, window: tuple[int, str]) -> Hit:
    start, text = window
    return Hit(
        kind=e.kind,
        kind_label=e.get_kind_display(),
        url=_url(e),
        title=highlight(e.title, query),
        context=highlight(e.context, query),
        snippet=snippet(text[:WINDOW], query, cut_before=start > 1, cut_after=len(text) > WINDOW)
        if text
        else SafeString(""),
    )


def _url(e: SearchEntry) -> str:
    if e.kind == Kind.DOCUMENT:
        return reverse("documents:detail", args=[e.object_id])
    if e.kind == Kind.TASK:
        return reverse("tracking:task_detail", args=[e.object_id])
    if e.kind == Kind.REPORT:
        from chidao.tracking.models import Report

        assignment = Report.objects.filter(pk=e.object_id).values_list("assignment", flat=True)
        return reverse("tracking:assignment_detail", args=[assignment.first() or 0])
    return reverse("tracking:assignments") + f"?agency={e.object_id}"
