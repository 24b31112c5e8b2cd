"""Shared builders for the verify tests: the corpus schema as a catalog,
committed states with rows given directly (no write path), artifacts."""

from __future__ import annotations

import json
from pathlib import Path
from types import MappingProxyType
from typing import Any

from twinning import schemas
from twinning.ir.catalog import QName
from twinning.passes import load_schema
from twinning.state import CommittedState
from twinning.verify_artifact import VerifyArtifact, load_verify_artifact
from twinning.verify_eval import evaluate

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "verify"
DDL = (CORPUS / "schema.sql").read_text()
CATALOG = load_schema(DDL).catalog


def state(**tables: list[tuple]) -> CommittedState:
    """`state(loans=[...], tenants=[...])`: rows of public tables."""
    empty = CommittedState.empty(CATALOG, DDL)
    rows = dict(empty.rows)
    for name, table_rows in tables.items():
        qname = QName("public", name)
        width = len(CATALOG.table(qname).columns)
        rows[qname] = tuple(tuple(r) + (None,) * (width - len(r))
                            for r in table_rows)
    return CommittedState(CATALOG, DDL, MappingProxyType(rows), empty.sequences)


def artifact(*rules: dict[str, Any], bindings: list | None = None,
             set_id: str = "tests.verify") -> VerifyArtifact:
    """An artifact of these rules (each `check` plus optional id/severity)."""
    if bindings is None:
        names = sorted({r["check"][k] for r in rules
                        for k in ("binding", "ref_binding") if k in r["check"]})
        keys = {"public.loans": ["loan_id"], "public.tenants": ["tenant_id"],
                "public.property": ["property_id"]}
        bindings = [{"name": n, "kind": "relation", "key_fields": keys[n]}
                    for n in names]
    document = {
        "version": "verify.constraint.v1",
        "constraint_set_id": set_id,
        "bindings": bindings,
        "rules": [{"id": r.get("id", f"R{i:02d}"),
                   "severity": r.get("severity", "error"),
                   "portability": r.get("portability", "portable"),
                   "check": r["check"]} for i, r in enumerate(rules)],
    }
    return load(document)


def load(document: Any) -> VerifyArtifact:
    data = document if isinstance(document, bytes) else \
        json.dumps(document).encode()
    return load_verify_artifact(data, "rules.verify.json", CATALOG)


def run(art: VerifyArtifact, st: CommittedState) -> dict[str, Any]:
    """Evaluate and check the document against the published schema."""
    report = evaluate(art, st)
    schemas.validator("verify.report.v1").validate(report)
    return report


def only(report: dict[str, Any]) -> dict[str, Any]:
    (result,) = report["results"]
    return result
