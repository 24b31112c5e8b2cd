"""The write statements' parse stage: what it keeps and what it refuses.

These pin the shape of `twinning.ir.dml` (the contract of the next stages);
PostgreSQL's behaviour for the same statements is judged by the
differential corpora once the write path executes them.
"""

from __future__ import annotations

import pglast
import pytest

from twinning.ir import dml as d
from twinning.ir import syntax as s
from twinning.ir.dump import dump
from twinning.passes.parse_dml import convert_write
from twinning.passes.parse_expr import Unsupported


def convert(sql: str):
    return convert_write(pglast.parse_sql(sql)[0].stmt)


def test_insert_values_default_on_conflict_returning():
    stmt = convert("INSERT INTO crm.t AS z (a, b) VALUES (1, DEFAULT), ($1, 'x') "
                   "ON CONFLICT (a) DO UPDATE SET b = excluded.b WHERE z.b < 5 "
                   "RETURNING *, a + 1 AS x")
    assert stmt.table == d.TableRef(("crm", "t"), "z")
    assert stmt.columns == ("a", "b")
    assert isinstance(stmt.source, d.Values)
    assert isinstance(stmt.source.rows[0][1], s.SetToDefault)
    assert stmt.source.rows[1][0] == s.Param(1)
    assert stmt.on_conflict.action == "update"
    assert stmt.on_conflict.columns == ("a",)
    assert stmt.on_conflict.assignments[0].column == "b"
    assert [r.alias for r in stmt.returning] == [None, "x"]
    assert dump(stmt)["node"] == "Insert"


def test_insert_forms():
    assert isinstance(convert("INSERT INTO t DEFAULT VALUES").source, d.DefaultValues)
    stmt = convert("INSERT INTO t VALUES (1) ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING")
    assert stmt.columns is None
    assert (stmt.on_conflict.action, stmt.on_conflict.constraint) == ("nothing", "t_pkey")
    assert convert("INSERT INTO t OVERRIDING SYSTEM VALUE VALUES (1)").overriding == "system"


def test_update_and_delete():
    upd = convert("UPDATE t SET a = a + 1, b = DEFAULT WHERE id = 3 RETURNING a")
    assert [a.column for a in upd.assignments] == ["a", "b"]
    assert isinstance(upd.assignments[1].expr, s.SetToDefault)
    dele = convert("DELETE FROM t AS x WHERE x.a = 1 RETURNING *")
    assert dele.table.alias == "x" and dele.returning[0].expr.star


def test_copy_options():
    stmt = convert("COPY t (a, b) FROM STDIN WITH (FORMAT csv, HEADER true, "
                   "NULL '', DELIMITER ';', FORCE_NOT_NULL (a))")
    assert stmt.direction == "from" and stmt.columns == ("a", "b")
    assert stmt.options == d.CopyOptions("csv", ";", "", True,
                                         force_not_null=("a",))
    assert convert("COPY t FROM STDIN WITH CSV HEADER").options.header
    assert convert("COPY t TO STDOUT").direction == "to"


def test_multiple_column_assignment():
    stmt = convert("UPDATE t SET (a, b) = ROW(1, DEFAULT), c = 3")
    assert [a.column for a in stmt.assignments] == ["a", "b", "c"]
    assert isinstance(stmt.assignments[1].expr, s.SetToDefault)
    bad = convert("UPDATE t SET (a, b) = (1, 2, 3)").assignments[0].expr
    assert isinstance(bad, d.BadSource) and bad.sqlstate == "42601"
    assert convert("UPDATE t SET (a, b) = 5").assignments[0].expr.sqlstate == "0A000"


def test_copy_option_errors_wait_for_the_table():
    """ProcessCopyOptions() runs after the table is opened: the first
    option error is kept for the resolve stage to raise."""
    for sql, sqlstate in [("COPY t FROM STDIN WITH (ENCODING 'latin1')", "0A000"),
                          ("COPY t FROM STDIN WITH (FORMAT xml, nope)", "22023"),
                          ("COPY t FROM STDIN WITH (nope, FORMAT xml)", "42601"),
                          ("COPY t FROM STDIN WITH (FREEZE 'yes')", "42601")]:
        assert convert(sql).error.sqlstate == sqlstate, sql
    assert convert("COPY t FROM STDIN (HEADER match)").options.header_match
    assert convert("COPY t FROM STDIN (FREEZE)").options.freeze
    binary = convert("COPY t FROM STDIN (ENCODING 'latin1', FORMAT binary)")
    assert binary.error is None and binary.options.format == "binary"


def test_truncate():
    stmt = convert("TRUNCATE a, s.b RESTART IDENTITY CASCADE")
    assert [t.names for t in stmt.tables] == [("a",), ("s", "b")]
    assert stmt.restart_identity and stmt.cascade


# statements the write path refuses, and the construct each refusal names
_REFUSALS = [
    ("WITH x AS (SELECT 1) INSERT INTO t VALUES (1)",
     "WITH on a write statement (the read path)"),
    ("INSERT INTO t SELECT * FROM u", "INSERT … SELECT (the read path)"),
    ("UPDATE t SET (a, b) = (SELECT 1, 2)",
     "multiple-column assignment from a sub-SELECT"),
    ("UPDATE t SET a = 1 FROM u", "UPDATE … FROM (the read path)"),
    ("DELETE FROM t USING u", "DELETE … USING (the read path)"),
    ("COPY t FROM '/etc/passwd'", "COPY to or from a server file (use STDIN/STDOUT)"),
    ("COPY (SELECT 1) TO STDOUT", "COPY (query)"),
]


@pytest.mark.parametrize("sql,construct", _REFUSALS)
def test_refusals_name_the_construct(sql, construct):
    with pytest.raises(Unsupported) as refused:
        convert(sql)
    assert refused.value.construct == construct
