"""The operator manifest printed by `twinning --describe`.

A machine-readable summary of the command surface for agents that drive
twinning: commands, options, exit codes, refusal codes and artifact
versions. Built from the same constants the code uses, so it cannot drift.
"""

from __future__ import annotations

from typing import Any

from twinning import __version__
from twinning.errors import REFUSAL_CODES
from twinning.report import REPORT_VERSION, WIRE_PROTOCOL
from twinning.snapshot import SNAPSHOT_VERSION


def manifest() -> dict[str, Any]:
    return {
        "name": "twinning",
        "version": __version__,
        "engines": {"postgres": "implemented", "mysql": "refused",
                    "oracle": "refused"},
        "commands": {
            "postgres": "twinning postgres (--schema FILE "
                        "[--skip-unsupported] | --restore FILE) "
                        "[--verify FILE] [--host HOST] [--port PORT] "
                        "[--socket-dir DIR] "
                        "[--serve | --run CMD [--run-timeout SEC]] "
                        "[--report FILE] [--snapshot FILE] [--trace FILE] "
                        "[--journal FILE [--journal-sync commit|off]] "
                        "[--snapshot-dir DIR] [--clock TIMESTAMP] [--seed N] "
                        "[--shadow URL | --backend URL] [--json]",
            "tournament": "twinning tournament (--schema FILE | --restore "
                          "FILE) [--verify FILE] [--clock TIMESTAMP] "
                          "[--seed N] [--jobs J] [--run-timeout SEC] "
                          "[--report FILE] [--json] "
                          "(--candidate NAME=CMD)...",
            "explain": "twinning explain (--schema FILE [--skip-unsupported]"
                       " | --restore FILE) "
                       "[--json] [SQL]",
            "snapshot inspect": "twinning snapshot inspect FILE [--json]",
            "proof twin-pair": "twinning proof twin-pair --left FILE "
                               "--right FILE (--queries FILE | --trace FILE) "
                               "[--report FILE] [--json]",
            "materialize": "twinning materialize --from URL --snapshot FILE "
                           "[--tables LIST] [--where TABLE=PREDICATE]... "
                           "[--schema-only] [--skip-unsupported] "
                           "[--report FILE] [--json]",
            "describe": "twinning --describe",
        },
        "modes": ["bootstrap", "serve", "run_once"],
        "exit_codes": {"0": "clean (or no verify artifact)",
                       "1": "run finished but embedded verify failed",
                       "2": "refusal, bootstrap failure or usage error"},
        "refusal_codes": dict(REFUSAL_CODES),
        "artifacts": {"report": REPORT_VERSION, "snapshot": SNAPSHOT_VERSION,
                      "query_trace": "twinning.query-trace.v0",
                      "proof": "twinning.proof.v0",
                      "materialize": "twinning.materialize.v0",
                      "journal": "twinning.journal.v0",
                      "tournament": "twinning.tournament.v0",
                      "canary_manifest": "twinning.canary-manifest.v0",
                      "verify_input": "verify.constraint.v1",
                      "verify_output": "verify.report.v1"},
        "wire_protocol": WIRE_PROTOCOL,
        "postgres_version": "15",
    }
