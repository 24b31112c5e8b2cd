-- schema: examples/deals/schema.sql
-- The types and functions of catalog introspection, on constants: oid and
-- the reg* types (names resolved through the catalog and the search
-- path), name, "char", int2vector/oidvector, format_type, the regex and
-- bitwise operators, the *_is_visible/has_*_privilege families,
-- pg_get_serial_sequence, to_reg*, json_build_object, quote_*, array
-- helpers. No raw OID of a user object is printed: PostgreSQL numbers
-- them from a cluster-wide counter, the twin from 16384 per schema.

-- case: oid_input_output
select 1::oid, '-1'::oid, ' 12 '::oid, '+5'::oid, 4294967295::oid
select ''::oid
select '4294967296'::oid
select '-2147483649'::oid
select '12x'::oid
select '0x10'::oid
select (-1)::int8::oid
select 4294967296::int8::oid
select (-1)::int4::oid, 4294967295::oid::int4, 4294967295::oid::int8
select 1::oid = 1, 2::oid > 1::oid, 3::oid <> 3::oid, 1::oid < 4294967295::oid
select pg_typeof(1::oid), pg_typeof('a'::name), pg_typeof('x'::"char"), pg_typeof('pg_class'::regclass)
select oid(12::int8), int8(4294967295::oid)

-- case: name_and_char
select 'abc'::name, 'abc'::name = 'abc', 'a'::name < 'b'::text, 'b'::text > 'a'::name
select repeat('ab', 40)::name, length(repeat('é', 40)::name), octet_length(repeat('é', 40)::name)
select 'x'::"char", 'é'::"char", ''::"char", 'ab'::"char", '\101'::"char", '\303'::"char"::text
select 65::"char", (-1)::"char", 'é'::"char"::int, 'A'::"char"::int
select 300::"char"
select 'a'::"char" < 'b'::"char", 'a'::"char" = 'a', 'r'::"char" in ('r', 'p')
select text('abc'::name), name('abc'), 'x'::"char"::text, 'abc'::varchar::name

-- case: vectors
select '1 2  3'::int2vector, ''::int2vector, '26 23'::oidvector, '1 2'::int2vector::text
select '1,2'::int2vector
select '1 99999'::int2vector
select array_upper('1 2 3'::int2vector, 1), array_lower('1 2 3'::int2vector, 1), cardinality('7 8'::int2vector)

-- case: regclass
select 'pg_class'::regclass, 'pg_catalog.pg_class'::regclass, 'PG_CLASS'::regclass, '  pg_class  '::regclass
select 'deals'::regclass, 'public.deals'::regclass, 'crm.contacts'::regclass, '"tenants"'::regclass
select 'pg_class'::regclass::oid, 'pg_attribute'::regclass::oid, 'information_schema.tables'::regclass
select 'deals_deal_id_seq'::regclass, 'deals_pkey'::regclass, 'crm.contacts_pkey'::regclass
select '-'::regclass, '0'::regclass, '12345'::regclass, 1259::regclass, 0::regclass, 1259::oid::regclass
select 'nope'::regclass
select 'crm.nope'::regclass
select 'nope.deals'::regclass
select '"Deals"'::regclass
select 'a.b.c'::regclass
select 'x.y.z.w'::regclass
select 'deals x'::regclass
select 'pg_class'::regclass = 1259, 1259 = 'pg_class'::regclass, 'pg_class'::regclass::text
select 'crm.contacts'::regclass::text, 'deals'::regclass::text || '!'

-- case: regclass_search_path
set search_path = crm, public
select 'contacts'::regclass, 'deals'::regclass, 'crm.contacts'::regclass::text
select current_schemas(true), current_schemas(false), current_schema()
set search_path = crm
select 'deals'::regclass
select 'public.deals'::regclass, 'contacts'::regclass
select current_schemas(false), current_schema()
set search_path = nosuch
select current_schemas(true), current_schemas(false), current_schema()
select 'pg_class'::regclass, 'public.deals'::regclass
reset search_path
select current_schemas(true), current_schema()

-- case: regtype_regproc_regnamespace
select 'int4'::regtype, 'integer'::regtype, 'int'::regtype, 'character varying(10)'::regtype, 'integer[]'::regtype, '_int4'::regtype
select 'timestamp with time zone'::regtype, 'double precision'::regtype, '"char"'::regtype, 'name'::regtype, 'char'::regtype, 'character'::regtype
select 'deals'::regtype, 'crm.contacts'::regtype, 'pg_catalog.int8'::regtype, 'regclass'::regtype
select 23::regtype, 1043::regtype, 1042::regtype, 1015::regtype, 2205::oid::regtype, 0::regtype
select 'nope'::regtype
select 'int4in'::regproc, 'pg_catalog.int4out'::regproc, 'array_in'::regproc::oid
select 'abs'::regproc
select 'nope'::regproc
select 'crm'::regnamespace, 'pg_catalog'::regnamespace::oid, 'public'::regnamespace::oid, 'information_schema'::regnamespace
select 'nope'::regnamespace

-- case: format_type
select format_type(23, -1), format_type(23, null), format_type(1043, 14), format_type(1043, -1), format_type(1043, null)
select format_type(1042, null), format_type(1042, -1), format_type(1042, 6), format_type(1014, null), format_type(1014, 9)
select format_type(1700, 786438), format_type(1700, -1), format_type(1114, 3), format_type(1184, null), format_type(1083, 0)
select format_type(1186, -1), format_type(1186, 2147418115), format_type(1015, 14), format_type(1009, -1), format_type(1007, null)
select format_type(18, -1), format_type(19, -1), format_type(26, -1), format_type(2205, -1), format_type(22, null), format_type(30, null)
select format_type(null, 1), format_type(99999, -1), format_type(0, -1), format_type(2277, -1), format_type(705, -1), format_type(16, 5)
select format_type('deals'::regtype, null), format_type('crm.contacts'::regtype, null), format_type('_deals'::regtype, null)
select format_type(1259, null), format_type(83, null)

-- case: regex_operators
select 'abc' ~ '^a', 'abc' !~ 'b$', 'ABC' ~* 'b', 'ABC' !~* 'd', 'pg_toast' ~ '^pg_', 'deals'::name ~ '^(deals)$'
select 'a.c' ~ 'a\.c', 'abc' ~ 'a.c', 'a1' ~ '^[a-z][0-9]$', 'x' ~ '^(a|b|x)$', 'aaa' ~ '^a{2,3}$', 'ab' ~ 'a[^x]'
select 'line1' ~ 'e1$', 'a' ~ '', '' ~ '^$', 'abc'::bpchar ~ 'c'
select 'abc' ~ '('
select 5 & 3, 5 | 3, 5 # 3, ~5, 1 << 4, 256 >> 4, 3::int2 & 1::int2, 6::int8 | 1, (-8) >> 1, 1 << 33

-- case: visibility_and_privileges
select pg_table_is_visible('deals'::regclass), pg_table_is_visible('crm.contacts'::regclass), pg_table_is_visible('pg_class'::regclass), pg_table_is_visible(1)
select pg_type_is_visible(23), pg_type_is_visible('deals'::regtype), pg_type_is_visible('crm.contacts'::regtype), pg_type_is_visible(1)
select has_table_privilege('deals', 'select'), has_table_privilege('deals', 'SELECT, INSERT'), has_table_privilege('crm.contacts', 'update with grant option')
select has_table_privilege('deals'::regclass, 'delete'), has_table_privilege(current_user, 'deals', 'select'), has_table_privilege(1, 'select')
select has_table_privilege('deals', 'bogus')
select has_table_privilege('nope', 'select')
select has_table_privilege('nobody', 'deals', 'select')
select has_schema_privilege('crm', 'usage'), has_schema_privilege('public', 'create'), has_schema_privilege('crm'::regnamespace, 'usage')
select has_schema_privilege('nope', 'usage')
select has_database_privilege(current_database(), 'connect'), has_database_privilege('template1', 'temp')
select has_column_privilege('deals', 'amount', 'select'), has_column_privilege('deals', 1::int2, 'update')
select has_column_privilege('deals', 'nope', 'select')

-- case: serial_sequences_and_descriptions
select pg_get_serial_sequence('deals', 'deal_id'), pg_get_serial_sequence('crm.contacts', 'contact_id'), pg_get_serial_sequence('tenants', 'tenant_id')
select pg_get_serial_sequence('public.deals', 'deal_id'), pg_get_serial_sequence('"deals"', 'deal_id')
select pg_get_serial_sequence('deals', 'nope')
select pg_get_serial_sequence('deals', 'DEAL_ID')
select pg_get_serial_sequence('nope', 'x')
select obj_description('deals'::regclass, 'pg_class'), obj_description('tenants'::regclass, 'pg_class'), obj_description('deals'::regclass)
select col_description('deals'::regclass, 5), col_description('deals'::regclass, 1), col_description('deals'::regclass, 99)
select pg_get_userbyid(10), pg_get_userbyid(6171), pg_get_userbyid(12345)

-- case: to_reg_functions
select to_regclass('pg_class'), to_regclass('nope'), to_regclass('crm.contacts'), to_regclass('nope.x')
select to_regtype('hstore'), to_regtype('int4'), to_regtype('character varying'), to_regtype('deals')
select to_regnamespace('crm'), to_regnamespace('nope'), to_regproc('int4in'), to_regproc('abs'), to_regproc('nope')
select to_regclass('a b')

-- case: misc_functions
select pg_encoding_to_char(6), pg_encoding_to_char(0), pg_encoding_to_char(999), pg_char_to_encoding('UTF8'), pg_char_to_encoding('utf-8'), pg_char_to_encoding('nope')
select quote_ident('Foo'), quote_ident('foo'), quote_ident('select'), quote_ident('a b'), quote_ident('a"b'), quote_ident('user_1'), quote_ident('name')
select quote_literal('a''b'), quote_literal(42), quote_literal(E'a\\b'), quote_literal(null::text), quote_literal(1.5)
select array_to_string(array[1,2,null,3], ','), array_to_string(array[1,2,null,3], ',', '*'), array_to_string(array['a','b'], ', '), array_to_string(array[true,false], '')
select array_upper(array[1,2], 1), array_upper(array[1,2], 2), array_lower(array[5], 1), array_length('{}'::int[], 1), cardinality(array['a']), cardinality('{}'::text[])
select string_to_array('a,b,,c', ','), string_to_array('a,b,c', ',', 'b'), string_to_array('', ','), string_to_array('abc', null), string_to_array('a b', '')
select json_build_object('a', 1, 'b', 'x', 'c', null, 'd', true, 'e', 2.5), json_build_object(), json_build_object('k', 'q"u')
select jsonb_build_object('b', 1, 'a', 'x', 'b', 2), jsonb_build_object()
select json_build_object('a')
select json_build_object(null, 1)
select pg_typeof(1), pg_typeof('a'::text), pg_typeof(1.5), pg_typeof(null::int[]), pg_typeof(now()), pg_typeof(array['a'::varchar])
select pg_my_temp_schema(), pg_is_other_temp_schema(99), pg_tablespace_location(1663), pg_get_statisticsobjdef_columns(1)
select pg_get_constraintdef(1), pg_get_indexdef(1), pg_get_viewdef(1), pg_get_triggerdef(1)

-- case: arrays_and_quantifiers
select 1::oid = any('{1,2}'::oid[]), 3::oid = any(array[1::oid, 2::oid]), 1259 = any(array['pg_class'::regclass, 'pg_type'::regclass])
select 'd' = any('{d,f}'::"char"[]), 'r'::"char" = any(array['r', 'p']), 'x'::"char" = all('{}'::"char"[])
select '{a,b}'::name[], array['x'::name, 'y'], '{1,NULL,3}'::oid[], '{r,S}'::"char"[]
select 'a'::name || 'b', 'a'::name || 1, ('x'::name)::text, 'pg_class'::regclass::oid::int8
select 'pg_class'::regclass in ('pg_class', 'pg_type'), 'deals'::regclass::text in ('deals', 'x')
select coalesce(null::regclass, 'pg_class'), greatest(1::oid, 7::oid, 3::oid), least('b'::name, 'a'::name)
select case when 1 = 1 then 'pg_class'::regclass end, nullif('pg_class'::regclass, 1259)
