"""No import cycle between eventcoder's modules, counting imports made inside functions; no
module binding one top-level name twice (the later binding silently replaces the earlier for
every function that reads it)."""
import ast
from pathlib import Path

import eventcoder

PACKAGE = Path(eventcoder.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


TREES = {_module_name(path): (path, ast.parse(path.read_text(encoding="utf-8")))
         for path in sorted(PACKAGE.rglob("*.py"))}


def _is_package(module: str) -> bool:
    return TREES[module][0].name == "__init__.py"


def _base(module: str, node: ast.ImportFrom) -> str:
    """The absolute name ``from ... import`` reads from, relative levels resolved."""
    if not node.level:
        return node.module
    package = module if _is_package(module) else module.rpartition(".")[0]
    for _ in range(node.level - 1):
        package = package.rpartition(".")[0]
    return f"{package}.{node.module}" if node.module else package


def _reexports(package: str) -> dict[str, str]:
    """Name -> module it comes from, for the names a package's ``__init__`` imports."""
    return {alias.asname or alias.name: _base(package, node)
            for node in TREES[package][1].body if isinstance(node, ast.ImportFrom)
            for alias in node.names}


def _target(module: str, name: str) -> str:
    """What ``from module import name`` depends on: the submodule ``name``, or the module that
    defines ``name`` when a package's ``__init__`` only passes it on."""
    while module in TREES:
        if f"{module}.{name}" in TREES:
            return f"{module}.{name}"
        source = _reexports(module).get(name) if _is_package(module) else None
        if source not in TREES or source == module:
            break
        module = source
    return module


def _imports(module: str) -> set[str]:
    found = set()
    for node in ast.walk(TREES[module][1]):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.update(_target(_base(module, node), alias.name) for alias in node.names)
    return {name for name in found if name in TREES and name != module}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The cycles a depth-first search meets: at least one through each group of modules that
    import each other."""
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


GRAPH = {module: _imports(module) for module in TREES}


def test_the_graph_follows_submodules_reexports_and_imports_inside_functions():
    assert _target("eventcoder.gazetteer", "build") == "eventcoder.gazetteer.build"
    assert _target("eventcoder.store", "Store") == "eventcoder.store.database"
    assert _target("eventcoder", "Article") == "eventcoder.article"
    assert _target("eventcoder.batch", "ResumeError") == "eventcoder.batch"  # a module, not a package
    assert "eventcoder.warmup" in GRAPH["eventcoder.parallel"]  # imported inside _start_worker


def test_no_module_imports_itself_through_others():
    cycles = _cycles(GRAPH)
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(cycle) for cycle in cycles)


def _top_level_names(tree: ast.Module) -> list[str]:
    names = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        names += [target.id for target in targets if isinstance(target, ast.Name)]
    return names


def test_no_module_binds_a_top_level_name_twice():
    twice = {module: sorted({name for name in names if names.count(name) > 1})
             for module, (_, tree) in TREES.items() if (names := _top_level_names(tree))}
    assert not {module: names for module, names in twice.items() if names}


def test_a_name_bound_twice_is_found():
    assert _top_level_names(ast.parse("_GAP = 1\ndef f(): pass\n_GAP = 2\n")).count("_GAP") == 2
