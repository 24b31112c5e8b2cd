"""Loading a `verify.constraint.v1` artifact against the catalog.

Everything that can be wrong with an artifact is found here, before any
traffic is accepted: unreadable or non-JSON files and anything the published
schema rejects (`E_VERIFY_ARTIFACT_PARSE`), `batch_only` rules the embedded
evaluator cannot run (`E_VERIFY_BATCH_ONLY`), bindings or columns the
catalog does not have (`E_VERIFY_BINDING`), and rules that cannot run
against these column types — a literal that does not convert to its
column's type, columns of incomparable types, an ordering on json or
arrays, foreign keys of unequal arity, repeated binding names or rule ids
(`E_VERIFY_ARTIFACT_PARSE`, checks in `twinning.verify_eval`). Bindings name
relations canonically (`public.deals`); an unqualified name means `public`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Iterator

from twinning import schemas
from twinning.errors import Refusal
from twinning.ir.catalog import Catalog, QName, Table

_NEXT = "twinning postgres --schema schema.sql --verify rules.verify.json"


@dataclass(frozen=True)
class VerifyArtifact:
    source: str
    hash: str  # sha256 over the file bytes
    document: dict[str, Any]
    bindings: dict[str, QName]  # binding name → relation

    @property
    def constraint_set_id(self) -> str:
        return self.document["constraint_set_id"]

    @property
    def rules(self) -> list[dict[str, Any]]:
        return self.document["rules"]


def load_verify_artifact(data: bytes, source: str,
                         catalog: Catalog) -> VerifyArtifact:
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise Refusal("E_VERIFY_ARTIFACT_PARSE",
                      f"verify artifact is not valid JSON: {exc}",
                      {"path": source}, _NEXT) from None
    errors = schemas.errors("verify.constraint.v1", document, data)
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(root)"
        raise Refusal("E_VERIFY_ARTIFACT_PARSE",
                      f"verify artifact does not match verify.constraint.v1 "
                      f"at {where}: {first.message}",
                      {"path": source, "errors": len(errors)}, _NEXT)
    batch = [r["id"] for r in document["rules"]
             if r["portability"] == "batch_only"]
    if batch:
        raise Refusal("E_VERIFY_BATCH_ONLY",
                      "verify artifact has batch_only rules, which the "
                      "embedded evaluator cannot run",
                      {"path": source, "rules": batch},
                      "verify run rules.verify.json   # batch rules belong to "
                      "batch verify")
    for what, names in (("binding", [b["name"] for b in document["bindings"]]),
                        ("rule id", [r["id"] for r in document["rules"]])):
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise Refusal("E_VERIFY_ARTIFACT_PARSE",
                          f"verify artifact declares {what} "
                          f"{repeated[0]!r} more than once",
                          {"path": source, what.replace(" ", "_"): repeated},
                          _NEXT)
    bindings = {b["name"]: _relation(catalog, b["name"], source)
                for b in document["bindings"]}
    for binding in document["bindings"]:
        table = catalog.table(bindings[binding["name"]])
        for column in binding.get("key_fields", ()):
            _column(table, binding["name"], column, source)
    for rule in document["rules"]:
        for binding, column in _rule_columns(rule["check"]):
            if binding not in bindings:
                raise Refusal("E_VERIFY_BINDING",
                              f"rule {rule['id']} uses undeclared binding "
                              f"{binding!r}", {"path": source}, _NEXT)
            if column is not None:
                _column(catalog.table(bindings[binding]), binding, column,
                        source)
    # Types: literals convertible to their columns, comparable operands.
    from twinning.verify_eval import check_artifact
    check_artifact(document, bindings, catalog, source, _NEXT)
    return VerifyArtifact(source, digest, document, bindings)


def _relation(catalog: Catalog, name: str, source: str) -> QName:
    schema, _, table = name.rpartition(".")
    qname = QName(schema or "public", table)
    if catalog.table(qname) is None:
        raise Refusal("E_VERIFY_BINDING",
                      f"verify binding {name!r} names no table of the schema",
                      {"path": source, "tables": [str(t.name) for t in catalog.tables]},
                      _NEXT)
    return qname


def _column(table: Table, binding: str, column: str, source: str) -> None:
    if table.column(column) is None:
        raise Refusal("E_VERIFY_BINDING",
                      f"verify binding {binding!r} has no column {column!r}",
                      {"path": source, "relation": str(table.name)}, _NEXT)


def _rule_columns(check: dict[str, Any]) -> Iterator[tuple[str, str | None]]:
    """(binding, column) pairs a portable check reads."""
    op = check["op"]
    if op == "row_count":
        yield check["binding"], None
        return
    binding = check["binding"]
    yield binding, None
    if op in ("unique", "not_null"):
        for column in check["columns"]:
            yield binding, column
    elif op == "foreign_key":
        for column in check["columns"]:
            yield binding, column
        for column in check["ref_columns"]:
            yield check["ref_binding"], column
    elif op == "aggregate_compare":
        for column in check["aggregate"].values():
            yield binding, column
    elif op == "predicate":
        for column in _predicate_columns(check["expr"]):
            yield binding, column


def _predicate_columns(expr: Any) -> Iterator[str]:
    if isinstance(expr, dict):
        if set(expr) == {"column"}:
            yield expr["column"]
            return
        for value in expr.values():
            yield from _predicate_columns(value)
    elif isinstance(expr, list):
        for item in expr:
            yield from _predicate_columns(item)
