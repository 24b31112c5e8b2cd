"""The two non-Python clients of SPEC §1, unmodified, against the twin.

`tests/clients/jdbc/Smoke.java` (pgjdbc, the Debian `libpostgresql-jdbc-java`
jar) and `tests/clients/node/smoke.js` (node-postgres, npm `pg` ^8) each run
a fixed list of steps and print one line per step. Both programs run against
real PostgreSQL 15 and against the twin; the outputs must agree step by step
(rows, column names and types, command tags, SQLSTATEs and error texts,
ParameterStatus-tracked settings, warnings).

What the steps exercise beyond the Python clients: pgjdbc's switch from
unnamed to named server-side statements (and binary results) on the 5th
execution of a PreparedStatement, its implicit BEGIN under
`setAutoCommit(false)`, `isValid()` (an empty query); node-postgres's
unspecified (OID 0) parameter types, named statements parsed once and
re-bound, multi-statement simple queries and notices.

Tooling: java/javac (17), node/npm and /usr/share/java/postgresql.jar
(`scripts/system-deps.sh` installs the jar). A missing tool is a test
failure, never a skip. The Java program is compiled, and `npm install` run
in a temporary copy of tests/clients/node, once per session.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.twin import running_twin

pytestmark = pytest.mark.realpg

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = ROOT / "tests" / "clients"
JDBC_JAR = Path("/usr/share/java/postgresql.jar")

_RUN_TIMEOUT = 120


def _require(*tools: str) -> dict[str, str]:
    found = {tool: shutil.which(tool) for tool in tools}
    missing = [tool for tool, path in found.items() if path is None]
    if missing:
        pytest.fail(f"client smoke tests need {', '.join(missing)} on PATH "
                    "(scripts/system-deps.sh installs them as root: "
                    "openjdk-17-jdk-headless, nodejs, npm)",
                    pytrace=False)
    return found  # type: ignore[return-value]


def _client_env() -> dict[str, str]:
    """The environment minus libpq-style PG* variables (node-postgres reads
    them as defaults), in UTC so dates parse the same everywhere."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env["TZ"] = "UTC"
    return env


def _run(argv: list[str], what: str, cwd: Path | None = None) -> str:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, cwd=cwd,
                              env=_client_env(), timeout=_RUN_TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"{what} timed out after {_RUN_TIMEOUT}s; output so far:\n"
                    f"{exc.stdout}\n{exc.stderr}", pytrace=False)
    if done.returncode != 0:
        pytest.fail(f"{what} exited {done.returncode}\n--- stdout\n{done.stdout}"
                    f"\n--- stderr\n{done.stderr}", pytrace=False)
    return done.stdout


# ------------------------------------------------------------------ fixtures
@pytest.fixture(scope="module")
def twin():
    with running_twin() as server:
        yield server


@pytest.fixture(scope="session")
def jdbc_classpath(tmp_path_factory) -> str:
    tools = _require("java", "javac")
    if not JDBC_JAR.is_file():
        # root with apt: install it (and anything else the suite needs)
        subprocess.run(["sh", str(ROOT / "scripts" / "system-deps.sh")],
                       capture_output=True, text=True, timeout=600)
    if not JDBC_JAR.is_file():
        pytest.fail(f"{JDBC_JAR} is missing: install the Debian package "
                    "libpostgresql-jdbc-java (scripts/system-deps.sh does it "
                    "as root)", pytrace=False)
    out = tmp_path_factory.mktemp("jdbc")
    _run([tools["javac"], "-d", str(out), "-cp", str(JDBC_JAR),
          str(CLIENTS / "jdbc" / "Smoke.java")], "javac Smoke.java")
    return f"{out}{os.pathsep}{JDBC_JAR}"


@pytest.fixture(scope="session")
def node_dir(tmp_path_factory) -> Path:
    tools = _require("node", "npm")
    work = tmp_path_factory.mktemp("node")
    for name in ("package.json", "smoke.js"):
        shutil.copy(CLIENTS / "node" / name, work / name)
    _run([tools["npm"], "install", "--no-audit", "--no-fund"],
         "npm install (node-postgres)", cwd=work)
    if not (work / "node_modules" / "pg").is_dir():
        pytest.fail("npm install did not install pg", pytrace=False)
    return work


# ------------------------------------------------------------------ runners
def _jdbc(classpath: str, host: str, port: int) -> list[tuple[str, str]]:
    java = _require("java")["java"]
    # user.timezone: pgjdbc sends the JVM's zone as the TimeZone setting
    stdout = _run([java, "-Duser.timezone=UTC", "-cp", classpath, "Smoke",
                   f"jdbc:postgresql://{host}:{port}/postgres", "postgres"],
                  f"java Smoke against {host}:{port}")
    steps = []
    for line in stdout.splitlines():
        step, sep, value = line.partition("=")
        assert sep, f"unexpected output line from Smoke.java: {line!r}"
        steps.append((step, value))
    return steps


def _node(workdir: Path, host: str, port: int) -> list[tuple[str, str]]:
    node = _require("node")["node"]
    stdout = _run([node, "smoke.js", host, str(port), "postgres", "postgres"],
                  f"node smoke.js against {host}:{port}", cwd=workdir)
    steps = []
    for line in stdout.splitlines():
        record = json.loads(line)
        steps.append((record["step"], json.dumps(record["value"],
                                                 sort_keys=True)))
    return steps


def _compare(client: str, real: list[tuple[str, str]],
             twin: list[tuple[str, str]]) -> None:
    """Step by step: same steps in the same order, same answers."""
    assert real and real[-1] == ("closed", "true"), \
        f"{client} did not finish against PostgreSQL: {real[-3:]}"
    lines = []
    for index in range(max(len(real), len(twin))):
        want = real[index] if index < len(real) else ("<missing>", "")
        got = twin[index] if index < len(twin) else ("<missing>", "")
        if want != got:
            lines.append(f"  step {want[0]}:\n    postgres: {want[1]}\n"
                         f"    twin:     {got[0]}={got[1]}")
    assert not lines, (f"{client}: the twin differs from PostgreSQL 15 in "
                       f"{len(lines)} step(s):\n" + "\n".join(lines))


# ------------------------------------------------------------------ tests
def test_jdbc_matches_postgres(jdbc_classpath, realpg, twin):
    real = _jdbc(jdbc_classpath, realpg.host, realpg.port)
    mine = _jdbc(jdbc_classpath, twin.host, twin.port)
    _compare("jdbc", real, mine)


def test_node_postgres_matches_postgres(node_dir, realpg, twin):
    real = _node(node_dir, realpg.host, realpg.port)
    mine = _node(node_dir, twin.host, twin.port)
    _compare("node", real, mine)
