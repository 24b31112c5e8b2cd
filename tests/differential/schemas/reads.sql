-- The read corpora's schema (tests/differential/corpus/reads_*.sql): a small
-- shop (customers → orders → order_items ← products, shipments over the
-- composite key of order_items), a self-referencing staff table, two keyless
-- bags sharing column names (NATURAL/USING joins, set operations with
-- duplicates) and one row-per-type table covering every type of SPEC §7.
-- Nullable columns everywhere a read can trip over NULL. Tables start
-- empty: each case seeds what it reads.

CREATE TABLE customers (
    id      integer PRIMARY KEY,
    name    text NOT NULL,
    email   varchar(40) UNIQUE,
    city    text,
    tier    char(1),
    active  boolean,
    signup  date,
    credit  numeric(10, 2)
);

CREATE TABLE products (
    sku       varchar(12) PRIMARY KEY,
    name      text NOT NULL,
    category  text,
    price     numeric(8, 2),
    weight    real,
    rating    double precision,
    stock     smallint,
    tags      text[],
    added     timestamp
);

CREATE TABLE orders (
    id           integer PRIMARY KEY,
    customer_id  integer REFERENCES customers (id),
    placed_at    timestamptz,
    ship_date    date,
    status       text NOT NULL,
    note         text
);

CREATE TABLE order_items (
    order_id    integer REFERENCES orders (id) ON DELETE CASCADE,
    line        smallint,
    sku         varchar(12) REFERENCES products (sku),
    qty         integer NOT NULL,
    unit_price  numeric(8, 2),
    discount    real,
    PRIMARY KEY (order_id, line)
);

CREATE TABLE shipments (
    id        serial PRIMARY KEY,
    order_id  integer NOT NULL,
    line      smallint NOT NULL,
    carrier   text,
    weight    numeric(6, 1),
    FOREIGN KEY (order_id, line) REFERENCES order_items (order_id, line)
);

CREATE TABLE staff (
    id          integer PRIMARY KEY,
    name        text NOT NULL,
    manager_id  integer REFERENCES staff (id),
    dept        text,
    salary      numeric(9, 2),
    hired       date
);

CREATE TABLE ta (
    k  integer,
    x  integer,
    v  text
);

CREATE TABLE tb (
    k  integer,
    x  integer,
    w  text
);

CREATE TABLE samples (
    id    integer PRIMARY KEY,
    i2    smallint,
    i4    integer,
    i8    bigint,
    num   numeric,
    n52   numeric(5, 2),
    f4    real,
    f8    double precision,
    t     text,
    vc    varchar(10),
    ch    char(4),
    b     boolean,
    d     date,
    ts    timestamp,
    tstz  timestamptz,
    tm    time,
    iv    interval,
    u     uuid,
    j     json,
    jb    jsonb,
    raw   bytea,
    ia    integer[],
    ta    text[]
);
