import ast
import builtins
import inspect
import re
from pathlib import Path

import eventcoder
from eventcoder import errors
from eventcoder.errors import Errors, EventcoderError

PACKAGE = Path(eventcoder.__file__).parent


def test_each_message_starts_with_its_own_code():
    codes = {name: value for name, value in vars(Errors).items() if re.fullmatch(r"E\d{3}", name)}
    assert codes and all(message.startswith(f"[{name}] ") for name, message in codes.items())


def test_every_error_class_is_an_eventcoder_error():
    classes = [value for value in vars(errors).values() if inspect.isclass(value) and issubclass(value, Exception)]
    assert len(classes) > 5 and all(issubclass(value, EventcoderError) for value in classes)


def _raised_builtin_exceptions():
    """``raise ValueError(...)`` and the like anywhere in the package, as ``path:line name``."""
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            raised = node.exc.func if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) else None
            kind = getattr(builtins, raised.id, None) if isinstance(raised, ast.Name) else None
            if inspect.isclass(kind) and issubclass(kind, BaseException):
                yield f"{path.relative_to(PACKAGE)}:{node.lineno} {raised.id}"


def test_the_package_raises_only_coded_errors():
    assert list(_raised_builtin_exceptions()) == []
