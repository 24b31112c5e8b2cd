"""Runtime DDL as client libraries send it, twin against PostgreSQL 15.

SQLAlchemy's `metadata.create_all()` / `drop_all()` (CREATE TABLE with
SERIAL keys, foreign keys and indexes, reflection in between), pandas
`to_sql` into a new table (and `if_exists="replace"`), an Alembic upgrade
and downgrade over two revisions, and the staging pattern's plain DDL run
unchanged on a fresh PostgreSQL database and on a fresh twin; what the code
observes must be equal.
"""

from __future__ import annotations

import contextlib
import io
import textwrap
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.differential.harness import both_servers

pytestmark = pytest.mark.realpg

@contextlib.contextmanager
def _both(realpg):
    """(PostgreSQL engine, twin engine), both on empty databases."""
    with both_servers(realpg, "", "ddl_clients") as (pg, twin):
        engines = [sa.create_engine("postgresql+psycopg2://", creator=connect,
                                    poolclass=sa.pool.NullPool)
                   for connect in (pg, twin)]
        try:
            yield engines
        finally:
            for engine in engines:
                engine.dispose()


def _create_all_scenario(engine: sa.Engine) -> dict:
    md = sa.MetaData()
    users = sa.Table(
        "users", md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(50), nullable=False, unique=True),
        sa.Column("score", sa.Numeric(8, 2), server_default=sa.text("0")))
    orders = sa.Table(
        "orders", md,
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("user_id", sa.ForeignKey("users.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("note", sa.Text),
        sa.Index("ix_orders_user_id", "user_id"))
    seen: dict = {}
    md.create_all(engine)
    with engine.begin() as conn:
        ids = conn.execute(users.insert().returning(users.c.id),
                           [{"name": "ann"}, {"name": "bob"}]).scalars().all()
        conn.execute(orders.insert(), [{"user_id": ids[0], "note": "x"},
                                       {"user_id": ids[1], "note": None},
                                       {"user_id": ids[1], "note": "y"}])
        seen["rows"] = conn.execute(
            sa.select(users.c.name, users.c.score, sa.func.count(orders.c.id))
            .join(orders).group_by(users.c.name, users.c.score)
            .order_by(users.c.name)).all()
    with engine.begin() as conn:
        conn.execute(users.delete().where(users.c.name == "bob"))
        seen["orders_left"] = conn.execute(
            sa.select(sa.func.count()).select_from(orders)).scalar()
    insp = sa.inspect(engine)
    seen["tables"] = sorted(insp.get_table_names())
    seen["has"] = (insp.has_table("users"), insp.has_table("nope"))
    md.create_all(engine)  # checkfirst: nothing to do
    md.drop_all(engine)
    seen["after_drop"] = sorted(sa.inspect(engine).get_table_names())
    return seen


def _staging_scenario(engine: sa.Engine) -> dict:
    """Load through a stage table created, filled and dropped in one
    transaction, then upsert into the target."""
    seen: dict = {}
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE target (id int PRIMARY KEY, v text)")
        conn.exec_driver_sql("INSERT INTO target VALUES (1, 'old'), (2, 'keep')")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE stage (id int, v text)")
        conn.exec_driver_sql("INSERT INTO stage VALUES (1, 'new'), (3, 'add')")
        conn.exec_driver_sql(
            "INSERT INTO target SELECT id, v FROM stage ON CONFLICT (id) "
            "DO UPDATE SET v = EXCLUDED.v")
        conn.exec_driver_sql("DROP TABLE stage")
    with engine.begin() as conn:
        seen["target"] = conn.exec_driver_sql(
            "SELECT * FROM target ORDER BY id").all()
        seen["stage_gone"] = conn.exec_driver_sql(
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_name = 'stage'").scalar()
    return seen


def _temp_staging_scenario(engine: sa.Engine) -> dict:
    """The ETL staging load as written against PostgreSQL: a temporary
    stage shaped like the target (LIKE … INCLUDING DEFAULTS), dropped at
    commit, filled by COPY, merged with an upsert; the stage never
    outlives the transaction, nor a second session's view."""
    seen: dict = {}
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE target (id int PRIMARY KEY, "
                             "v text NOT NULL DEFAULT 'none', n int)")
        conn.exec_driver_sql("INSERT INTO target VALUES (1, 'old', 1), (2, 'keep', 2)")
    raw = engine.raw_connection()
    raw.driver_connection.autocommit = False  # psycopg2's own default
    try:
        cur = raw.cursor()
        cur.execute("CREATE TEMP TABLE stage (LIKE target INCLUDING DEFAULTS) "
                    "ON COMMIT DROP")
        cur.copy_expert("COPY stage (id, n) FROM STDIN",
                        io.StringIO("1\t10\n3\t30\n"))
        cur.execute("INSERT INTO stage VALUES (4, 'four', 40)")
        cur.execute("SELECT * FROM stage ORDER BY id")
        seen["stage"] = cur.fetchall()
        cur.execute("SELECT table_type FROM information_schema.tables "
                    "WHERE table_name = 'stage'")
        seen["stage_type"] = cur.fetchall()
        cur.execute("INSERT INTO target SELECT * FROM stage ON CONFLICT (id) "
                    "DO UPDATE SET v = EXCLUDED.v, n = EXCLUDED.n")
        seen["merged"] = cur.statusmessage
        raw.commit()
        cur.execute("SELECT count(*) FROM pg_class WHERE relname = 'stage'")
        seen["stage_after_commit"] = cur.fetchall()
        cur.execute("CREATE TEMP TABLE kept (id int)")
        cur.execute("INSERT INTO kept VALUES (7)")
        raw.commit()
        with engine.connect() as other:
            try:
                other.exec_driver_sql("SELECT count(*) FROM kept")
            except sa.exc.ProgrammingError as exc:
                seen["other_sees"] = exc.orig.pgcode  # 42P01: not its table
    except Exception as exc:  # the same failure on both sides is equal
        seen["error"] = (getattr(exc, "pgcode", None), str(exc).splitlines()[0])
    finally:
        raw.close()
    with engine.begin() as conn:
        seen["target"] = conn.exec_driver_sql(
            "SELECT * FROM target ORDER BY id").all()
        seen["temp_left"] = conn.exec_driver_sql(
            "SELECT count(*) FROM pg_class WHERE relname IN ('stage', 'kept')"
        ).scalar()
    return seen


def _pandas_scenario(engine: sa.Engine) -> dict:
    import pandas as pd
    frame = pd.DataFrame({"id": [1, 2, 3], "name": ["a", "b", None],
                          "score": [1.5, 2.25, None],
                          "day": pd.to_datetime(["2024-01-01", "2024-02-29",
                                                 "2024-12-31"]),
                          "ok": [True, False, True]})
    seen: dict = {}
    seen["written"] = frame.to_sql("frame", engine, index=False)
    seen["appended"] = frame.to_sql("frame", engine, index=False,
                                    if_exists="append")
    with engine.connect() as conn:
        seen["count"] = conn.exec_driver_sql("SELECT count(*) FROM frame").scalar()
    frame.iloc[:1].to_sql("frame", engine, if_exists="replace")  # with index
    back = pd.read_sql("SELECT * FROM frame", engine)
    seen["back"] = back.astype(object).where(back.notna(), None).to_dict("list")
    seen["dtypes"] = [str(t) for t in back.dtypes]
    with pytest.raises(ValueError) as exc:
        frame.to_sql("frame", engine)  # if_exists="fail"
    seen["fails"] = str(exc.value)
    return seen


_REVISIONS = {
    "0001_account.py": """
        import sqlalchemy as sa
        from alembic import op

        revision, down_revision = "0001", None

        def upgrade():
            op.create_table(
                "account", sa.Column("id", sa.Integer, primary_key=True),
                sa.Column("email", sa.String(100), nullable=False))
            op.create_index("ix_account_email", "account", ["email"],
                            unique=True)

        def downgrade():
            op.drop_index("ix_account_email", table_name="account")
            op.drop_table("account")
    """,
    "0002_login.py": """
        import sqlalchemy as sa
        from alembic import op

        revision, down_revision = "0002", "0001"

        def upgrade():
            op.create_table(
                "login", sa.Column("id", sa.BigInteger, primary_key=True),
                sa.Column("account_id", sa.Integer,
                          sa.ForeignKey("account.id"), nullable=False),
                sa.Column("at", sa.DateTime(timezone=True)))

        def downgrade():
            op.drop_table("login")
    """,
}
_ENV = """
    from alembic import context

    context.configure(connection=context.config.attributes["connection"])
    with context.begin_transaction():
        context.run_migrations()
"""


def _alembic_scenario(engine: sa.Engine, root: Path) -> dict:
    from alembic import command
    from alembic.config import Config
    (root / "versions").mkdir(parents=True, exist_ok=True)
    (root / "env.py").write_text(textwrap.dedent(_ENV))
    for name, text in _REVISIONS.items():
        (root / "versions" / name).write_text(textwrap.dedent(text))
    config = Config()
    config.set_main_option("script_location", str(root))
    seen: dict = {}

    def step(name: str, action) -> None:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            action()
        insp = sa.inspect(engine)
        with engine.connect() as conn:
            version = conn.exec_driver_sql(
                "SELECT version_num FROM alembic_version").scalars().all()
        seen[name] = (sorted(insp.get_table_names()), version)

    step("head", lambda: command.upgrade(config, "head"))
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO account (email) VALUES ('a@x')")
        conn.exec_driver_sql("INSERT INTO login (account_id) VALUES (1)")
    step("down_one", lambda: command.downgrade(config, "-1"))
    step("base", lambda: command.downgrade(config, "base"))
    step("head_again", lambda: command.upgrade(config, "head"))
    return seen


@pytest.mark.parametrize("scenario", [_create_all_scenario, _staging_scenario,
                                      _temp_staging_scenario,
                                      _pandas_scenario],
                         ids=["create_all", "staging", "temp_staging",
                              "pandas_to_sql"])
def test_same_as_postgres(realpg, scenario):
    with _both(realpg) as (pg, twin):
        assert scenario(twin) == scenario(pg)


def test_alembic_upgrade_and_downgrade(realpg, tmp_path):
    with _both(realpg) as (pg, twin):
        assert _alembic_scenario(twin, tmp_path / "twin") == \
            _alembic_scenario(pg, tmp_path / "pg")
