"""The xml functions a view may name but the twin does not evaluate.

xpath() and xpath_exists() need libxml2's XPath 1.0 and its node
serialization to answer as PostgreSQL does; the twin has neither. They
are typed as pg_proc declares them, so a view or function using them is
created (AdventureWorks' views are), and a call raises 0A000 naming the
function when it is evaluated — never a different answer. They are
marked volatile so constant arguments are not folded at plan time: a
statement that never evaluates the call (no rows) succeeds as on
PostgreSQL.
"""

from __future__ import annotations

from typing import Any, Callable

from twinning.errors import feature_not_supported
from twinning.passes.expr.registry import define

REFUSED_WHEN_CALLED = ("xpath(text,xml)", "xpath(text,xml,text[])",
                       "xpath_exists(text,xml)", "xpath_exists(text,xml,text[])")


def _refused(name: str) -> Callable[..., Any]:
    def call(*args: Any) -> Any:
        raise feature_not_supported(f"function {name}()")
    return call


def register() -> None:
    for sig in REFUSED_WHEN_CALLED:
        define(sig, _refused(sig.split("(")[0]), volatile=True)
