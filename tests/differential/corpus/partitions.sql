-- Partitioned tables (issue 15 item 4) at run time: PARTITION BY RANGE,
-- LIST and HASH, PARTITION OF with FOR VALUES and DEFAULT, ATTACH and
-- DETACH PARTITION, the bound checks and their errors, tuple routing for
-- INSERT, COPY and UPDATE (rows moving across partitions) with the 23514
-- when no partition takes a row, PostgreSQL's own hash placing each row,
-- reads over the parent (tableoid, ONLY), partitioned indexes and keys,
-- and what pg_class, pg_inherits, pg_partitioned_table and the catalog
-- functions show. Each case starts from an empty database.

-- case: range_routing_and_reads
CREATE TABLE m (id int NOT NULL, at date NOT NULL, note text) PARTITION BY RANGE (at)
CREATE TABLE m_2024_01 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2024-02-01')
CREATE TABLE m_2024_02 PARTITION OF m FOR VALUES FROM ('2024-02-01') TO ('2024-03-01')
INSERT INTO m VALUES (1, '2024-01-05', 'a'), (2, '2024-02-10', 'b'), (3, '2024-01-31', 'c')
INSERT INTO m VALUES (4, '2024-03-01', 'd')
INSERT INTO m VALUES (4, '2023-12-31', NULL)
INSERT INTO m VALUES (5, '2024-02-29', 'e') RETURNING *
SELECT tableoid::regclass, * FROM m
SELECT tableoid::regclass, * FROM m ORDER BY id DESC
SELECT * FROM ONLY m
SELECT * FROM m_2024_01 ORDER BY id
SELECT m.tableoid::regclass AS part, count(*) FROM m GROUP BY 1 ORDER BY 1
SELECT count(*), min(at), max(at) FROM m WHERE note IS NOT NULL
SELECT x.id, y.id FROM m x JOIN m y ON x.at < y.at AND y.tableoid <> x.tableoid ORDER BY 1, 2
SELECT tableoid::regclass FROM m_2024_02

-- case: range_default_and_minvalue
CREATE TABLE r (k int, v text) PARTITION BY RANGE (k)
CREATE TABLE r_low PARTITION OF r FOR VALUES FROM (MINVALUE) TO (0)
CREATE TABLE r_mid PARTITION OF r FOR VALUES FROM (0) TO (100)
CREATE TABLE r_rest PARTITION OF r DEFAULT
INSERT INTO r VALUES (-5, 'neg'), (0, 'zero'), (99, 'edge'), (100, 'big'), (NULL, 'null')
SELECT tableoid::regclass, * FROM r
CREATE TABLE r_high PARTITION OF r FOR VALUES FROM (100) TO (200)
DELETE FROM r WHERE k = 100
CREATE TABLE r_high PARTITION OF r FOR VALUES FROM (100) TO (200)
INSERT INTO r VALUES (150, 'high'), (500, 'rest')
SELECT tableoid::regclass, * FROM r ORDER BY k NULLS FIRST

-- case: range_multicolumn
CREATE TABLE mc (a int, b int, c text) PARTITION BY RANGE (a, b)
CREATE TABLE mc1 PARTITION OF mc FOR VALUES FROM (1, 1) TO (1, MAXVALUE)
CREATE TABLE mc2 PARTITION OF mc FOR VALUES FROM (1, MAXVALUE) TO (3, 5)
CREATE TABLE mc3 PARTITION OF mc FOR VALUES FROM (3, 5) TO (MAXVALUE, MAXVALUE)
INSERT INTO mc VALUES (1, 1, 'x'), (1, 1000, 'y'), (2, -7, 'z'), (3, 4, 'w'), (3, 5, 'v'), (9, 0, 'u')
INSERT INTO mc VALUES (1, 0, 'no')
INSERT INTO mc VALUES (NULL, 1, 'no')
SELECT tableoid::regclass, * FROM mc ORDER BY a, b
CREATE TABLE mc4 PARTITION OF mc FOR VALUES FROM (0, 0) TO (1, 2)
CREATE TABLE mc5 PARTITION OF mc FOR VALUES FROM (MINVALUE, 0) TO (0, 0)
CREATE TABLE mc6 PARTITION OF mc FOR VALUES FROM (0, MINVALUE) TO (0, MAXVALUE)

-- case: range_bound_errors
CREATE TABLE p (a int, b text) PARTITION BY RANGE (a)
CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (1) TO (10)
CREATE TABLE p2 PARTITION OF p FOR VALUES FROM (5) TO (15)
CREATE TABLE p3 PARTITION OF p FOR VALUES FROM (-5) TO (2)
CREATE TABLE p4 PARTITION OF p FOR VALUES FROM (-5) TO (20)
CREATE TABLE p5 PARTITION OF p FOR VALUES FROM (20) TO (10)
CREATE TABLE p6 PARTITION OF p FOR VALUES FROM (20) TO (20)
CREATE TABLE p7 PARTITION OF p FOR VALUES FROM ('x') TO (20)
CREATE TABLE p8 PARTITION OF p FOR VALUES FROM (1, 2) TO (20)
CREATE TABLE p9 PARTITION OF p FOR VALUES FROM (10) TO (20, 30)
CREATE TABLE p10 PARTITION OF p FOR VALUES IN (1)
CREATE TABLE p11 PARTITION OF p FOR VALUES WITH (MODULUS 2, REMAINDER 0)
CREATE TABLE p12 PARTITION OF p FOR VALUES FROM (NULL) TO (30)
CREATE TABLE p13 PARTITION OF p FOR VALUES FROM (MAXVALUE) TO (MAXVALUE)
CREATE TABLE p14 PARTITION OF p FOR VALUES FROM (10) TO (20)
CREATE TABLE p15 PARTITION OF p FOR VALUES FROM (10.5) TO (30)
CREATE TABLE p16 PARTITION OF p FOR VALUES FROM ('25') TO ('30')
CREATE TABLE pd PARTITION OF p DEFAULT
CREATE TABLE pd2 PARTITION OF p DEFAULT
CREATE TABLE nope PARTITION OF missing FOR VALUES IN (1)
CREATE TABLE plain (a int)
CREATE TABLE nope PARTITION OF plain FOR VALUES IN (1)
SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_class c WHERE c.relispartition ORDER BY 1

-- case: key_errors
CREATE TABLE q (a int) PARTITION BY RANGE (zz)
CREATE TABLE q (a int, b int) PARTITION BY LIST (a, b)
CREATE TABLE q (a json) PARTITION BY RANGE (a)
CREATE TABLE q (a int, b int, PRIMARY KEY (a)) PARTITION BY RANGE (b)
CREATE TABLE q (a int, b int, UNIQUE (a)) PARTITION BY LIST (b)
CREATE TABLE q (a int, b int, PRIMARY KEY (a, b)) PARTITION BY RANGE (b)
CREATE UNIQUE INDEX ON q (a)
ALTER TABLE q ADD UNIQUE (a)
ALTER TABLE q ADD UNIQUE (b, a)
CREATE TABLE h (a int, b text) PARTITION BY HASH (a, b)
CREATE TABLE r2 (a int[]) PARTITION BY RANGE (a)
SELECT relname, relkind FROM pg_class WHERE relnamespace = 'public'::regnamespace ORDER BY 1

-- case: list_routing
CREATE TABLE l (id int, region text, PRIMARY KEY (region, id)) PARTITION BY LIST (region)
CREATE TABLE l_eu PARTITION OF l FOR VALUES IN ('de', 'fr', 'it')
CREATE TABLE l_us PARTITION OF l FOR VALUES IN ('us')
INSERT INTO l VALUES (1, 'de'), (2, 'us'), (3, 'fr')
INSERT INTO l VALUES (4, 'jp')
INSERT INTO l VALUES (5, NULL)
INSERT INTO l VALUES (1, 'de')
CREATE TABLE l_dup PARTITION OF l FOR VALUES IN ('jp', 'us')
CREATE TABLE l_null PARTITION OF l FOR VALUES IN (NULL, 'jp', 'jp')
INSERT INTO l VALUES (4, 'jp')
CREATE TABLE l_null2 PARTITION OF l FOR VALUES IN (NULL)
CREATE TABLE l_other PARTITION OF l DEFAULT
INSERT INTO l VALUES (6, 'br'), (7, 'it')
SELECT tableoid::regclass, * FROM l ORDER BY region, id
SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_class c WHERE c.relispartition AND c.relkind = 'r' ORDER BY 1

-- case: hash_placement
CREATE TABLE h (id int, tag text) PARTITION BY HASH (id)
CREATE TABLE h0 PARTITION OF h FOR VALUES WITH (MODULUS 4, REMAINDER 0)
CREATE TABLE h1 PARTITION OF h FOR VALUES WITH (MODULUS 4, REMAINDER 1)
CREATE TABLE h2 PARTITION OF h FOR VALUES WITH (MODULUS 4, REMAINDER 2)
INSERT INTO h SELECT i, 'v' || i FROM generate_series(-10, 30) i
CREATE TABLE h3 PARTITION OF h FOR VALUES WITH (MODULUS 4, REMAINDER 3)
INSERT INTO h SELECT i, 'v' || i FROM generate_series(-10, 30) i
INSERT INTO h VALUES (NULL, 'null'), (2147483647, 'max'), (-2147483648, 'min')
SELECT tableoid::regclass, id FROM h ORDER BY id
SELECT tableoid::regclass, count(*) FROM h GROUP BY 1 ORDER BY 1

-- case: hash_many_types
CREATE TABLE ht (b text, c bigint, d date, e timestamptz, f bool, g uuid, k varchar(5), m char(4), n smallint, o timestamp) PARTITION BY HASH (b, c, d, e, f, g, k, m, n, o)
CREATE TABLE ht0 PARTITION OF ht FOR VALUES WITH (MODULUS 3, REMAINDER 0)
CREATE TABLE ht1 PARTITION OF ht FOR VALUES WITH (MODULUS 3, REMAINDER 1)
CREATE TABLE ht2 PARTITION OF ht FOR VALUES WITH (MODULUS 3, REMAINDER 2)
INSERT INTO ht SELECT 'text number ' || i, i * 1000000007, date '2020-01-01' + i, timestamptz '2020-01-01 00:00:00+00' + i * interval '7 hours', i % 2 = 0, md5(i::text)::uuid, 'k' || i, 'm' || (i % 10), i, timestamp '1999-01-01' + i * interval '1 day 3 minutes' FROM generate_series(1, 40) i
INSERT INTO ht (c) VALUES (-1), (-5000000000), (5000000000), (0)
INSERT INTO ht (b) VALUES (''), ('a'), ('abcdefghijkl'), ('abcdefghijklm'), ('abcdefghijk'), ('ünïcödé')
SELECT tableoid::regclass, b, c, n FROM ht ORDER BY n, b, c

-- case: hash_bound_errors
CREATE TABLE h (a int) PARTITION BY HASH (a)
CREATE TABLE h1 PARTITION OF h FOR VALUES WITH (MODULUS 4, REMAINDER 1)
CREATE TABLE h2 PARTITION OF h FOR VALUES WITH (MODULUS 3, REMAINDER 0)
CREATE TABLE h3 PARTITION OF h FOR VALUES WITH (MODULUS 8, REMAINDER 5)
CREATE TABLE h4 PARTITION OF h FOR VALUES WITH (MODULUS 2, REMAINDER 1)
CREATE TABLE h5 PARTITION OF h FOR VALUES WITH (MODULUS 8, REMAINDER 3)
CREATE TABLE h6 PARTITION OF h FOR VALUES WITH (MODULUS 16, REMAINDER 11)
CREATE TABLE h7 PARTITION OF h FOR VALUES WITH (MODULUS 12, REMAINDER 0)
CREATE TABLE h8 PARTITION OF h FOR VALUES WITH (MODULUS 4, REMAINDER 4)
CREATE TABLE h9 PARTITION OF h FOR VALUES WITH (MODULUS 0, REMAINDER 0)
CREATE TABLE h10 PARTITION OF h DEFAULT
CREATE TABLE h11 PARTITION OF h FOR VALUES IN (1)
INSERT INTO h VALUES (1), (2), (3)
SELECT tableoid::regclass, a FROM h ORDER BY a

-- case: update_moves_rows
CREATE TABLE u (id int, grp int, v text) PARTITION BY LIST (grp)
CREATE TABLE u1 PARTITION OF u FOR VALUES IN (1)
CREATE TABLE u2 PARTITION OF u FOR VALUES IN (2)
INSERT INTO u VALUES (1, 1, 'a'), (2, 1, 'b'), (3, 2, 'c')
UPDATE u SET grp = 2 WHERE id = 1 RETURNING *
UPDATE u SET v = v || '!' WHERE grp = 2
SELECT tableoid::regclass, * FROM u ORDER BY id
UPDATE u SET grp = 3 WHERE id = 2
UPDATE u1 SET grp = 2
UPDATE u SET grp = 3 - grp
SELECT tableoid::regclass, * FROM u ORDER BY id
DELETE FROM u WHERE v LIKE '%!' RETURNING id
DELETE FROM u2
SELECT tableoid::regclass, * FROM u ORDER BY id

-- case: writes_straight_to_partitions
CREATE TABLE p (a int NOT NULL, b text CHECK (b <> 'bad')) PARTITION BY RANGE (a)
CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (1) TO (10)
INSERT INTO p1 VALUES (100, 'x')
INSERT INTO p1 VALUES (100, 'bad')
INSERT INTO p1 VALUES (NULL, 'x')
INSERT INTO p1 VALUES (5, 'ok')
UPDATE p1 SET a = 50
COPY p1 FROM STDIN
7	fine
70	wrong
\.
SELECT tableoid::regclass, * FROM p ORDER BY a
CREATE TABLE l (a int, r text) PARTITION BY LIST (r)
CREATE TABLE lu PARTITION OF l FOR VALUES IN ('us') PARTITION BY RANGE (a)
CREATE TABLE lu1 PARTITION OF lu FOR VALUES FROM (0) TO (10)
INSERT INTO lu VALUES (1, 'eu')
INSERT INTO lu VALUES (1, 'us')
INSERT INTO lu1 VALUES (1, 'eu')
INSERT INTO lu1 VALUES (11, 'us')
INSERT INTO l VALUES (20, 'us')
SELECT tableoid::regclass, * FROM l

-- case: copy_routing
CREATE TABLE c (id int, at timestamptz, amount numeric(5,2)) PARTITION BY RANGE (at)
CREATE TABLE c1 PARTITION OF c FOR VALUES FROM ('2022-01-01 00:00:00+00') TO ('2022-02-01 00:00:00+00')
CREATE TABLE c2 PARTITION OF c FOR VALUES FROM ('2022-02-01 00:00:00+00') TO ('2022-03-01 00:00:00+00')
COPY c FROM STDIN
1	2022-01-15 10:00:00+00	1.50
2	2022-02-15 10:00:00+00	2.50
3	2022-01-31 23:59:59.999999+00	3.50
\.
COPY c FROM STDIN
4	2022-02-02 00:00:00+00	4.00
5	2022-03-01 00:00:00+00	5.00
\.
COPY c (id, at) FROM STDIN WITH (FORMAT csv)
6,2022-02-03 00:00:00+00
\.
SELECT tableoid::regclass, * FROM c ORDER BY id
COPY c TO STDOUT
COPY (SELECT * FROM c ORDER BY id) TO STDOUT

-- case: subpartitions
CREATE TABLE o (id int NOT NULL, region text NOT NULL, PRIMARY KEY (region, id)) PARTITION BY LIST (region)
CREATE TABLE o_us PARTITION OF o FOR VALUES IN ('us') PARTITION BY RANGE (id)
CREATE TABLE o_us_low PARTITION OF o_us FOR VALUES FROM (MINVALUE) TO (1000)
CREATE TABLE o_us_high PARTITION OF o_us DEFAULT
CREATE TABLE o_rest PARTITION OF o DEFAULT
INSERT INTO o VALUES (1, 'us'), (5000, 'us'), (7, 'eu')
INSERT INTO o VALUES (1, 'us')
SELECT tableoid::regclass, * FROM o ORDER BY id
SELECT tableoid::regclass, * FROM o_us ORDER BY id
SELECT c.relname, c.relkind, c.relispartition, pg_get_expr(c.relpartbound, c.oid), pg_get_partkeydef(c.oid) FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace ORDER BY 1
SELECT inhrelid::regclass, inhparent::regclass, inhseqno FROM pg_inherits ORDER BY inhrelid::regclass::text
SELECT relid FROM pg_partition_ancestors('o_us_low')
SELECT relid FROM pg_partition_ancestors('o')
SELECT pg_get_partition_constraintdef('o_us_high'::regclass)
SELECT pg_get_partition_constraintdef('o_rest'::regclass)
SELECT pg_get_partition_constraintdef('o'::regclass)

-- case: attach_and_detach
CREATE TABLE p (a int NOT NULL, b text, CHECK (a > 0)) PARTITION BY LIST (a)
CREATE TABLE c1 (a int, b text)
ALTER TABLE p ATTACH PARTITION c1 FOR VALUES IN (1)
ALTER TABLE c1 ALTER a SET NOT NULL
ALTER TABLE p ATTACH PARTITION c1 FOR VALUES IN (1)
ALTER TABLE c1 ADD CONSTRAINT p_a_check CHECK (a > 0)
INSERT INTO c1 VALUES (1, 'one'), (2, 'two')
ALTER TABLE p ATTACH PARTITION c1 FOR VALUES IN (1)
DELETE FROM c1 WHERE a = 2
ALTER TABLE p ATTACH PARTITION c1 FOR VALUES IN (1)
ALTER TABLE p ATTACH PARTITION c1 FOR VALUES IN (3)
SELECT tableoid::regclass, * FROM p
CREATE TABLE c2 (a int NOT NULL, b text, z int, CONSTRAINT p_a_check CHECK (a > 0))
ALTER TABLE p ATTACH PARTITION c2 FOR VALUES IN (2)
CREATE TABLE c3 (a int NOT NULL, b varchar, CONSTRAINT p_a_check CHECK (a > 0))
ALTER TABLE p ATTACH PARTITION c3 FOR VALUES IN (2)
CREATE TABLE c4 (a int NOT NULL, CONSTRAINT p_a_check CHECK (a > 0))
ALTER TABLE p ATTACH PARTITION c4 FOR VALUES IN (2)
CREATE TABLE plain (a int)
ALTER TABLE plain ATTACH PARTITION c4 FOR VALUES IN (2)
ALTER TABLE p DETACH PARTITION c4
ALTER TABLE plain DETACH PARTITION c1
ALTER TABLE p DETACH PARTITION c1
SELECT * FROM p
SELECT * FROM c1
INSERT INTO c1 VALUES (9, 'free')
SELECT count(*) FROM pg_inherits
CREATE TABLE pd PARTITION OF p DEFAULT
INSERT INTO p VALUES (5, 'five')
CREATE TABLE c5 (a int NOT NULL, b text, CONSTRAINT p_a_check CHECK (a > 0))
ALTER TABLE p ATTACH PARTITION c5 FOR VALUES IN (5)
ALTER TABLE p ATTACH PARTITION c5 FOR VALUES IN (6)
SELECT tableoid::regclass, * FROM p ORDER BY a

-- case: partitioned_indexes
CREATE TABLE t (id int NOT NULL, at date NOT NULL, v text, PRIMARY KEY (at, id)) PARTITION BY RANGE (at)
CREATE TABLE t1 PARTITION OF t FOR VALUES FROM ('2024-01-01') TO ('2024-02-01')
CREATE INDEX ON t (v)
CREATE TABLE t2 (id int NOT NULL, at date NOT NULL, v text)
CREATE INDEX t2_v ON t2 (v)
ALTER TABLE t ATTACH PARTITION t2 FOR VALUES FROM ('2024-02-01') TO ('2024-03-01')
CREATE UNIQUE INDEX t_at_id_v ON t (at, id, v)
CREATE INDEX t_only ON ONLY t (id)
CREATE INDEX t1_only ON t1 (id)
ALTER INDEX t_only ATTACH PARTITION t1_only
ALTER INDEX t_only ATTACH PARTITION t1_only
ALTER INDEX t_only ATTACH PARTITION t2_v
ALTER INDEX t_only ATTACH PARTITION t1_pkey
ALTER INDEX t_only ATTACH PARTITION nosuch
INSERT INTO t VALUES (1, '2024-01-02', 'a'), (1, '2024-02-02', 'a')
INSERT INTO t VALUES (1, '2024-01-02', 'b')
INSERT INTO t VALUES (2, '2024-01-03', 'c') ON CONFLICT DO NOTHING
INSERT INTO t VALUES (2, '2024-01-03', 'd') ON CONFLICT (at, id) DO UPDATE SET v = excluded.v RETURNING *
SELECT tableoid::regclass, * FROM t ORDER BY at, id
SELECT * FROM t WHERE at = '2024-01-03' AND id = 2
UPDATE t SET v = 'e' WHERE at = '2024-01-03' AND id = 2
DELETE FROM t WHERE at = '2024-02-02' AND id = 1
SELECT c.relname, c.relkind, c.relispartition, c.relhassubclass FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace ORDER BY 1
SELECT inhrelid::regclass, inhparent::regclass FROM pg_inherits ORDER BY inhrelid::regclass::text
SELECT conrelid::regclass, conname, contype, conislocal, coninhcount, conparentid <> 0 FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY conrelid::regclass::text, 2
SELECT indexrelid::regclass, indrelid::regclass, indisunique, indisprimary FROM pg_index WHERE indrelid::regclass::text LIKE 't%' ORDER BY indexrelid::regclass::text

-- case: truncate_and_drop
CREATE TABLE p (a int) PARTITION BY RANGE (a)
CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10)
CREATE TABLE p2 PARTITION OF p FOR VALUES FROM (10) TO (20)
INSERT INTO p VALUES (1), (11)
TRUNCATE p1
SELECT * FROM p
INSERT INTO p VALUES (2), (12)
TRUNCATE p
SELECT count(*) FROM p2
INSERT INTO p VALUES (3)
DROP TABLE p1
SELECT * FROM p
INSERT INTO p VALUES (4)
DROP TABLE p
SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace ORDER BY 1
SELECT count(*) FROM pg_inherits

-- case: partition_catalog
CREATE TABLE k (a int, b text, c date) PARTITION BY RANGE (a)
CREATE TABLE k1 PARTITION OF k FOR VALUES FROM (1) TO (10)
CREATE TABLE k0 PARTITION OF k FOR VALUES FROM (MINVALUE) TO (-5)
CREATE TABLE kd PARTITION OF k DEFAULT
CREATE TABLE s (a int, b text) PARTITION BY LIST (b)
CREATE TABLE s1 PARTITION OF s FOR VALUES IN ('x', 'y', NULL)
CREATE TABLE s2 PARTITION OF s FOR VALUES IN ('it''s')
CREATE TABLE hh (a int, b text) PARTITION BY HASH (a, b)
CREATE TABLE hh0 PARTITION OF hh FOR VALUES WITH (MODULUS 2, REMAINDER 0)
SELECT c.relname, c.relkind, c.relispartition, c.relhassubclass, c.relam, pg_get_expr(c.relpartbound, c.oid), pg_get_partkeydef(c.oid) FROM pg_class c WHERE relnamespace = 'public'::regnamespace ORDER BY 1
SELECT partrelid::regclass, partstrat, partnatts, partattrs, partdefid::regclass, partclass, partcollation, partexprs FROM pg_partitioned_table ORDER BY partrelid::regclass::text
SELECT attrelid::regclass, attname, attislocal, attinhcount FROM pg_attribute WHERE attrelid IN ('k'::regclass, 'k1'::regclass) AND attnum > 0 ORDER BY attrelid::regclass::text, attnum
SELECT pg_get_partition_constraintdef('k1'::regclass), pg_get_partition_constraintdef('k0'::regclass), pg_get_partition_constraintdef('kd'::regclass)
SELECT pg_get_partition_constraintdef('s1'::regclass), pg_get_partition_constraintdef('s2'::regclass), pg_get_partition_constraintdef('k'::regclass)
SELECT pg_get_partkeydef('s1'::regclass)

-- case: transactions_and_savepoints
CREATE TABLE p (a int) PARTITION BY LIST (a)
BEGIN
CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1)
SAVEPOINT s
CREATE TABLE p2 PARTITION OF p FOR VALUES IN (2)
INSERT INTO p VALUES (1)
ROLLBACK TO SAVEPOINT s
INSERT INTO p VALUES (2)
INSERT INTO p VALUES (1)
COMMIT
SELECT tableoid::regclass, * FROM p

-- case: alter_across_the_tree
create table p (a int not null, b text, c int) partition by range (a)
create table p1 partition of p for values from (0) to (10)
create table p2 (a int not null, b text, c int)
alter table p attach partition p2 for values from (10) to (20)
insert into p values (1, 'x', 1), (11, 'y', 2)
alter table p drop column a
alter table p alter column a type bigint
alter table p add constraint c_pos check (c > 0)
insert into p values (2, 'z', -1)
insert into p2 values (12, 'z', -1)
alter table p2 drop constraint c_pos
alter table p drop constraint c_pos
insert into p2 values (12, 'z', -1)
alter table p add column d text check (d <> '') default 'dd'
select tableoid::regclass, * from p order by a
select conrelid::regclass, conname, conislocal, coninhcount from pg_constraint where contype = 'c' and connamespace = 'public'::regnamespace order by conrelid::regclass::text, 2
alter table p rename column c to cc
alter table p1 rename column cc to c
alter table p alter column cc drop not null
alter table p alter column b set not null
alter table p1 alter column b drop not null
alter table p alter column b drop not null
alter table p1 alter column b drop not null
alter table p alter column b type varchar(10)
select attrelid::regclass, attname, atttypid::regtype, attnotnull from pg_attribute where attrelid in ('p'::regclass, 'p1'::regclass, 'p2'::regclass) and attnum > 0 order by attrelid::regclass::text, attnum
alter table p rename to q
insert into q values (3, 'w', 3)
create table p3 partition of q for values from (20) to (30)
select tableoid::regclass, * from q order by a
alter table p1 rename to r1
select c.relname, pg_get_expr(c.relpartbound, c.oid) from pg_class c where c.relispartition order by 1
alter table q add primary key (a)
alter table q drop constraint q_pkey
select relname from pg_class where relkind in ('i', 'I') and relnamespace = 'public'::regnamespace order by 1

-- case: alter_columns_of_partitions
create table p (a int, b text) partition by list (a)
create table p1 partition of p for values in (1)
create table p2 partition of p for values in (2)
insert into p values (1, 'x'), (2, 'y')
alter table p add column c int default 5
select tableoid::regclass, * from p order by a
alter table p1 add column d int
alter table p drop column b
alter table p1 drop column c
alter table p rename column c to cc
alter table p1 rename column cc to c3
alter table p alter column cc type bigint
alter table p1 alter column cc type int
alter table p alter column cc set default 9
alter table p1 alter column cc set default 10
insert into p (a) values (1), (2)
select tableoid::regclass, * from p order by a, cc
alter table p alter column cc set not null
alter table p1 alter column cc drop not null
alter table p alter column cc drop not null
alter table p add constraint cc_pos check (cc > 0)
alter table p1 drop constraint cc_pos
alter table p drop constraint cc_pos
alter table p rename to q
alter table p1 rename to q1
select tableoid::regclass, * from q order by a, cc
select c.relname, pg_get_expr(c.relpartbound, c.oid) from pg_class c where c.relispartition order by 1

-- case: index_validity
create table p (a int, b int) partition by range (a)
create table p1 partition of p for values from (0) to (10)
create table p2 partition of p for values from (10) to (20)
create index pi on only p (b)
create index pe on only p (a)
create index p1i on p1 (b)
alter index pi attach partition p1i
select indexrelid::regclass, indisvalid from pg_index where indrelid::regclass::text like 'p%' and indexrelid >= 16384 order by indexrelid::regclass::text
create index p2i on p2 (b)
alter index pi attach partition p2i
select indexrelid::regclass, indisvalid from pg_index where indrelid::regclass::text like 'p%' and indexrelid >= 16384 order by indexrelid::regclass::text


-- case: partition_of_column_options
create table u (a int, b text) partition by list (a)
create table u1 partition of u (b default 'dflt') for values in (1)
create table u2 partition of u (b with options not null, constraint u2_b check (b <> '')) for values in (2)
create table u3 partition of u (a primary key, b check (b > 'a')) for values in (3)
insert into u (a) values (1)
insert into u values (2, '')
insert into u (a) values (2)
insert into u values (3, 'b'), (3, 'c')
select tableoid::regclass, * from u order by a, b
select conrelid::regclass, conname, contype, pg_get_constraintdef(oid) from pg_constraint where connamespace = 'public'::regnamespace order by conrelid::regclass::text, 2
select attrelid::regclass, attname, attnotnull, atthasdef from pg_attribute where attrelid in ('u1'::regclass, 'u2'::regclass, 'u3'::regclass) and attnum > 0 order by attrelid::regclass::text, attnum
comment on table u1 is 'part'
select obj_description('u1'::regclass)
create table u4 partition of u (z default 1) for values in (4)
create table u5 partition of u (b int) for values in (5)

-- case: drop_with_dependents_and_serials
create table p (id int generated always as identity, a int) partition by list (a)
create table p1 partition of p for values in (1)
insert into p (a) values (1)
select * from p
create table s (id serial, a int) partition by list (a)
create table s1 partition of s for values in (1)
insert into s (a) values (1), (1)
select tableoid::regclass, * from s
insert into s1 (a) values (1)
select tableoid::regclass, * from s order by id
create table t (a int) partition by range (a)
create table t1 partition of t for values from (1) to (2) partition by list (a)
create view tv as select * from t1
drop table t
drop table t cascade
create temp table tt (a int) partition by list (a)
create temp table tt1 partition of tt for values in (1)
insert into tt values (1)
select * from tt

-- case: expression_keys
create table g (a int, b text) partition by list ((1))
create table g (a int, b text) partition by list (sum(a))
create table g (a int, b text) partition by list (random())
create table g (a int, b text) partition by list (generate_series(1, a))
create table g (a int, b text) partition by list ((zz + 1))
create table g (a int, b text) partition by range ((a + 1), lower(b))
select pg_get_partkeydef('g'::regclass)
create table g1 partition of g for values from (1, 'a') to (5, 'z')
insert into g values (7, 'q')
insert into g values (1, 'q')
select tableoid::regclass, * from g
alter table g drop column b
alter table g rename column b to bb
select pg_get_partkeydef('g'::regclass)
insert into g values (2, 'Q')
select tableoid::regclass, * from g order by a
create table k (a int primary key) partition by range ((a + 0))
create table k (a int) partition by range ((a + 0))
alter table k add primary key (a)
create unique index on k (a)
create table h (a int, b text) partition by hash ((a * 2), upper(b))
create table h0 partition of h for values with (modulus 2, remainder 0)
create table h1 partition of h for values with (modulus 2, remainder 1)
insert into h select i, 'x' || i from generate_series(1, 10) i
select tableoid::regclass, a from h order by a
create table m (a int, b text) partition by list (((a)))
select partattrs, partexprs is null from pg_partitioned_table where partrelid = 'm'::regclass
create table f (a int, b text) partition by list (upper(b))
create table f1 partition of f for values in ('X')
insert into f values (1, 'x'), (2, 'y')
insert into f values (1, 'x')
insert into f1 values (3, 'z')
select tableoid::regclass, * from f
select pg_get_partkeydef('f'::regclass), pg_get_partition_constraintdef('f1'::regclass)
select partrelid::regclass, partattrs, partexprs is null from pg_partitioned_table order by partrelid::regclass::text
create table f2 (a int, b text)
insert into f2 values (1, 'y')
alter table f attach partition f2 for values in ('Z')
alter table f attach partition f2 for values in ('Y')
select tableoid::regclass, * from f order by a

-- case: dropping_partitioned_indexes
create table p (a int, b int) partition by range (a)
create table p1 partition of p for values from (0) to (10)
create index pb on p (b)
create table p2 partition of p for values from (10) to (20)
drop index p1_b_idx
drop index pb
select relname from pg_class where relname like 'p%' and relkind in ('i','I') and relnamespace = 'public'::regnamespace
alter table p add primary key (a)
drop index p1_pkey
alter table p1 drop constraint p1_pkey
alter table p drop constraint p_pkey
select relname from pg_class where relname like 'p%' and relkind in ('i','I') and relnamespace = 'public'::regnamespace
insert into p values (1, 1), (1, 1)

-- case: temporary_nesting_and_roots
create temp table tp (a int) partition by list (a)
create table perm partition of tp for values in (1)
create table pp (a int) partition by list (a)
create temp table tmp1 partition of pp for values in (1)
create temp table tmp2 (a int)
alter table pp attach partition tmp2 for values in (2)
create table sub (a int) partition by range (a)
create table sub1 partition of sub for values from (0) to (10)
insert into sub values (5)
alter table pp attach partition sub for values in (5)
alter table pp attach partition sub for values in (7)
insert into pp values (5), (7)
select tableoid::regclass, * from pp
alter table pp attach partition pp for values in (9)
create table pq partition of pp for values in (3) partition by list (a)
insert into pp values (3)
create table pq1 partition of pq for values in (3)
insert into pp values (3)
select tableoid::regclass, * from pp order by a
select pg_partition_root('pq1')
select pg_partition_root('sub'), pg_partition_root('pp'), pg_partition_root('pg_class')

-- case: only_and_misc
create table p (a int, b text) partition by list (a)
create table p1 partition of p for values in (1)
insert into p values (1, 'x')
truncate only p
truncate only p1
insert into p values (1, 'x')
update only p set b = 'y'
delete from only p
select * from p
update only p1 set b = 'z'
delete from only p1
create table l (like p)
select relkind from pg_class where relname = 'l'
create table l2 (like p including all)
select count(*) from p1, p where p1.a = p.a
select a, count(*) over () from p
copy (select * from p) to stdout
copy p from stdin with (format csv)
1,csv
\.
select * from p where b = 'csv'
create unique index on p (a)

-- case: hash_floats
create table hf (f float8, r real) partition by hash (f, r)
create table hf0 partition of hf for values with (modulus 3, remainder 0)
create table hf1 partition of hf for values with (modulus 3, remainder 1)
create table hf2 partition of hf for values with (modulus 3, remainder 2)
insert into hf values (0, 0), ('-0', '-0'), (1.5, 2.5), ('NaN', 'NaN'), ('Infinity', '-Infinity'), (-3.25, 1e-7), (1e300, 3.4e38), (0.1, 0.1)
insert into hf select i / 7.0, i / 3.0 from generate_series(1, 30) i
select tableoid::regclass, f, r from hf where f <> 0 order by f, r
select tableoid::regclass, count(*) from hf where f = 0 group by 1

-- case: concurrent_index_on_partitioned
create table p (a int, b text) partition by list (a)
create index concurrently on p (b)
create table q (a int)
create index concurrently on q (a)

-- case: if_not_exists
create table p (a int) partition by list (a)
create table p1 partition of p for values in (1)
create table if not exists p1 partition of p for values in (1)
create table p1 partition of p for values in (2)
create table x (a int)
create table if not exists x partition of p for values in (3)
create table if not exists y partition of p for values in (3)
select tableoid::regclass, * from p

-- case: alter_table_only
create table e (a int) partition by list (a)
alter table only e add column z int
create table p (a int, b int, constraint ck check (b > 0)) partition by list (a)
create table p1 partition of p for values in (1)
alter table only p add column z int
alter table only p drop column b
alter table only p alter column b set default 5
insert into p (a) values (1)
insert into p1 (a) values (1)
alter table only p alter column b drop default
alter table only p alter column b set not null
alter table only p alter column b drop not null
alter table only p alter column b type bigint
alter table only p rename column b to bb
alter table only p add constraint ck2 check (b > 0)
alter table only p drop constraint ck
alter table only p drop constraint nosuch
select tableoid::regclass, * from p
select attrelid::regclass, attname, atthasdef from pg_attribute where attrelid in ('p'::regclass, 'p1'::regclass, 'e'::regclass) and attnum > 0 order by attrelid::regclass::text, attnum

-- case: range_overlap_positions
create table mc (a int, b int, c int) partition by range (a, b, c)
create table mc1 partition of mc for values from (1, 1, 1) to (5, 5, 5)
create table x1 partition of mc for values from (1, 1, 1) to (2, 2, 2)
create table x2 partition of mc for values from (1, 2, 3) to (2, 2, 2)
create table x3 partition of mc for values from (3, 0, 0) to (9, 9, 9)
create table x4 partition of mc for values from (0, 0, 0) to (1, 1, 2)
create table x5 partition of mc for values from (0, 0, 0) to (2, 0, 0)
create table x6 partition of mc for values from (5, 5, 5) to (6, 0, 0)
create table x7 partition of mc for values from (0, 0, 0) to (1, 1, 1)
create table x8 partition of mc for values from (1, 1, 0) to (1, 1, 1)
create table x9 partition of mc for values from (4, 9, 9) to (5, 5, 6)
create table rr (a int, b text) partition by range (a, b)
create table r1 partition of rr for values from (minvalue, minvalue) to (0, 'm')
create table r2 partition of rr for values from (0, 'm') to (0, maxvalue)
create table r3 partition of rr for values from (5, 'a') to (10, 'a')
create table x1 partition of rr for values from (0, 'a') to (0, 'z')
create table x2 partition of rr for values from (0, maxvalue) to (5, 'b')
create table x3 partition of rr for values from (1, 'a') to (20, 'a')
create table x4 partition of rr for values from (10, 'a') to (maxvalue, maxvalue)
create table x5 partition of rr for values from (minvalue, minvalue) to (minvalue, minvalue)
create table x6 partition of rr for values from (-5, 'a') to (0, 'a')
create table x7 partition of rr for values from (10, 'a') to (10, 'b')
create table x8 partition of rr for values from (9, 'z') to (11, 'a')
select c.relname, pg_get_expr(c.relpartbound, c.oid) from pg_class c where c.relispartition order by 1

-- case: copy_and_multi_row_error_order
create table c (id int primary key, v text not null) partition by range (id)
create table c1 partition of c for values from (0) to (10)
create table c2 partition of c for values from (10) to (20)
copy c from stdin
1	a
11	b
2	c
12	d
\.
copy c from stdin
3	e
13	f
3	dup
30	none
\.
copy c from stdin
4	g
14	h
40	none
4	dup
\.
copy c from stdin
5	g
15	\N
50	none
\.
copy c1 from stdin
6	x
16	y
\.
copy c1 from stdin
7	x
16	\N
\.
copy c1 from stdin
7	x
1	dup
17	y
\.
copy c1 from stdin
8	x
9	y
\.
insert into c values (5, 'a'), (15, 'b'), (16, 'c')
insert into c values (5, 'a'), (15, 'b'), (99, 'c')
insert into c values (97, 'a'), (15, 'b'), (5, null)
select tableoid::regclass, * from c order by id

-- case: attach_partitioned_tables
create table p (a int, b int) partition by range (a)
create table s (a int, b int) partition by range (b)
create table s1 partition of s for values from (0) to (100)
insert into s values (50, 1), (5, 2)
alter table p attach partition s for values from (0) to (10)
delete from s where a = 50
alter table p attach partition s for values from (0) to (10)
create table d (a int, b int) partition by range (b)
create table d1 partition of d for values from (0) to (100)
alter table p attach partition d default
insert into p values (20, 3)
create table p2 partition of p for values from (10) to (30)
create table p3 partition of p for values from (30) to (40)
select tableoid::regclass, * from p order by a

-- case: partitions_with_other_column_orders
create table p (a int not null, b text, c date, primary key (a)) partition by range (a)
create table p1 partition of p for values from (0) to (10)
create table p2 (c date, b text, a int not null)
insert into p2 values ('2024-01-01', 'two', 15)
alter table p attach partition p2 for values from (10) to (20)
insert into p values (1, 'one', '2024-01-02'), (12, 'twelve', '2024-01-03')
select tableoid::regclass, * from p order by a
select * from p2 order by a
update p set b = b || '!' where a > 10 returning *
update p set a = a - 10 where a = 12 returning *
update p set a = a + 10 where a = 1
select tableoid::regclass, * from p order by a
delete from p where b = 'two!' returning *
insert into p values (13, 'x', null) on conflict (a) do update set b = 'conflict' returning *
insert into p values (13, 'y', null) on conflict (a) do update set b = 'again' returning *
copy p from stdin
14	copied	2024-02-02
3	low	\N
\.
select tableoid::regclass, * from p order by a
select * from p where a = 13
select * from p for update
create table p3 (b text, a int not null, c date)
insert into p3 values ('bad', 5, null)
alter table p attach partition p3 for values from (20) to (30)
update p3 set a = 25
alter table p attach partition p3 for values from (20) to (30)
insert into p values (26, 'twenty-six', '2024-03-03')
select tableoid::regclass, * from p order by a
select attrelid::regclass, attname, attnum, attislocal from pg_attribute where attrelid = 'p3'::regclass and attnum > 0 order by attnum

-- case: truncate_restart_identity
create table s (id serial, a int) partition by list (a)
create table s1 partition of s for values in (1)
insert into s (a) values (1), (1)
truncate s restart identity
insert into s (a) values (1) returning id
truncate s1 restart identity
insert into s (a) values (1) returning id
truncate s, s1 restart identity
insert into s (a) values (1) returning id

-- case: drop_schema_and_lists
create schema s
create table s.p (a int) partition by list (a)
create table s.p1 partition of s.p for values in (1)
create index on s.p (a)
create table public.q1 partition of s.p for values in (2)
drop schema s
drop schema s cascade
select relname from pg_class where relname in ('p', 'p1', 'q1')
create schema t
create table t.p (a int) partition by list (a)
create table t.p1 partition of t.p for values in (1)
drop table t.p1, t.p
drop table t.p
create table t.p (a int) partition by list (a)
create table t.p1 partition of t.p for values in (1)
drop table t.p, t.p1
select count(*) from pg_class where relnamespace = 't'::regnamespace

-- case: leaf_foreign_keys_renames_and_detach
create table r (id int primary key)
insert into r values (1), (2)
create table p (a int, rid int, primary key (a)) partition by range (a)
create table p1 partition of p for values from (0) to (10)
create table p2 partition of p for values from (10) to (20)
alter table p1 add constraint p1_rid_fkey foreign key (rid) references r
alter table p2 add foreign key (rid) references r on delete cascade
insert into p values (1, 1), (11, 2)
insert into p values (2, 9)
delete from r where id = 2
select * from p order by a
delete from r where id = 1
truncate r
truncate r cascade
select count(*) from p
alter table p1 rename to p1x
alter table p rename to px
insert into px values (3, null)
select tableoid::regclass, * from px
create unique index on only px (a)
comment on index p1_pkey is 'c'
alter table px drop constraint p_pkey
insert into px values (3, null)
alter table px add primary key (a)
select c.relname, c.relkind from pg_class c where c.relnamespace = 'public'::regnamespace order by 1
alter table p2 detach partition p2
alter table px detach partition p2
alter table px detach partition p2
drop table px
select relname from pg_class where relnamespace = 'public'::regnamespace order by 1


-- case: rollback_to_savepoint_after_writing_a_new_partition
CREATE TABLE p (a int) PARTITION BY LIST (a)
BEGIN
CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1)
SAVEPOINT s
CREATE TABLE p2 PARTITION OF p FOR VALUES IN (2)
INSERT INTO p VALUES (1), (2)
ROLLBACK TO SAVEPOINT s
INSERT INTO p VALUES (1)
COMMIT
SELECT tableoid::regclass, * FROM p
