-- Benchmark tables (bench/run.py). `wide` holds the 110,000 loaded rows the
-- read workloads query; the write workloads each get a table of the same
-- shape (LIKE wide, its defaults and CHECK, a key of its own), emptied with
-- TRUNCATE before every round.
CREATE TABLE wide (
    id       bigint PRIMARY KEY,
    tenant   integer NOT NULL,
    name     text NOT NULL,
    email    text,
    amount   numeric(12, 2) NOT NULL CHECK (amount >= 0),
    status   text NOT NULL DEFAULT 'new',
    created  date,
    updated  timestamptz,
    flag     boolean NOT NULL DEFAULT false,
    score    double precision,
    note     text
);
CREATE INDEX wide_tenant_idx ON wide (tenant);

CREATE TABLE ins_rows (LIKE wide INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
    PRIMARY KEY (id));

CREATE TABLE bulk_rows (LIKE wide INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
    PRIMARY KEY (id));

CREATE TABLE upsert_rows (
    id       bigint PRIMARY KEY,
    tenant   integer NOT NULL,
    amount   numeric(12, 2) NOT NULL,
    status   text NOT NULL,
    hits     integer NOT NULL DEFAULT 1,
    updated  timestamptz
);
