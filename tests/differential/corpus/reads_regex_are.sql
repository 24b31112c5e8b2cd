-- PostgreSQL's Advanced Regular Expressions where Python's `re` would
-- choose another match: the leftmost match's longest (greedy RE) or
-- shortest (non-greedy RE, its first quantifier deciding) length,
-- alternation taking the longest branch, lookahead and lookbehind
-- constraints (their parentheses capture nothing), context-sensitive
-- ends, and capture groups read off the chosen match. Cases from
-- PostgreSQL's regex.sql regression test and its documentation. Capture
-- groups that two parses of a match would place differently, captures
-- inside repetition stay refusals. A lookbehind of varying length, which
-- Python's re cannot compile, runs on the engine alone.

-- case: are_greediness
SELECT substring('XY1234Z', 'Y*([0-9]{1,3})'), substring('XY1234Z', 'Y*?([0-9]{1,3})')
SELECT regexp_match('abc', 'a*?'), regexp_match('aaa', 'a+?'), regexp_match('aaab', 'a*?b'), regexp_match('xaaay', 'a{2,3}?')
SELECT regexp_match('abcabc', 'b.*?c'), regexp_match('abcabc', 'b.*c'), regexp_match('abcabc', 'b.*?c.*'), regexp_match('aaa', 'a{2}?a*')
SELECT regexp_replace('aaa', 'a*?', 'X'), regexp_replace('aaa', 'a+?', 'X', 'g'), regexp_replace('<a><b>', '<.*?>', '[]', 'g')
SELECT regexp_count('aaaa', 'a+?'), regexp_count('aaaa', 'a{2}?'), regexp_instr('xaaay', 'a+?', 1, 1, 1), regexp_substr('xaaay', 'a+?a')
SELECT regexp_split_to_array('a1b22c', '[0-9]*?'), regexp_split_to_array('a12b', '[0-9]+?')


-- case: are_alternation
SELECT regexp_replace('ab', 'a|ab', 'X'), regexp_replace('abab', 'a|ab', 'X', 'g'), regexp_replace('abcd', 'b|bc|bcd', '-')
SELECT regexp_match('abcd', '(a|ab)(c|bcd)'), regexp_match('abcd', 'a|ab|abc'), regexp_substr('ab', 'a|ab$'), regexp_count('aaa', 'a|aa')
SELECT regexp_match('xyz', '(x)|(y)'), regexp_match('xyz', 'q|(y)z'), regexp_matches('ab ac', '(a)(b|c)', 'g')
SELECT substring('foobar', 'o|oo|oob'), regexp_instr('foobar', 'o|oob', 1, 1, 1), regexp_split_to_array('a--b-c', '-|--')
SELECT 'abc' ~ 'x|b', 'abc' ~ '^(x|a)', regexp_like('abc', 'c$|q')


-- case: are_lookaround
SELECT regexp_matches('ab', 'a(?=b)b*'), regexp_matches('abc', 'a(?=b)b*(?=c)c*'), regexp_matches('ab', 'a(?!b)b*')
SELECT regexp_matches('a', 'a(?!b)b*'), regexp_matches('b', '(?=b)b')
SELECT regexp_matches('a', 'a(?=b)b*')
SELECT regexp_matches('abb', '(?<=a)b*'), regexp_matches('a', 'a(?<=a)b*'), regexp_matches('abc', 'a(?<=a)b*(?<=b)c*'), regexp_matches('ab', 'a(?<=a)b*(?<=b)c*')
SELECT regexp_matches('ab', 'a*(?<!a)b*'), regexp_matches('ab', 'a*(?<!a)'), regexp_matches('b', 'a*(?<!a)b*')
SELECT regexp_matches('foobar', '(?<=f)b+')
SELECT regexp_matches('foobar', '(?<=foo)b+'), regexp_matches('foobar', '(?<=oo)b+')
SELECT 'xz' ~ 'x(?=[xy])', 'xy' ~ 'x(?=[xy])', 'xz' ~ 'x(?![xy])', 'xy' ~ 'x(?![xy])', 'x' ~ 'x(?![xy])'
SELECT 'xyy' ~ '(?<=[xy])yy+', 'zyy' ~ '(?<=[xy])yy+', 'xyy' ~ '(?<![xy])yy+', 'zyy' ~ '(?<![xy])yy+'
SELECT regexp_match('abc', '(?=b)'), regexp_match('abc', '(?=(b))(b)c'), regexp_replace('price: 10 USD', '[0-9]+(?= USD)', 'N'), regexp_split_to_array('aXbXc', '(?=X)')
SELECT 'aa bb cc' ~ '(^(?!aa))+', 'aa x' ~ '(^(?!aa)(?!bb)(?!cc))+', 'bb x' ~ '(^(?!aa)(?!bb)(?!cc))+', 'dd x' ~ '(^(?!aa)(?!bb)(?!cc))+'


-- case: are_context_ends
SELECT regexp_substr('ab', 'a|ab$'), regexp_match('ab', 'a|b$'), regexp_replace('aab', 'a*(ab)?$', 'X'), regexp_match('a b', 'a\M|a b')
SELECT regexp_count('a ab', 'a\y|ab'), regexp_instr('a ab', 'a\M|ab', 1, 2), regexp_substr('xay', 'a\Y|ay')


-- case: are_captures_in_repetition_unread
SELECT regexp_count('xabcx', '(a|b)*c'), regexp_replace('xabcx', '(a|b)*c', '-'), regexp_split_to_array('xabcxbc', '(a|b)*c'), 'xabcx' ~ '(a|b)*c'


-- case: are_captures_read_off_the_match
SELECT regexp_replace('abcd', '(a|ab)(c|bcd)', '[\1|\2]'), regexp_replace('ab', '(x)?(a|ab)', '<\1\2>'), regexp_replace('a-b', '(a|b)-(b|x)', '\2\1', 'g')
SELECT regexp_match('xyz', '(x)?(y)(q)?'), regexp_match('foobar', '(o+?)(b)'), regexp_matches('a1b22', '([a-z])(?=([0-9]))', 'g')
SELECT regexp_instr('xabcy', '(a|ab)(cy|y)', 1, 1, 0, '', 2), regexp_substr('xabcy', '(a|ab)(cy|y)', 1, 1, '', 1), substring('xaby' from '(a|ab)y')


-- case: are_varying_lookbehind
SELECT regexp_match('foobar', '(?<=f|fo)o'), regexp_match('foobar', '(?<=fo|f)o.'), 'foobar' ~ '(?<=fo+)b', 'fbar' ~ '(?<=fo+)b'
SELECT regexp_replace('foobar', '(?<=o|fo)o', 'X', 'g'), regexp_count('aXbXXc', '(?<=a|XX)X'), regexp_split_to_array('a1bb2c', '(?<=b|bb)[0-9]')
SELECT regexp_matches('xabyaby', '(?<!x|xa)(ab)', 'g'), substring('zzab' from '(?<=z+)(a)b')
