-- One table per type family of SPEC §7, for the write corpora: what each
-- type's input function accepts and refuses on INSERT/UPDATE/COPY.
CREATE TABLE ints (
    id  integer PRIMARY KEY,
    s   smallint,
    i   integer,
    b   bigint
);

CREATE TABLE nums (
    id   integer PRIMARY KEY,
    n    numeric,
    n52  numeric(5, 2),
    n30  numeric(3),
    n10  numeric(10, 4)
);

CREATE TABLE floats (
    id  integer PRIMARY KEY,
    r   real,
    d   double precision
);

CREATE TABLE strs (
    id  integer PRIMARY KEY,
    t   text,
    v   varchar(5),
    c   char(3),
    vu  varchar,
    c1  char
);

CREATE TABLE bools (
    id  integer PRIMARY KEY,
    b   boolean
);

CREATE TABLE times (
    id    integer PRIMARY KEY,
    d     date,
    ts    timestamp,
    tstz  timestamptz,
    tm    time,
    iv    interval
);

CREATE TABLE uuids (
    id  integer PRIMARY KEY,
    u   uuid
);

CREATE TABLE docs (
    id  integer PRIMARY KEY,
    j   json,
    jb  jsonb
);

CREATE TABLE blobs (
    id  integer PRIMARY KEY,
    b   bytea
);

CREATE TABLE arrs (
    id  integer PRIMARY KEY,
    ia  integer[],
    ta  text[],
    na  numeric(4, 1)[],
    va  varchar(3)[],
    ba  boolean[],
    da  date[]
);

-- No key at all: duplicates allowed, every column nullable.
CREATE TABLE bag (
    a  integer,
    b  text,
    c  numeric(6, 2)
);
