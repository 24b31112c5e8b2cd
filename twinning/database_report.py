"""The report's `databases` section and `--snapshot-dir`: every database of
the twin that exists at shutdown (issue 16).

`postgres` is the report's main state as before; this section lists each
database a session used or CREATE DATABASE made (template0/template1 only
once used), by name: its tables' row counts, its refused writes by
constraint kind, its verify outcome (with `--verify`, the same rules over
its committed state) and the hash its snapshot has. `--snapshot-dir DIR`
writes one `DIR/<name>.twin` per database.
"""

from __future__ import annotations

import os
from typing import Any

from twinning import bootstrap
from twinning.report import violation_counts


class Loaded:
    """A database that never served (bootstrap mode): its loaded state."""

    def __init__(self, state: Any) -> None:
        self.state = state
        self.refused: dict[str, int] = {}

    def committed_state(self) -> Any:
        return self.state


def databases_section(engines: list[tuple[str, Any]], verify_doc: Any,
                      snapshot_dir: str | None) -> dict[str, Any]:
    from twinning import snapshot  # lazy: cold start
    out: dict[str, Any] = {}
    if snapshot_dir is not None:
        try:
            os.makedirs(snapshot_dir, exist_ok=True)
        except OSError:
            pass  # write_file refuses with the reason (E_IO_WRITE)
    for name, engine in sorted(engines):
        state = engine.committed_state()
        data, digest = snapshot.encode(state)
        entry: dict[str, Any] = {
            "tables": {str(t.name): len(state.rows.get(t.name, ()))
                       for t in state.catalog.tables},
            "constraints": violation_counts(dict(engine.refused)),
            "snapshot_hash": digest,
        }
        if verify_doc is not None:
            from twinning.verify_eval import evaluate
            result = evaluate(verify_doc, state)
            entry["verify"] = {"outcome": result["outcome"], "failing_rules": [
                r["rule_id"] for r in result.get("results", ())
                if r["status"] == "fail"]}
        if snapshot_dir is not None:
            path = os.path.join(snapshot_dir, f"{name}.twin")
            bootstrap.write_file(path, data, "snapshot")
            entry["snapshot_written_to"] = path
        out[name] = entry
    return out
