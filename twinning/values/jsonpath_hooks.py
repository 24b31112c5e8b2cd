"""The jsonpath input function's hook, apart from `jsonpath` itself so the
expression layer installs it at start-up without loading the jsonpath
scanner and grammar (`twinning.deferred`)."""

from __future__ import annotations

from typing import Callable

# (pattern, flags) -> None or raises; installed by passes/expr/jsonpath_ops
REGEX_CHECK: list[Callable[[str, str], None]] = []
