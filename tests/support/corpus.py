"""Case files: several SQL scripts in one file, each under `-- case: NAME`.

Corpora are data, so later work adds cases without adding test code.
"""

from __future__ import annotations

import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
_CASE = re.compile(r"^-- case: *(\S+) *$", re.M)


def cases(relative: str) -> list[tuple[str, str]]:
    """(name, script) pairs of a case file under tests/corpus, in file order."""
    return cases_in(CORPUS / relative)


def cases_in(path: Path) -> list[tuple[str, str]]:
    """(name, script) pairs of any case file, in file order."""
    parts = _CASE.split(path.read_text())
    found = list(zip(parts[1::2], (p.strip() + "\n" for p in parts[2::2])))
    names = [n for n, _ in found]
    assert len(names) == len(set(names)), f"duplicate case names in {path}"
    return found
