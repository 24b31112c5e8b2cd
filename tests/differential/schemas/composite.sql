-- Composite types declared in a schema file, and tables using them.
CREATE TYPE address AS (
    street text,
    city varchar(40),
    zip char(5)
);
CREATE TYPE money_amount AS (amount numeric(12,2), currency char(3));

CREATE TABLE customer (
    id integer PRIMARY KEY,
    name text NOT NULL,
    home address,
    balance money_amount,
    previous address[]
);
