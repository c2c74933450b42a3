"""No import cycle between eventcoder's modules, counting imports made inside functions."""
import ast
from pathlib import Path

import eventcoder

PACKAGE = Path(eventcoder.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


TREES = {_module_name(path): (path, ast.parse(path.read_text(encoding="utf-8")))
         for path in sorted(PACKAGE.rglob("*.py"))}


def _base(module: str, node: ast.ImportFrom) -> str:
    """The absolute name ``from ... import`` reads from, relative levels resolved."""
    if not node.level:
        return node.module
    path = TREES[module][0]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for _ in range(node.level - 1):
        package = package.rpartition(".")[0]
    return f"{package}.{node.module}" if node.module else package


def _reexports(module: str) -> dict[str, str]:
    """Name -> module it comes from, for the names a module imports at its top level."""
    return {alias.asname or alias.name: _base(module, node)
            for node in TREES[module][1].body if isinstance(node, ast.ImportFrom)
            for alias in node.names}


def _defining_module(module: str, name: str) -> str:
    """The module ``from module import name`` really depends on: a submodule, or where a
    package's ``__init__`` got the name from."""
    seen = set()
    while f"{module}.{name}" not in TREES and module not in seen:
        seen.add(module)
        source = _reexports(module).get(name) if module in TREES else None
        if source not in TREES:
            break
        module = source
    return f"{module}.{name}" if f"{module}.{name}" in TREES else module


def _imports(module: str) -> set[str]:
    found = set()
    for node in ast.walk(TREES[module][1]):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.update(_defining_module(_base(module, node), alias.name) for alias in node.names)
    return {name for name in found if name in TREES and name != module}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each group of modules that import each other (depth-first search)."""
    cycles, done, path = [], set(), []

    def visit(module: str) -> None:
        path.append(module)
        for target in sorted(graph[module]):
            if target in path:
                cycles.append(path[path.index(target):] + [target])
            elif target not in done:
                visit(target)
        path.pop()
        done.add(module)

    for module in sorted(graph):
        if module not in done:
            visit(module)
    return cycles


def test_the_import_graph_resolves_submodules_and_reexports():
    graph = {module: _imports(module) for module in TREES}
    assert "eventcoder.gazetteer.build" in graph["eventcoder.gazetteer"]
    assert "eventcoder.article" in graph["eventcoder.batch"]


def test_no_module_imports_itself_through_others():
    graph = {module: _imports(module) for module in TREES}
    cycles = _cycles(graph)
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(cycle) for cycle in cycles)
