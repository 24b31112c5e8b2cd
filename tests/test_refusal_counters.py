"""The report counts the writes the twin refused, by kind, over a real run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from twinning import schemas

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "examples" / "deals" / "schema.sql"

CLIENT = """
import io
import psycopg2
conn = psycopg2.connect()
conn.autocommit = True
cur = conn.cursor()
statements = [
    "INSERT INTO tenants (tenant_id, name) VALUES (1, 'acme')",
    "INSERT INTO tenants (tenant_id, name) VALUES (1, 'dup')",       # unique
    "INSERT INTO tenants (tenant_id) VALUES (2)",                   # not null
    "INSERT INTO properties VALUES (9, 1, 'x', 10, NULL)",          # fk
    "INSERT INTO properties VALUES (1, 1, 'x', -1, NULL)",          # check
    "INSERT INTO tenants (tenant_id, name) VALUES ('N/A', 'x')",    # data
    "SELECT 1/0",                                                   # not a write
]
for sql in statements:
    try:
        cur.execute(sql)
    except psycopg2.Error:
        pass
try:
    cur.copy_expert("COPY tenants (tenant_id, name) FROM STDIN",
                    io.StringIO("3\\tok\\n1\\tdup again\\n"))   # unique, in COPY
except psycopg2.Error:
    pass
"""


def test_report_counts_refused_writes_by_kind(tmp_path):
    client = tmp_path / "client.py"
    client.write_text(CLIENT)
    proc = subprocess.run(
        [sys.executable, "-m", "twinning.cli", "postgres", "--schema",
         str(SCHEMA), "--port", "0", "--json", "--run",
         f"{sys.executable} {client}"], capture_output=True, text=True,
        timeout=120)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    schemas.validator("twinning.v0").validate(report)
    assert report["constraints"] == {
        "not_null_violations": 1, "unique_violations": 2, "fk_violations": 1,
        "check_violations": 1, "data_errors": 1}
    assert report["tables"]["public.tenants"]["rows"] == 1
