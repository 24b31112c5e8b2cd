-- COPY (query) TO STDOUT (issue 13): a query's rows in COPY's text and
-- CSV formats (HEADER, FORCE_QUOTE, NULL, DELIMITER), the query analysed
-- before the options are checked.

-- case: copy_query_to_stdout
CREATE TABLE src (id int PRIMARY KEY, name text, amount numeric(8,2), at timestamptz, tags text[], ok boolean)
INSERT INTO src VALUES (1, 'a', 1.5, '2024-01-02 03:04:05+00', '{x,y}', true), (2, 'b "q", c', NULL, NULL, NULL, false), (3, E'tab\there', -2, '2024-06-01 00:00+00', '{}', NULL)
COPY (SELECT * FROM src ORDER BY id) TO STDOUT
COPY (SELECT id, name FROM src WHERE id > 1 ORDER BY id) TO STDOUT (FORMAT csv, HEADER)
COPY (SELECT id, name, amount FROM src ORDER BY id) TO STDOUT WITH (FORMAT csv, FORCE_QUOTE *)
COPY (SELECT id, name FROM src ORDER BY id) TO STDOUT WITH (FORMAT csv, FORCE_QUOTE (name), NULL 'NIL')
COPY (SELECT id, amount FROM src ORDER BY id) TO STDOUT WITH (DELIMITER '|', NULL '-')
COPY (SELECT 1 AS one, 'x' AS two, now() - now() AS i) TO STDOUT
COPY (SELECT count(*), sum(amount) FROM src) TO STDOUT
COPY (SELECT nosuch FROM src) TO STDOUT
COPY (SELECT id FROM src) TO STDOUT (FORMAT bogus)
COPY (SELECT id FROM src WHERE false) TO STDOUT
COPY (VALUES (1, 'v'), (2, NULL)) TO STDOUT
COPY (SELECT id FROM src) TO STDOUT (FREEZE)
