-- schema: examples/deals/schema.sql
-- Write flows an extractor runs against the example CRM schema: tenants,
-- properties, deals (bigserial, gen_random_uuid and now() defaults, CHECKs,
-- composite FK with ON DELETE SET NULL), schema-qualified crm tables with
-- an identity ALWAYS key and a self-reference, the tenants <-> deals cycle,
-- and the free-standing invoice_numbers sequence. Clock and random values
-- are only printed as facts; rows in error details carry explicit values.

-- case: deals_happy_path
INSERT INTO tenants (tenant_id, name, region) VALUES (1, 'Acme', 'EU') RETURNING tenant_id, name, region, is_active, created_at = now()
INSERT INTO properties VALUES (1, 1, '1 Main St', 1200.5, '2001-02-03') RETURNING *
INSERT INTO deals (tenant_id, property_id, amount, rate, tags) VALUES (1, 1, 1000, 0.05, '{hot,new}') RETURNING deal_id, tenant_id, property_id, amount, rate, stage, tags, external_ref IS NOT NULL
INSERT INTO deals (tenant_id, amount, stage, closes_at, meeting_at, term, attributes, raw_payload, contract) VALUES (1, 99.999, 'won', '2024-12-31 17:00', '09:30', '3 months', '{"b": 2, "a": 1}', '{"b": 2, "a": 1}', '\xcafe') RETURNING deal_id, amount, stage, closes_at, meeting_at::text, term::text, attributes::text, raw_payload::text, contract
UPDATE tenants SET primary_deal = 2 WHERE tenant_id = 1 RETURNING tenant_id, primary_deal

-- case: deals_check_and_not_null
INSERT INTO tenants (tenant_id, name, created_at) VALUES (1, 'Acme', '2024-01-01 00:00+00')
INSERT INTO deals (deal_id, external_ref, tenant_id, amount) VALUES (10, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 1, -1)
INSERT INTO deals (deal_id, external_ref, tenant_id, amount, stage) VALUES (11, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 1, 1, 'maybe')
INSERT INTO deals (deal_id, external_ref, tenant_id, amount) VALUES (12, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 1, NULL)
INSERT INTO deals (deal_id, external_ref, tenant_id, amount) VALUES (13, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 1, 12345678901.00)
INSERT INTO properties VALUES (1, 1, 'x', 0, NULL)
INSERT INTO properties VALUES (1, 1, 'x', NULL, NULL) RETURNING *
INSERT INTO tenants (tenant_id, name, created_at) VALUES (2, NULL, '2024-01-01 00:00+00')
INSERT INTO tenants (tenant_id, name, region, created_at) VALUES (2, 'Beta', 'USA', '2024-01-01 00:00+00')

-- case: deals_unique_and_fk
INSERT INTO tenants (tenant_id, name) VALUES (1, 'Acme')
INSERT INTO tenants (tenant_id, name) VALUES (2, 'Acme')
INSERT INTO deals (tenant_id, amount) VALUES (3, 1)
INSERT INTO deals (tenant_id, property_id, amount) VALUES (1, 7, 1)
INSERT INTO deals (deal_id, external_ref, tenant_id, amount) VALUES (100, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 1, 1) RETURNING deal_id
INSERT INTO deals (deal_id, external_ref, tenant_id, amount) VALUES (101, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 1, 1)
INSERT INTO deals (tenant_id, amount) VALUES (1, 1) RETURNING deal_id
UPDATE tenants SET primary_deal = 999 WHERE tenant_id = 1

-- case: deals_composite_set_null_hits_not_null
INSERT INTO tenants (tenant_id, name) VALUES (1, 'Acme')
INSERT INTO properties (tenant_id, property_id, address) VALUES (1, 1, 'a')
INSERT INTO deals (deal_id, external_ref, tenant_id, property_id, amount) VALUES (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 1, 1, 10)
DELETE FROM properties WHERE property_id = 1
DELETE FROM deals RETURNING deal_id, tenant_id, property_id
DELETE FROM properties RETURNING tenant_id, property_id

-- case: deals_tenant_delete_cascades_properties
INSERT INTO tenants (tenant_id, name) VALUES (1, 'Acme'), (2, 'Beta')
INSERT INTO properties (tenant_id, property_id, address) VALUES (1, 1, 'a'), (1, 2, 'b'), (2, 1, 'c')
DELETE FROM tenants WHERE tenant_id = 1 RETURNING tenant_id, name
DELETE FROM properties RETURNING tenant_id, property_id

-- case: deals_tenant_delete_blocked_by_deals
INSERT INTO tenants (tenant_id, name) VALUES (1, 'Acme')
INSERT INTO deals (deal_id, tenant_id, amount) VALUES (1, 1, 10)
DELETE FROM tenants
UPDATE tenants SET primary_deal = 1 RETURNING tenant_id, primary_deal
DELETE FROM deals RETURNING deal_id
UPDATE tenants SET name = name RETURNING tenant_id, primary_deal
DELETE FROM tenants RETURNING tenant_id

-- case: deals_crm_contacts_identity
INSERT INTO tenants (tenant_id, name) VALUES (1, 'Acme')
INSERT INTO crm.contacts (tenant_id, email) VALUES (1, 'a@acme.test') RETURNING *
INSERT INTO crm.contacts (tenant_id, email, manager_id, score) VALUES (1, 'b@acme.test', 1, 50) RETURNING *
INSERT INTO crm.contacts (contact_id, tenant_id, email) VALUES (10, 1, 'c@acme.test')
INSERT INTO crm.contacts (contact_id, tenant_id, email) OVERRIDING SYSTEM VALUE VALUES (10, 1, 'c@acme.test') RETURNING contact_id
INSERT INTO crm.contacts (tenant_id, email) VALUES (1, 'a@acme.test')
INSERT INTO crm.contacts (tenant_id, email, score) VALUES (1, 'd@acme.test', 101)
INSERT INTO crm.contacts (tenant_id, email, manager_id) VALUES (1, 'e@acme.test', 99)
INSERT INTO contacts (tenant_id, email) VALUES (1, 'x')
INSERT INTO crm.contacts (tenant_id, email) VALUES (1, 'f@acme.test') RETURNING contact_id

-- case: deals_crm_activities_cascade
INSERT INTO tenants (tenant_id, name) VALUES (1, 'Acme')
INSERT INTO crm.contacts (tenant_id, email) VALUES (1, 'a@acme.test'), (1, 'b@acme.test') RETURNING contact_id
INSERT INTO deals (deal_id, tenant_id, amount) VALUES (5, 1, 1)
INSERT INTO crm.activities VALUES (1, '2024-01-01 10:00+00', 'call', 5, NULL), (1, '2024-01-02 10:00+00', 'mail', NULL, 'x'), (2, '2024-01-01 10:00+00', 'call', 5, NULL)
INSERT INTO crm.activities VALUES (1, '2024-01-01 10:00+00', 'dup', NULL, NULL)
INSERT INTO crm.activities VALUES (1, '2024-01-03 10:00+00', '', NULL, NULL)
DELETE FROM deals RETURNING deal_id
DELETE FROM crm.contacts WHERE contact_id = 1 RETURNING contact_id, email
DELETE FROM crm.activities RETURNING contact_id, happened_at, kind, deal_id

-- case: deals_upsert_by_natural_key
INSERT INTO tenants (tenant_id, name) VALUES (1, 'Acme')
INSERT INTO crm.contacts (tenant_id, email, score) VALUES (1, 'a@acme.test', 10) ON CONFLICT (tenant_id, email) DO UPDATE SET score = EXCLUDED.score RETURNING contact_id, score
INSERT INTO crm.contacts (tenant_id, email, score) VALUES (1, 'a@acme.test', 20) ON CONFLICT (tenant_id, email) DO UPDATE SET score = EXCLUDED.score RETURNING contact_id, score
INSERT INTO crm.contacts (tenant_id, email, score) VALUES (1, 'a@acme.test', 30) ON CONFLICT ON CONSTRAINT contacts_tenant_id_email_key DO UPDATE SET score = crm.contacts.score + EXCLUDED.score RETURNING contact_id, score
INSERT INTO crm.contacts (tenant_id, email, score) VALUES (1, 'b@acme.test', 5) ON CONFLICT (email) DO NOTHING
INSERT INTO tenants (tenant_id, name) VALUES (2, 'Acme') ON CONFLICT (name) DO UPDATE SET region = 'XX' RETURNING tenant_id, name, region

-- case: deals_invoice_sequence
SELECT nextval('invoice_numbers'), nextval('invoice_numbers')
SELECT currval('invoice_numbers')
BEGIN
SELECT nextval('invoice_numbers')
ROLLBACK
SELECT nextval('invoice_numbers')
SELECT setval('invoice_numbers', 999)
SELECT nextval('invoice_numbers')

-- case: deals_bigserial_and_uuid_defaults
INSERT INTO tenants (tenant_id, name) VALUES (1, 'Acme')
INSERT INTO deals (tenant_id, amount) VALUES (1, 1), (1, 2) RETURNING deal_id, amount, external_ref IS NOT NULL, stage
INSERT INTO deals (deal_id, tenant_id, amount) VALUES (3, 1, 3) RETURNING deal_id
INSERT INTO deals (tenant_id, amount) VALUES (1, 4)
INSERT INTO deals (tenant_id, amount) VALUES (1, 5) RETURNING deal_id

-- case: deals_transaction_rollback
INSERT INTO tenants (tenant_id, name) VALUES (1, 'Acme')
BEGIN
INSERT INTO properties (tenant_id, property_id, address) VALUES (1, 1, 'a')
INSERT INTO deals (deal_id, tenant_id, property_id, amount) VALUES (1, 1, 1, 1)
DELETE FROM tenants
ROLLBACK
INSERT INTO properties (tenant_id, property_id, address) VALUES (1, 1, 'again') RETURNING *
INSERT INTO deals (deal_id, tenant_id, property_id, amount) VALUES (1, 1, 1, 1) RETURNING deal_id

-- case: deals_copy
COPY tenants (tenant_id, name, region, is_active, created_at) FROM STDIN WITH (FORMAT csv, HEADER)
tenant_id,name,region,is_active,created_at
1,Acme,EU,true,2024-01-01 00:00:00+00
2,Beta,,false,2024-01-02 12:30:00+02
\.
COPY tenants TO STDOUT WITH (FORMAT csv)
COPY properties FROM STDIN WITH (FORMAT csv)
1,1,1 Main St,100.5,2001-02-03
1,2,2 Main St,-1,
\.
COPY properties FROM STDIN WITH (FORMAT csv)
3,1,nowhere,,
\.
