-- The verify test schema: the relations of the verify tool's published
-- fixtures (loans, property, tenants) as PostgreSQL tables, with a column of
-- each type family the evaluator compares.
CREATE TABLE tenants (
    tenant_id   integer PRIMARY KEY,
    name        varchar(40) NOT NULL,
    region      char(2),
    active      boolean NOT NULL DEFAULT true
);

CREATE TABLE property (
    property_id integer PRIMARY KEY,
    tenant_id   integer REFERENCES tenants,
    address     text,
    sq_ft       real,
    built_on    date
);

CREATE TABLE loans (
    loan_id     text PRIMARY KEY,
    balance     numeric(12, 2),
    rate        double precision,
    opened_at   timestamp,
    status      text,
    external_ref uuid,
    term        interval,
    tags        text[],
    attributes  jsonb
);
