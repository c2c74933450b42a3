"""The language knowledge a run codes with: the packaged data files, and a user's own beside them.

Everything a stage knows about words (actor dictionaries, cue phrases, taxonomy, weights) is read
through :func:`load_yaml` / :func:`data_text` from ``src/eventcoder/data``. A user extends the
packaged actor dictionary with a file of the same schema as ``actors.yaml`` (``--actors FILE`` or
``EVENTCODER_ACTORS``): :func:`read_actors_file` checks it, :func:`use_actors` makes it the one this
process codes with. Its groups add to the packaged ones; a group with the canonical ``name`` of a
packaged one replaces it; its lists (``not_actors``, ``contextual``...) add to the packaged lists.

The file travels as an :class:`ActorsFile` (its name and text, not a path), so worker processes and
Ray tasks code with the same entries as the process that started the run, and a resumed run can
tell by its fingerprint whether it is the file the run began with.
"""
from __future__ import annotations

import csv
import hashlib
import os
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from eventcoder.errors import DataFileError

__all__ = ["ActorsFile", "actors_from_environment", "current_actors", "data_text", "load_yaml",
           "read_actors_file", "use_actors"]

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the same values, ten times faster
_BOOL = "tag:yaml.org,2002:bool"


class _Loader(_SAFE_LOADER):
    """Safe loading where only true and false are booleans, as in YAML 1.2: word lists hold
    "no", "on" and "yes", and country lists Norway's code NO, which YAML 1.1 reads as booleans."""

    yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != _BOOL]
        for first, resolvers in _SAFE_LOADER.yaml_implicit_resolvers.items()}


_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_LOADER = _Loader
_ENVIRONMENT_VARIABLE = "EVENTCODER_ACTORS"


def data_text(name: str) -> str:
    """The text of the packaged ``data/<name>``."""
    return files("eventcoder.data").joinpath(name).read_text("utf-8")


def load_yaml(name: str) -> Any:
    """The content of the packaged ``data/<name>``, parsed safely (stages cache what they build)."""
    return yaml.load(data_text(name), Loader=_LOADER)


def data_rows(name: str) -> list[dict[str, str]]:
    """The rows of a packaged CSV file, its ``#`` header lines skipped."""
    return list(csv.DictReader(line for line in data_text(name).splitlines() if not line.startswith("#")))


@dataclass(frozen=True)
class ActorsFile:
    """A user's actor dictionary, checked: where it came from, its text and what it holds."""

    name: str
    text: str

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def data(self) -> dict[str, Any]:
        return _parse(self.name, self.text)


def read_actors_file(path: str | os.PathLike[str]) -> ActorsFile:
    """Reads and checks a user's actors file; raises DataFileError naming the line and the reason."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(str(path), None, getattr(error, "strerror", None) or str(error)) from None
    actors = ActorsFile(str(path), text)
    _parse(actors.name, actors.text)
    return actors


def actors_from_environment() -> ActorsFile | None:
    """The file ``EVENTCODER_ACTORS`` names, checked, or None when it is unset."""
    path = os.environ.get(_ENVIRONMENT_VARIABLE)
    return read_actors_file(path) if path else None


_current: ActorsFile | None = None


def use_actors(actors: ActorsFile | None) -> None:
    """Makes ``actors`` the user's dictionary this process codes with (None: the packaged one only)."""
    global _current
    _current = actors


def current_actors() -> ActorsFile | None:
    return _current


def actor_data(actors: ActorsFile | None) -> dict[str, Any]:
    """``actors.yaml`` with a user's file merged in (see the module's docstring)."""
    packaged = load_yaml("actors.yaml")
    if actors is None:
        return packaged
    user = actors.data
    merged = dict(packaged)
    names = {group["name"] for group in user.get("groups", [])}
    merged["groups"] = [g for g in packaged["groups"] if g["name"] not in names] + user.get("groups", [])
    for key, value in user.items():
        if key == "groups":
            continue
        if isinstance(value, list):
            merged[key] = [*packaged.get(key, []), *value]
        else:
            merged[key] = {**packaged.get(key, {}), **value}
    return merged


#: What each top-level key of a user's file must be.
_SECTIONS = {"groups": list, "contextual": list, "not_actors": list, "spelling_variants": list,
             "generic": dict}


@cache
def _parse(name: str, text: str) -> dict[str, Any]:
    """Checks a user's actors file against the schema of ``actors.yaml``; the line of each fault."""
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise DataFileError(name, mark.line + 1 if mark else None,
                            f"not valid YAML: {getattr(error, 'problem', None) or error}") from None
    if root is None:
        raise DataFileError(name, None, "the file is empty; expected a mapping with 'groups'")
    if not isinstance(root, yaml.MappingNode):
        raise DataFileError(name, _line(root), "expected a mapping with 'groups' at the top")
    data = yaml.load(text, Loader=_LOADER)
    categories = set(load_yaml("taxonomy.yaml")["categories"])
    for key_node, value_node in root.value:
        key = key_node.value
        if key not in _SECTIONS:
            raise DataFileError(name, _line(key_node),
                                f"unknown section {key!r}; expected one of {', '.join(sorted(_SECTIONS))}")
        if not isinstance(data[key], _SECTIONS[key]):
            raise DataFileError(name, _line(value_node), f"{key!r} must be a {_SECTIONS[key].__name__}")
        if key == "groups":
            for node, group in zip(value_node.value, data[key]):
                _check_group(name, node, group, categories)
    return data


def _check_group(name: str, node: yaml.Node, group: Any, categories: set[str]) -> None:
    if not isinstance(group, dict):
        raise DataFileError(name, _line(node), "a group must be a mapping with 'name', 'category' and 'aliases'")
    for field in ("name", "category"):
        if not isinstance(group.get(field), str) or not group[field].strip():
            raise DataFileError(name, _line(node), f"group without a '{field}' (a non-empty string)")
    if group["category"] not in categories:
        raise DataFileError(name, _line(node), f"group {group['name']!r}: category {group['category']!r} "
                                               f"is not one of {', '.join(sorted(categories))}")
    aliases = group.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise DataFileError(name, _line(node), f"group {group['name']!r}: 'aliases' must be a list of names")
    group.setdefault("aliases", [])


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1
