"""The packaged data files (``src/eventcoder/data``), read once by the stage that needs them.

YAML goes through libyaml's C parser when PyYAML has it: the same values, about ten times
faster, which is most of a process's start-up beside the place index.
"""
from __future__ import annotations

from importlib.resources import files
from typing import Any

import yaml

__all__ = ["load_yaml"]

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(name: str) -> Any:
    """The content of ``data/<name>``, parsed safely."""
    return yaml.load(files("eventcoder.data").joinpath(name).read_text("utf-8"), Loader=_LOADER)
