"""The house rules of the package, checked over its source: no import cycles (function-level and
type-only imports included), no private name reached across modules, a docstring on every module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from helpers import ROOT

PACKAGE = ROOT / "vnpress"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(module: str, is_package: bool, level: int, name: str | None) -> str:
    if level == 0:
        return name or ""
    base = module.split(".")
    if not is_package:
        base.pop()
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join(base + ([name] if name else []))


def imports_of(module: str) -> set[str]:
    """Every vnpress module ``module`` imports, wherever the import statement stands."""
    path = MODULES[module]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, path.name == "__init__.py", node.level, node.module)
            targets = [base] + [f"{base}.{a.name}" for a in node.names]
        else:
            continue
        for t in targets:
            # importing a.b.c runs a and a.b too, but those are packages whose __init__ is checked itself
            if t in MODULES and t != module:
                found.add(t)
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components with more than one member."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            scc = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                scc.append(w)
                if w == v:
                    break
            if len(scc) > 1:
                out.append(sorted(scc))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_the_checker_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_imports_one_that_imports_it_back():
    graph = {m: imports_of(m) for m in MODULES}
    assert _cycles(graph) == []


def test_lower_layers_never_import_higher_ones():
    """io, text and data are the floor; pipeline sits on them; analyses above; cli on top."""
    floor = ("vnpress.io", "vnpress.text", "vnpress.data", "vnpress.errors")
    above_floor = ("vnpress.pipeline", "vnpress.entities", "vnpress.abbrev", "vnpress.stats", "vnpress.cli")
    for m in MODULES:
        if m.startswith(floor):
            bad = sorted(t for t in imports_of(m) if t.startswith(above_floor))
            assert bad == [], f"{m} imports {bad}"
        if not m.startswith("vnpress.cli") and m != "vnpress.__main__":
            assert not any(t.startswith("vnpress.cli") for t in imports_of(m)), m


def _private_reaches(module: str) -> list[str]:
    """``from x import _name`` of another vnpress module, and ``alias._name`` on an imported module."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    aliases: set[str] = set()
    bad = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = _resolve(module, MODULES[module].name == "__init__.py", node.level, node.module)
            if not base.startswith("vnpress"):
                continue
            for a in node.names:
                if f"{base}.{a.name}" in MODULES:
                    aliases.add(a.asname or a.name)
                elif a.name.startswith("_") and not a.name.startswith("__"):
                    bad.append(f"from {base} import {a.name}")
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("vnpress"):
                    aliases.add(a.asname or a.name.split(".")[0])
    own = _defined_here(tree)
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and _is_private(node.attr)):
            continue
        if isinstance(node.value, ast.Name) and node.value.id in aliases:
            bad.append(f"{node.value.id}.{node.attr}")
        elif node.attr not in own and not (
            isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")
        ):
            bad.append(
                f"{ast.unparse(node.value)}.{node.attr}"
            )  # another module's object's private attribute
    return bad


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _defined_here(tree: ast.Module) -> set[str]:
    """The names a module defines itself: functions, classes, assigned names and attributes."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
    return names


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_private_name_is_reached_across_modules(module):
    assert _private_reaches(module) == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_module_says_what_it_owns(module):
    doc = ast.get_docstring(ast.parse(MODULES[module].read_text(encoding="utf-8")))
    assert doc and len(doc.split()) >= 4, f"{module} has no opening docstring"
