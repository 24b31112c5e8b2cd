-- schema: tests/differential/schemas/reads.sql
-- Parity gaps of corpus/reads_scan.sql: cases PostgreSQL 15 still answers
-- differently from the twin. tests/differential/test_gaps.py runs each as a
-- strict expected failure, so a case that starts to agree fails until it
-- moves back to that corpus.
--
-- scan_like_escapes: a pattern ending in its ESCAPE character.
--   PostgreSQL raises 22025 only if matching reaches that character, so
--   `name LIKE 'x\' ESCAPE '\'` over names without an x is no rows; the
--   twin rejects the pattern before matching.

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


