"""One stable dump for every IR value: a plain tree of dicts, lists, str,
int, float, bool and None.

Dataclasses become `{"node": ClassName, field: …}` with fields in
declaration order; fields declared `compare=False` (source locations,
caches) are left out, so the dump has exactly the identity the IR has.
Qualified names print as `schema.name`, types as PostgreSQL spells them.
The same tree feeds `twinning explain --json`, the query trace and the
snapshot's catalog section, so it must never depend on dict or set order.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from twinning.ir.catalog import QName
from twinning.ir.types import SqlType


def dump(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, QName):
        return str(value)
    if isinstance(value, SqlType):
        return value.display()
    if isinstance(value, (tuple, list)):
        return [dump(v) for v in value]
    if isinstance(value, dict):
        return {str(k): dump(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if dataclasses.is_dataclass(value):
        out: dict[str, Any] = {"node": type(value).__name__}
        for f in dataclasses.fields(value):
            if f.compare and not f.name.startswith("_"):
                out[f.name] = dump(getattr(value, f.name))
        return out
    if type(value).__name__ == "_Unbounded":  # a range partition's MINVALUE/MAXVALUE
        return {"node": "Unbounded", "word": value.word}
    raise TypeError(f"cannot dump {type(value).__name__}")


def dumps(value: Any) -> str:
    """The dump as indented, key-stable JSON text."""
    return json.dumps(dump(value), indent=2, ensure_ascii=False)
