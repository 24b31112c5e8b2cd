-- A small CRM the example extractor loads: tenants own properties and deals;
-- contacts and their activities live in the crm schema;
-- deals reference a property; every supported type appears somewhere.
CREATE SCHEMA crm;

CREATE TABLE tenants (
    tenant_id    integer PRIMARY KEY,
    name         varchar(80) NOT NULL UNIQUE,
    region       char(2),
    is_active    boolean NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    primary_deal bigint
);

CREATE TABLE properties (
    tenant_id    integer NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    property_id  integer NOT NULL,
    address      text NOT NULL,
    sq_ft        real CHECK (sq_ft > 0),
    built_on     date,
    PRIMARY KEY (tenant_id, property_id)
);

CREATE TABLE deals (
    deal_id      bigserial PRIMARY KEY,
    external_ref uuid NOT NULL DEFAULT gen_random_uuid(),
    tenant_id    integer NOT NULL,
    property_id  integer,
    amount       numeric(12, 2) NOT NULL CHECK (amount >= 0),
    rate         double precision,
    stage        text NOT NULL DEFAULT 'lead'
                 CHECK (stage IN ('lead', 'qualified', 'won', 'lost')),
    closes_at    timestamp,
    meeting_at   time,
    term         interval,
    attributes   jsonb,
    raw_payload  json,
    contract     bytea,
    tags         text[],
    FOREIGN KEY (tenant_id, property_id)
        REFERENCES properties (tenant_id, property_id) ON DELETE SET NULL,
    CONSTRAINT deals_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants
);

ALTER TABLE tenants
    ADD CONSTRAINT tenants_primary_deal_fkey
    FOREIGN KEY (primary_deal) REFERENCES deals (deal_id) ON DELETE SET NULL;

CREATE TABLE crm.contacts (
    contact_id   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    integer NOT NULL REFERENCES tenants,
    email        varchar(120) NOT NULL,
    manager_id   integer REFERENCES crm.contacts (contact_id),
    score        smallint DEFAULT 0 CHECK (score BETWEEN 0 AND 100),
    UNIQUE (tenant_id, email)
);

CREATE TABLE crm.activities (
    contact_id   integer NOT NULL REFERENCES crm.contacts ON DELETE CASCADE,
    happened_at  timestamptz NOT NULL,
    kind         varchar(20) NOT NULL CHECK (kind <> ''),
    deal_id      bigint REFERENCES deals ON DELETE SET NULL,
    notes        text,
    PRIMARY KEY (contact_id, happened_at)
);

CREATE INDEX ON deals (stage);
CREATE UNIQUE INDEX deals_external_ref_idx ON deals (external_ref);
CREATE SEQUENCE invoice_numbers START 1000;

COMMENT ON TABLE deals IS 'One row per deal an extractor loads';
COMMENT ON COLUMN deals.amount IS 'Deal value in the tenant currency';
