"""chidao's imports form no cycle: not between modules, not between its packages.

The graph is read from the source with ``ast``, so an import placed inside a function
counts like one at the top of the file (moving an import into a function hides a cycle
from Python, not from this test); an import under ``if TYPE_CHECKING:`` is left out, as
it never runs. A module ``a.b`` named in ``from a import b`` is an edge to ``a.b``; a
name defined in ``a`` is an edge to ``a``.

The layers, bottom up: ``common`` (clock, uploads, errors, periods, file types, the task
queue's adapter) imports no other package of chidao; ``extract`` is a pure library (no
Django) that imports nothing of chidao but common's plain-Python modules (the one period
module and the one list of file types); the apps import ``common`` and each other
one way only (``documents`` → ``tracking``, never back); ``web`` is the project shell
(settings, URLs, the demo), which nothing imports.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHIDAO = ROOT / "chidao"


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    where: str  # "chidao/x/y.py:12"


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules_under(package: Path, root: Path) -> dict[str, Path]:
    return {module_name(p, root): p for p in sorted(package.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement that can run, at any depth; ``if TYPE_CHECKING:`` bodies
    skipped (their ``else:`` kept)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                yield from _imports(ast.Module(body=[child], type_ignores=[]))
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        yield from _imports(node)


def edges_of(name: str, path: Path, known: set[str], rel_root: Path) -> Iterator[Edge]:
    """The modules of ``known`` that ``name`` (at ``path``) imports."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]

    def resolve(dotted: str) -> str | None:
        while dotted and dotted not in known:
            dotted = dotted.rpartition(".")[0]
        return dotted or None

    for node in _imports(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            wanted = [a.name for a in node.names]
        else:
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*up, *([node.module] if node.module else [])])
            wanted = [f"{base}.{a.name}" for a in node.names]
        for dotted in wanted:
            target = resolve(dotted)
            if target is not None and target != name:
                where = f"{path.relative_to(rel_root).as_posix()}:{node.lineno}"
                yield Edge(name, target, where)


def import_graph(package: Path = CHIDAO, root: Path = ROOT) -> list[Edge]:
    modules = modules_under(package, root)
    known = set(modules)
    return [e for name, path in modules.items() for e in edges_of(name, path, known, root)]


def strongly_connected(nodes: set[str], edges: list[tuple[str, str]]) -> list[set[str]]:
    """The groups of nodes that reach one another (Tarjan), those of two or more."""
    out: dict[str, list[str]] = {n: [] for n in nodes}
    for a, b in edges:
        out[a].append(b)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in out[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(group)

    for n in sorted(nodes):
        if n not in index:
            visit(n)
    return groups


def describe(group: set[str], edges: list[Edge]) -> str:
    """The imports that hold ``group`` together, one per line."""
    inside = sorted({(e.source, e.target, e.where) for e in edges if {e.source, e.target} <= group})
    lines = [f"  {source} -> {target}  ({where})" for source, target, where in inside]
    return "cycle of " + ", ".join(sorted(group)) + ":\n" + "\n".join(lines)


def package_of(module: str) -> str:
    """``chidao.tracking.views_lists`` → ``chidao.tracking``."""
    return ".".join(module.split(".")[:2])


def package_edges(edges: list[Edge]) -> list[Edge]:
    return [
        Edge(package_of(e.source), package_of(e.target), f"{e.source} -> {e.target}, {e.where}")
        for e in edges
        if package_of(e.source) != package_of(e.target)
    ]


def cycles(edges: list[Edge]) -> list[set[str]]:
    nodes = {e.source for e in edges} | {e.target for e in edges}
    return strongly_connected(nodes, [(e.source, e.target) for e in edges])


# --- the tests -----------------------------------------------------------------------------


def test_no_module_of_chidao_imports_itself_through_others() -> None:
    edges = import_graph()
    found = cycles(edges)
    assert not found, "\n\n".join(describe(g, edges) for g in found)


def test_no_two_packages_of_chidao_import_each_other() -> None:
    edges = package_edges(import_graph())
    found = cycles(edges)
    assert not found, "\n\n".join(describe(g, edges) for g in found)


def test_the_common_package_imports_no_app() -> None:
    wrong = [
        e.where
        for e in import_graph()
        if package_of(e.source) == "chidao.common" and package_of(e.target) != "chidao.common"
    ]
    assert not wrong, "chidao/common is the bottom layer:\n" + "\n".join(wrong)


PLAIN_COMMON = (
    "chidao.common",
    "chidao.common.periods",
    "chidao.common.filetypes",
    "chidao.common.office",
)


def test_the_extraction_library_imports_only_plain_common_modules() -> None:
    graph = import_graph()
    wrong = [
        e.where
        for e in graph
        if package_of(e.source) == "chidao.extract"
        and package_of(e.target) != "chidao.extract"
        and e.target not in PLAIN_COMMON
    ]
    assert not wrong, "chidao/extract is a library beneath the apps:\n" + "\n".join(wrong)
    heavy = [e.where for e in graph if e.source in PLAIN_COMMON and e.target != "chidao.common"]
    assert not heavy, "what extract uses of common imports nothing:\n" + "\n".join(heavy)
    for module in PLAIN_COMMON:
        path = CHIDAO.parent / (module.replace(".", "/") + ".py")
        if not path.exists():
            path = CHIDAO.parent / module.replace(".", "/") / "__init__.py"
        assert "django" not in path.read_text(encoding="utf-8"), module


def test_nothing_imports_the_project_shell() -> None:
    wrong = [
        e.where
        for e in import_graph()
        if package_of(e.target) == "chidao.web" and package_of(e.source) != "chidao.web"
    ]
    assert not wrong, "chidao/web is the project shell; share code through chidao/common:\n" + (
        "\n".join(wrong)
    )


def test_the_walker_counts_imports_in_functions_and_skips_type_checking(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from pkg import c\n"
        "def f():\n"
        "    from . import b\n"
    )
    (pkg / "b.py").write_text("import pkg.a\n")
    (pkg / "c.py").write_text("from pkg.a import f\n")
    edges = import_graph(pkg, tmp_path)
    assert {(e.source, e.target) for e in edges} == {
        ("pkg.a", "pkg.b"),
        ("pkg.b", "pkg.a"),
        ("pkg.c", "pkg.a"),
    }
    assert cycles(edges) == [{"pkg.a", "pkg.b"}]
