-- Every constraint kind of SPEC §5 with PostgreSQL's default names, for the
-- write corpora: NOT NULL, CHECK (single, multi-column, NULL-passing),
-- UNIQUE (single, composite, NULLS NOT DISTINCT), composite PK, FKs with
-- every ON DELETE/ON UPDATE action, a self-reference, a 3-level cascade
-- chain, a cascade blocked one level down, and 2-table cycles closed by
-- ALTER TABLE.

CREATE TABLE nn (
    id  integer PRIMARY KEY,
    a   text NOT NULL,
    b   integer NOT NULL DEFAULT 0,
    c   text
);

CREATE TABLE checks (
    id    integer PRIMARY KEY,
    qty   integer CHECK (qty > 0),
    lo    integer,
    hi    integer,
    pct   numeric(5, 2) CONSTRAINT pct_range CHECK (pct BETWEEN 0 AND 100),
    code  text,
    CHECK (lo <= hi),
    CONSTRAINT code_len CHECK (length(code) = 3)
);

CREATE TABLE uniq (
    id     integer PRIMARY KEY,
    email  text UNIQUE,
    a      integer,
    b      integer,
    UNIQUE (a, b)
);

CREATE TABLE nnd (
    id  integer PRIMARY KEY,
    x   integer,
    y   integer,
    CONSTRAINT nnd_xy UNIQUE NULLS NOT DISTINCT (x, y)
);

CREATE TABLE pk2 (
    a  integer,
    b  text,
    v  text,
    PRIMARY KEY (a, b)
);

CREATE UNIQUE INDEX pk2_v_idx ON pk2 (v);

CREATE TABLE parent (
    id    integer PRIMARY KEY,
    code  text UNIQUE,
    note  text
);

CREATE TABLE child_noaction (
    id   integer PRIMARY KEY,
    pid  integer REFERENCES parent
);

CREATE TABLE child_restrict (
    id   integer PRIMARY KEY,
    pid  integer REFERENCES parent ON DELETE RESTRICT ON UPDATE RESTRICT
);

CREATE TABLE child_cascade (
    id   integer PRIMARY KEY,
    pid  integer REFERENCES parent ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE child_setnull (
    id   integer PRIMARY KEY,
    pid  integer REFERENCES parent ON DELETE SET NULL ON UPDATE SET NULL
);

-- SET DEFAULT needs a parent row 0: cases insert it first.
CREATE TABLE child_setdefault (
    id   integer PRIMARY KEY,
    pid  integer DEFAULT 0 REFERENCES parent ON DELETE SET DEFAULT ON UPDATE SET DEFAULT
);

CREATE TABLE child_code (
    id     integer PRIMARY KEY,
    pcode  text REFERENCES parent (code) ON UPDATE CASCADE ON DELETE CASCADE
);

CREATE TABLE child_guarded (
    id   integer PRIMARY KEY,
    pid  integer NOT NULL CHECK (pid < 100)
         REFERENCES parent ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE TABLE line (
    a  integer,
    b  text,
    n  integer,
    PRIMARY KEY (a, b, n),
    FOREIGN KEY (a, b) REFERENCES pk2 ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE emp (
    id    integer PRIMARY KEY,
    boss  integer REFERENCES emp ON DELETE SET NULL
);

CREATE TABLE node (
    id         integer PRIMARY KEY,
    parent_id  integer REFERENCES node ON DELETE CASCADE
);

CREATE TABLE l1 (
    id  integer PRIMARY KEY
);

CREATE TABLE l2 (
    id     integer PRIMARY KEY,
    l1_id  integer NOT NULL REFERENCES l1 ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE l3 (
    id     integer PRIMARY KEY,
    l2_id  integer NOT NULL REFERENCES l2 ON DELETE CASCADE
);

CREATE TABLE m1 (
    id  integer PRIMARY KEY
);

CREATE TABLE m2 (
    id     integer PRIMARY KEY,
    m1_id  integer REFERENCES m1 ON DELETE CASCADE
);

CREATE TABLE m3 (
    id     integer PRIMARY KEY,
    m2_id  integer REFERENCES m2
);

CREATE TABLE ca (
    id    integer PRIMARY KEY,
    b_id  integer
);

CREATE TABLE cb (
    id    integer PRIMARY KEY,
    a_id  integer REFERENCES ca ON DELETE CASCADE
);

ALTER TABLE ca ADD CONSTRAINT ca_b_fk
    FOREIGN KEY (b_id) REFERENCES cb ON DELETE SET NULL;

CREATE TABLE cx (
    id    integer PRIMARY KEY,
    y_id  integer
);

CREATE TABLE cy (
    id    integer PRIMARY KEY,
    x_id  integer REFERENCES cx ON DELETE CASCADE
);

ALTER TABLE cx ADD CONSTRAINT cx_y_fk
    FOREIGN KEY (y_id) REFERENCES cy ON DELETE CASCADE;
