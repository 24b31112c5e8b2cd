-- schema: tests/differential/schemas/reads.sql
-- Known parity gaps: cases PostgreSQL answers differently from the twin
-- today. tests/differential/test_gaps.py requires each to still differ, so a
-- fixed gap fails until it moves back to tests/differential/corpus/.
-- SELECT ... FROM one table: projection (*, expressions, aliases, duplicate
-- and quoted names, table-qualified columns), WHERE with three-valued logic,
-- IS [NOT] NULL, IS [NOT] DISTINCT FROM, IN / NOT IN with NULLs, BETWEEN
-- [SYMMETRIC], LIKE/ILIKE with escapes, CASE, casts, and the errors of name
-- resolution and typing. Rows without a top-level ORDER BY compare as a
-- multiset (see harness.py); every case seeds the tables it reads.

-- case: scan_like_escapes
INSERT INTO products VALUES ('P-100', 'Widget', 'tools', 9.99, 0.5, 4.5, 120, '{metal,small}', '2023-01-01 08:00'), ('P-200', 'Gadget', 'tools', 24.50, 1.25, 3.75, 0, '{plastic}', '2023-06-15 12:30:45'), ('P-300', 'Doohickey', 'toys', 4, 0.1, NULL, 35, '{}', '2024-02-29 23:59:59.5'), ('P-400', 'Thingamajig', NULL, NULL, NULL, NULL, 5, NULL, NULL), ('P-500', 'widget deluxe', 'tools', 99.95, 2.5, 4.5, 7, '{metal,large}', '2023-01-01 08:00'), ('P_600', '100% Cotton', 'apparel', 15, 0.2, 2, NULL, '{soft,NULL}', '2024-03-10 00:00')
SELECT sku FROM products WHERE sku LIKE 'P\_%'
SELECT sku FROM products WHERE sku LIKE 'P_%'
SELECT sku FROM products WHERE sku LIKE 'P#_%' ESCAPE '#'
SELECT sku FROM products WHERE name LIKE '100\%%'
SELECT sku FROM products WHERE name LIKE '100!%%' ESCAPE '!'
SELECT sku FROM products WHERE name LIKE '%\%%'
SELECT sku FROM products WHERE name LIKE '%' ESCAPE ''
SELECT sku FROM products WHERE name LIKE 'x\' ESCAPE '\'
SELECT sku FROM products WHERE name LIKE 'a' ESCAPE 'ab'


