-- schema: examples/deals/schema.sql
-- Statements against the example schema that the twin answers today: names
-- of existing and missing tables, constraint-free session work beside them.

-- case: missing_tables_beside_real_ones
select * from deals_typo
select * from tenants t join nope n on true
insert into nope (a) values (1)
update crm.nope set a = 1
delete from crm.contactz
select 1

-- case: transactions_around_missing_tables
begin
select * from nope
select 1
rollback
select 2
