-- schema: examples/deals/schema.sql
-- The write path's first cases: INSERT/UPDATE/DELETE/TRUNCATE with
-- RETURNING, constraint errors from the store, transactions around them.

-- case: insert_returning_and_defaults
insert into tenants (tenant_id, name) values (1, 'acme'), (2, 'globex') returning tenant_id, name, is_active, region
insert into tenants (tenant_id, name, region) values (3, 'x', 'n') returning region, length(region::text), region = 'n'
insert into tenants values (4, 'four', 'eu', false) returning tenant_id, is_active, primary_deal

-- case: insert_errors
insert into tenants (tenant_id, name) values (1, 'a')
insert into tenants (tenant_id, name) values (1, 'b')
insert into tenants (tenant_id, created_at) values (2, '2024-01-01 10:00+02')
insert into tenants (tenant_id, name) values ('x', 'c')
insert into tenants (tenant_id, name) values (3, repeat('z', 81))
insert into tenants (tenant_id, nope) values (3, 'd')
insert into tenants (tenant_id, name, tenant_id) values (3, 'd', 4)
insert into tenants (tenant_id, name) values (3)
insert into tenants (tenant_id) values (3, 'd')
insert into tenants values (5, 'e', 'eu', true, now(), 1, 2)
insert into tenants (tenant_id, name) values (true, 'e')
insert into tenants (tenant_id, name) values (tenant_id, 'e')
insert into nope values (1)

-- case: check_and_fk_errors
insert into tenants (tenant_id, name) values (1, 'acme')
insert into properties values (1, 10, 'main st', 1200.5, '2024-02-29') returning sq_ft, built_on
insert into properties values (1, 11, 'side st', -5, null)
insert into properties values (9, 12, 'nowhere', 10, null)
insert into properties values (1, 13, 'bad date', 10, '2024-02-30')
insert into crm.contacts (tenant_id, email) values (1, 'a@x') returning contact_id, score
insert into crm.contacts (tenant_id, email, score) values (1, 'b@x', 101)
insert into crm.contacts (contact_id, tenant_id, email) values (99, 1, 'c@x')
insert into crm.contacts (tenant_id, email) values (1, 'a@x')

-- case: update_delete_cascade
insert into tenants (tenant_id, name) values (1, 'acme'), (2, 'globex')
insert into properties values (1, 10, 'a', 1, null), (1, 11, 'b', 2, null), (2, 20, 'c', 3, null)
update properties set sq_ft = sq_ft * 2 where tenant_id = 1 returning property_id, sq_ft
update tenants set name = upper(name) returning name
update tenants set tenant_id = 5 where tenant_id = 2
delete from tenants where tenant_id = 1 returning tenant_id, name
delete from properties where tenant_id = 1 returning property_id
delete from properties returning property_id
update tenants set name = null, created_at = '2024-01-01'

-- case: transactions_and_savepoints
begin
insert into tenants (tenant_id, name) values (1, 'acme') returning name
savepoint a
insert into tenants (tenant_id, name) values (1, 'dup')
rollback to a
insert into tenants (tenant_id, name) values (2, 'globex') returning name
commit
insert into tenants (tenant_id, name) values (1, 'again')
insert into tenants (tenant_id, name) values (2, 'again')
begin
insert into tenants (tenant_id, name) values (3, 'three')
insert into tenants (tenant_id, name) values (3, 'three')
insert into tenants (tenant_id, name) values (4, 'four')
rollback
insert into tenants (tenant_id, name) values (3, 'three') returning tenant_id

-- case: upsert
insert into tenants (tenant_id, name) values (1, 'acme')
insert into tenants (tenant_id, name) values (1, 'acme2') on conflict (tenant_id) do nothing returning name
insert into tenants (tenant_id, name) values (1, 'acme3') on conflict (tenant_id) do update set name = excluded.name returning name
insert into tenants (tenant_id, name) values (1, 'acme4') on conflict (tenant_id) do update set name = excluded.name where tenants.name = 'nope' returning name
insert into tenants (tenant_id, name) values (2, 'x'), (2, 'y') on conflict (tenant_id) do update set name = excluded.name
insert into tenants (tenant_id, name) values (3, 'z') on conflict (name) do nothing returning tenant_id
insert into tenants (tenant_id, name) values (4, 'w') on conflict (region) do nothing
insert into tenants (tenant_id, name) values (5, 'acme3') on conflict on constraint tenants_name_key do update set region = 'xx' returning tenant_id, region
insert into tenants (tenant_id, name) values (6, 'v') on conflict do update set name = 'q'

-- case: sequences_and_truncate
insert into deals (tenant_id, amount) values (1, 10)
insert into tenants (tenant_id, name) values (1, 'acme')
insert into deals (tenant_id, amount) values (1, 10), (1, 20.555) returning deal_id, amount, stage
insert into deals (tenant_id, amount, stage) values (1, 5, 'won') returning deal_id
truncate deals
insert into deals (tenant_id, amount) values (1, 1) returning deal_id
truncate tenants
truncate tenants, deals, properties, crm.contacts, crm.activities restart identity
insert into tenants (tenant_id, name) values (1, 'acme')
insert into deals (tenant_id, amount) values (1, 1) returning deal_id
