"""The declared subset: canary/manifest.v0.json is schema-valid and every
claim names proofs that exist (a corpus case or a test function)."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from tests.support.corpus import cases_in
from twinning import schemas

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = json.loads((ROOT / "canary" / "manifest.v0.json").read_text())


def test_manifest_is_schema_valid():
    schemas.validator("twinning.canary-manifest.v0").validate(MANIFEST)
    ids = [shape["id"] for shape in MANIFEST["shapes"]]
    assert len(ids) == len(set(ids))


def _defined_tests(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    return {node.name for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")}


PROOFS = sorted({p for shape in MANIFEST["shapes"] for p in shape["proofs"]})


@pytest.mark.parametrize("proof", PROOFS)
def test_every_proof_exists(proof):
    path, _, name = proof.partition("::")
    file = ROOT / path
    assert file.is_file(), f"{path} does not exist"
    if file.suffix == ".sql":
        assert name in dict(cases_in(file)), f"no case {name} in {path}"
    else:
        assert name in _defined_tests(file), f"no test {name} in {path}"
