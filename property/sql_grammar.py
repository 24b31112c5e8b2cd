"""The expression grammar of the random differential test, as data: per
kind, the templates `random_sql.Gen` fills (property/templates.py's syntax).

Slots: `{$}` a sub-expression of the kind itself; `{kind}` one of another
kind; `{kind.0}` a leaf-depth one, `{kind.0*}` one to three of those,
comma-separated; `{@kind}` a column of the kind (an operand for operators
that can raise over literals: see `Gen.anchor`); `{col:int}` an int column;
`{other}` the other table's name; `{leaf}` a leaf of the kind; `{NAME}` one
of NAMED's strings, as written; `{a|b|…}` one of the alternatives (itself a
slot when it names one).

A template that starts with `safe: ` or `unsafe: ` is for that generator
only (`unsafe` ones can raise: select lists only); `other: ` and
`noother: ` need, or need no, other table; one with `{@kind}` needs a
column of the kind and an unsafe generator.
"""

from __future__ import annotations

# strings the templates pick from as written (they hold |, { or })
NAMED: dict[str, list[str]] = {
    # jsonpaths that raise in no lax evaluation
    "PATH": ["$.a", "$.*", "$.a[*] ? (@ > $x)", "$.** ? (@.type() == \"number\")",
             "$[*] ? (@ starts with \"b\")", "$ ? (@ like_regex \"^[a-z]\")",
             "$.a[last]", "$.b ? (exists(@) && @ != null)", "$.size()"],
    "ZONE": ["'UTC'", "'America/New_York'", "'+05'", "'Asia/Kolkata'", "'PST'",
             "'Europe/Berlin'", "'-03:30'", "INTERVAL '2 hours'"],
    # regular expressions within plain classes and quantifiers, no
    # trailing $ (gaps/reads_formatting.sql::regex_*)
    "PATTERN": ["[aeiou]", "[a-z]+", r"\d", "[[:upper:]]", "ü", "b.", "(a)(b)?",
                r"\s+", "[^a-z]"],
    "REPLACEMENT": ["X", "", r"<\&>", r"\1"],
    "SPLIT": [r"\s*", ",", "a", "[ab]"],
    "SIMILAR_SUBSTRING": ['%#"a#"%', '#"_#"%', '%#"[a-z]*#"'],
    "SIMILAR_PATTERN": ["%a%", "a|b", "(a|Ü)%", "_", "[a-c]%", "%(b|c)_*", "ß%", ""],
    "LIKE_PATTERN": ["a%", "%b%", "_", "", "Ü%", "%s", "A_%"],
    "REGEX_PATTERN": ["^a", "b$", "[a-c]", "^.$", "x*y?", "ü", "^[A-Z]", "[[:alpha:]]",
              "\\w", "Ü"],
    "TEXT_PATH": ["{a}", "{a,0}", "{}", "{b}"],
    "TIME_FORMAT": ["HH12:MI:SS AM", 'YYYY-MM-DD"T"HH24:MI:SS', "Mon DD, YYYY",
                    "DDD J Q", "FMMonth FMDD"],
    "FORMAT": ["%s-%s", "%I.%L", "%1$s %1$L", "[%5s|%-5s]"],
}

# every kind (random_sql.KINDS; all of them orderable)
KIND_NAMES = ("bool", "date", "float", "int", "interval", "intarr", "jsonb", "num",
              "text", "textarr", "ts", "tstz", "uuid")
EVERY_KIND = "{" + "|".join(KIND_NAMES) + "}"


def _each(kinds, *templates: str) -> list[str]:
    """TEMPLATES once per kind, K standing for it."""
    return [t.replace("K", k) for k in kinds for t in templates]


RULES: dict[str, list[str]] = {
    "int": [
        "safe: ({$} % 100 {+|-|*} {1|2|(-3)|0})",
        "unsafe: ({$} {+|-|*|/|%} {1|2|(-3)|0|$})",
        "length({text})", "({@date} - {date})", "position('a' in {text})",
        "cardinality({intarr|textarr})",
        "{array_length|array_lower|array_upper}({intarr}, {1|2})",
        "unsafe: abs({$})", "unsafe: ({num|float})::{int2|int4|int8}",
        "strpos({text}, '{a|b|Ü}')", "ascii({text})", "({$} & 5)",
        "octet_length({text})",
        "unsafe: ('{12| 7 |1e3|x|99999|}')::{int2|int4|int8}", "unsafe: ({$})::int2",
        "other: (SELECT count(*) FROM t2 WHERE t2.k = {col:int})", "noother: 1",
        "{regexp_count|regexp_instr}({text}, '{[a-c]|.|ü|[[:space:]]}')",
        "char_length({text})",
    ],
    "num": [
        "safe: ({$} {+|-|*} {$|2.5|0|(-1)})",
        "unsafe: ({$} {+|-|*|/|%} {$|2.5|0|(-1)})",
        "round({$}, {0|1|3|-1})", "{trunc|abs|ceil|floor|sign}({$})",
        "({int})::numeric", "extract({year|month|day|dow|epoch} from {date})",
        "extract({year|month|day|dow|epoch|hour|second} from {ts|tstz})",
        "unsafe: ({float})::numeric", "unsafe: ({$})::numeric({6,2|4,0|10,5})",
        "scale({$})", "({$} + 0.001)", "unsafe: {sqrt|ln|exp}({$})",
        "unsafe: power({$}, {2|0.5|(-1)|0})",
        "unsafe: ('{1.50| 12 |NaN|-Infinity|1e5|abc}')::numeric{|(4,1)}",
        "({float} {<|=|>=} {$})::int::numeric",
    ],
    "float": [
        "unsafe: ({$} {+|-|*|/} {$|0.5::float8|3})", "({int})::float8",
        "unsafe: ({num|text})::float8", "{abs|floor|ceil|round|trunc|sign}({$})",
        "unsafe: sqrt({$})", "(-{$})",
    ],
    "text": [
        "({$} || {$})",
        "{lower|upper|initcap|reverse|btrim|ltrim|rtrim|md5|quote_literal|quote_ident}({$})",
        "substr({$}, {0|1|2|-1}, {0|1|3})", "{left|right}({$}, {1|-1|2|0})",
        "replace({$}, '{a|Ü| }', '{|xy}')", "{lpad|rpad}({$}, {0|4|6}, '{x|ab|}')",
        "(" + EVERY_KIND + ")::text", "concat({$}, {int|date|bool|num})",
        "concat_ws('-', {$}, {$})",
        "to_char({date|ts|tstz}, '{YYYY-MM-DD|DD Mon YYYY HH24:MI|Day|YYYY BC|IW/IYYY}')",
        "split_part({$}, '{ |a}', {1|2})", "repeat({$}, {0|2})",
        "({jsonb} ->> '{a|b}')", "format('%s|%s', {$}, {int|num})", "({textarr})[1]",
        "translate({$}, 'aÜ', 'xy')", "overlay({$} placing 'Q' from {1|2})",
        "({text|int|num|float})::{varchar(2)|char(2)|char(4)|varchar}::text",
        "to_char({num|int|float}, '{999D99|FM9999.00|S0000|9.99EEEE|RN}')",
        "array_to_string({textarr}, ',', '*')", "({int|num|float|interval})::text",
        # the regex family, SIMILAR substrings and jsonb's text results
        "regexp_replace({$}, '{PATTERN}', '{REPLACEMENT}'{|, 'g'|, 'gi'|, 'i'})",
        "(regexp_match({$}, '{PATTERN}'{|, 'i'}))[1]",
        "array_to_string(regexp_split_to_array({$}, '{SPLIT}'), '|', '*')",
        "substring({$} from '{PATTERN}')",
        "substring({$} similar '{SIMILAR_SUBSTRING}' escape '#')",
        "jsonb_typeof({jsonb})", "({jsonb} #>> '{TEXT_PATH}')", "jsonb_pretty({jsonb})",
        "to_char({ts|tstz|interval}, '{TIME_FORMAT}')",
        "format('{FORMAT}', {$}, {text|int|date|bool})",
    ],
    "bool": _each(KIND_NAMES, "({K} {=|<>|<|<=|>|>=} {K})") + [
        "({$} {AND|OR} {$})", "(NOT {$})",
    ] + _each(KIND_NAMES, "({K} IS {|NOT }NULL)", "({K} IS {|NOT }DISTINCT FROM {K})") + [
        "({text} {SIMILAR TO|NOT SIMILAR TO} '{SIMILAR_PATTERN}')",
        "({text} {LIKE|ILIKE|NOT LIKE} '{LIKE_PATTERN}')", "({text} {~|~*|!~|!~*} '{REGEX_PATTERN}')",
    ] + _each(("int", "text", "num", "date"), "({K} {IN|NOT IN} ({K.0*}))")
    + _each(("int", "num", "date", "text"), "({K} BETWEEN {K.0} AND {K.0})") + [
        "other: (EXISTS (SELECT 1 FROM {other} WHERE {other}.k = {col:int}))",
        "other: ({col:int} {IN|NOT IN} (SELECT k FROM {other}))",
        "({jsonb} @> '{{\"a\": 1}}')", "({jsonb} ? 'a')", "({intarr} @> '{{7}}')",
        "(1 = ANY({intarr}))", "starts_with({text}, 'a')", "({jsonb} @? '{PATH}')",
        "({jsonb} @@ '$.a > 0')", "jsonb_path_exists({jsonb}, '{PATH}', '{{\"x\": 1}}')",
    ],
    # a folded make_date error after a datetime literal in COALESCE/CASE is
    # the folding gap again: make_date's arguments are always valid
    "date": [
        "({@date} {+|-} {1|30|(-400)})", "unsafe: ({ts|tstz})::date",
        "make_date({2024|(-44)|1}, {2|12}, {28|1})", "{leaf}",
    ],
    "ts": [
        "({@ts} {+|-} {interval})", "date_trunc('{day|month|year|hour|week}', {$})",
        "({@date})::timestamp", "({@date} + {interval})",
        "({@tstz} AT TIME ZONE {ZONE})", "timezone({ZONE}, {@tstz})",
        "({tstz})::timestamp",
    ],
    "tstz": [
        "({@tstz} {+|-} {interval})", "date_trunc('{day|month|quarter}', {$})",
        "({ts})::timestamptz", "({@date})::timestamptz",
        "({@ts} AT TIME ZONE {ZONE})", "timezone({ZONE}, {@ts})", "{leaf}",
    ],
    "interval": [
        "({@ts} - {ts})", "({@interval} * {2|(-1)|0.5})", "({@interval} {+|-} {$})",
        "{justify_days|justify_interval|justify_hours}({$})", "age({@ts}, {ts})",
        "make_interval(days => {1|(-2)|0})",
    ],
    "uuid": ["{leaf}"],
    "jsonb": [
        "({$} -> '{a|b}')", "({$} -> {0|1|-1})", "({$} || {$})",
        "jsonb_build_object('k', {int|text|bool|num|date})",
        "jsonb_strip_nulls({$})", "jsonb_set({$}, '{{a}}', '{2|null|[1]}')",
        "({$} - '{a|b}')", "({$} #> '{{a}}')", "jsonb_build_array({int|text|float}, {$})",
        "jsonb_insert('[1, 2]', '{{0}}', {$})",
        "to_jsonb({date|tstz|interval|bool|float})",
        "jsonb_path_query_array({$}, '{PATH}', '{{\"x\": 0}}')",
        "jsonb_path_query_first({$}, '{PATH}', '{{\"x\": 0}}')",
        "to_jsonb({int|text|textarr|num|ts})",
    ],
    "intarr": [
        "ARRAY[{$}, {$}]", "({$})[1:2]", "array_cat({$}, ARRAY[[7, 8]])",
        "unsafe: ({$} || {int.0}::int4)", "safe: array_append({$}, 3)",
        "unsafe: ARRAY[{int.0}::int4, 5]", "safe: ARRAY[1, 5]", "array_remove({$}, 1)",
    ],
    "textarr": [
        "string_to_array({text}, ' ')", "array_append({$}, {text.0})",
        "ARRAY[{text.0}]",
    ],
}
