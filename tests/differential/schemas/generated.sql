-- Stored generated columns declared in a schema file.
CREATE TABLE item (
    id integer PRIMARY KEY,
    price numeric(10,2) NOT NULL,
    qty integer NOT NULL DEFAULT 1,
    total numeric(12,2) GENERATED ALWAYS AS (price * qty) STORED,
    label text GENERATED ALWAYS AS (upper('item-' || id::text)) STORED
);
CREATE INDEX item_total ON item (total);

CREATE TABLE person (
    first_name text NOT NULL,
    last_name text NOT NULL,
    full_name text GENERATED ALWAYS AS (first_name || ' ' || last_name) STORED UNIQUE,
    initials text GENERATED ALWAYS AS (left(first_name, 1) || left(last_name, 1)) STORED
);
