-- Queries a downstream report runs over the deals example, for
-- `twinning proof twin-pair` (README: "Proving two twins answer alike").
-- None reads a column the extractors fill from the clock or at random.
select tenant_id, name, region, is_active from tenants order by tenant_id;
select count(*) as tenants from tenants;
select count(*) as deals from deals;
select tenant_id, sum(amount) as total, count(*) as n
  from deals group by tenant_id order by tenant_id;
select deal_id, tenant_id, property_id, amount, rate, stage
  from deals order by deal_id;
select stage, count(*) from deals group by stage;
select tenant_id, email from crm.contacts order by tenant_id;
select tenant_id, property_id, address, sq_ft, built_on from properties;
select c.email, m.email as manager
  from crm.contacts c join crm.contacts m on m.contact_id = c.manager_id
 where c.tenant_id <> m.tenant_id;
select kind, count(*) from crm.activities group by kind order by kind;
select max(score) as best, min(score) as worst from crm.contacts;
select region, count(*) from tenants group by region order by 2 desc, 1;
select amount / 0 from deals;
select 1 as constant;
