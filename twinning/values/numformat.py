"""to_char() of numbers and to_number(): PostgreSQL 15's number template
engine (formatting.c: NUMDesc_prepare, NUM_processor,
NUM_numpart_to_char/from_char) under the C locale ('.' decimal point,
',' group separator, '-'/'+' signs, a blank currency symbol).

The template is cut once into nodes and a `NumDesc` (digit counts before
and after the decimal point, sign placement and flags, as
NUMDesc_prepare builds it, with its 42601 errors for conflicting
patterns); each argument type turns its value into the digit string
PostgreSQL's int4/int8/float8/numeric_to_char produce, and
`num_processor` lays it into the template.
"""

from __future__ import annotations

import math
from copy import copy
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import lru_cache

from twinning.errors import (
    FEATURE_NOT_SUPPORTED, SqlError, integer_out_of_range,
    invalid_input_syntax, numeric_value_out_of_range, syntax_error,
)
from twinning.values.formatting import quoted_chars, th_suffix

# NUM_keywords in PostgreSQL's order
KEYWORDS = (",", ".", "0", "9", "B", "C", "D", "EEEE", "FM", "G", "L", "MI",
            "PL", "PR", "RN", "SG", "SP", "S", "TH", "V", "b", "c", "d",
            "eeee", "fm", "g", "l", "mi", "pl", "pr", "rn", "sg", "sp", "s",
            "th", "v")
_CASED = frozenset({"rn", "th"})

F_DECIMAL, F_LDECIMAL, F_ZERO, F_BLANK, F_FILLMODE = 1, 2, 4, 8, 16
F_LSIGN, F_BRACKET, F_MINUS, F_PLUS, F_ROMAN = 32, 64, 128, 256, 512
F_MULTI, F_EEEE, F_MINUS_POST, F_PLUS_POST = 1024, 2048, 4096, 8192
# MI, PL and SG: the sign flags each sets, and the flag it adds after a
# decimal point (NUMDesc_prepare)
_SIGN_FLAGS = {"MI": (F_MINUS, F_MINUS_POST), "PL": (F_PLUS, F_PLUS_POST),
               "SG": (F_MINUS | F_PLUS, 0)}
LSIGN_NONE, LSIGN_PRE, LSIGN_POST = 0, 1, 2


class NumDesc:
    """NUMDesc (formatting.c): a template's digit counts and flags, each
    starting at zero; copied (copy.copy) before a value adjusts it."""

    __slots__ = ("pre", "post", "lsign", "flag", "pre_lsign_num", "multi",
                 "zero_start", "zero_end")

    def __init__(self) -> None:
        self.pre = self.post = self.flag = self.pre_lsign_num = 0
        self.multi = self.zero_start = self.zero_end = 0
        self.lsign = LSIGN_NONE


def _syntax(message: str, detail: str | None = None) -> SqlError:
    return syntax_error(message, detail=detail)


def _prepare(num: NumDesc, key: str) -> None:
    """NUMDesc_prepare()."""
    f = num.flag
    if key == "9":
        if f & F_BRACKET:
            raise _syntax('"9" must be ahead of "PR"')
        if f & F_MULTI:
            num.multi += 1
        elif f & F_DECIMAL:
            num.post += 1
        else:
            num.pre += 1
    elif key == "0":
        if f & F_BRACKET:
            raise _syntax('"0" must be ahead of "PR"')
        if not f & F_ZERO and not f & F_DECIMAL:
            num.flag |= F_ZERO
            num.zero_start = num.pre + 1
        if not f & F_DECIMAL:
            num.pre += 1
        else:
            num.post += 1
        num.zero_end = num.pre + num.post
    elif key == "B":
        if num.pre == 0 and num.post == 0 and not f & F_ZERO:
            num.flag |= F_BLANK
    elif key in ("D", "."):
        if key == "D":
            num.flag |= F_LDECIMAL
        if f & F_DECIMAL:
            raise _syntax("multiple decimal points")
        if f & F_MULTI:
            raise _syntax('cannot use "V" and decimal point together')
        num.flag |= F_DECIMAL
    elif key == "FM":
        num.flag |= F_FILLMODE
    elif key == "S":
        if f & F_LSIGN:
            raise _syntax('cannot use "S" twice')
        if f & (F_PLUS | F_MINUS | F_BRACKET):
            raise _syntax('cannot use "S" and "PL"/"MI"/"SG"/"PR" together')
        if not f & F_DECIMAL:
            num.lsign = LSIGN_PRE
            num.pre_lsign_num = num.pre
            num.flag |= F_LSIGN
        elif num.lsign == LSIGN_NONE:
            num.lsign = LSIGN_POST
            num.flag |= F_LSIGN
    elif key in _SIGN_FLAGS:  # MI, PL, SG
        if f & F_LSIGN:
            raise _syntax(f'cannot use "S" and "{key}" together')
        flag, after_decimal = _SIGN_FLAGS[key]
        num.flag |= flag
        if f & F_DECIMAL:
            num.flag |= after_decimal
    elif key == "PR":
        if f & (F_LSIGN | F_PLUS | F_MINUS):
            raise _syntax('cannot use "PR" and "S"/"PL"/"MI"/"SG" together')
        num.flag |= F_BRACKET
    elif key in ("RN", "rn"):
        num.flag |= F_ROMAN
    elif key == "V":
        if f & F_DECIMAL:
            raise _syntax('cannot use "V" and decimal point together')
        num.flag |= F_MULTI
    elif key == "EEEE":
        if f & F_EEEE:
            raise _syntax('cannot use "EEEE" twice')
        if f & (F_BLANK | F_FILLMODE | F_LSIGN | F_BRACKET | F_MINUS | F_PLUS
                | F_ROMAN | F_MULTI):
            raise _syntax('"EEEE" is incompatible with other formats',
                          '"EEEE" may only be used together with digit and '
                          'decimal point patterns.')
        num.flag |= F_EEEE


@lru_cache(maxsize=512)
def parse_template(fmt: str) -> tuple[tuple, NumDesc]:
    """→ (nodes, NumDesc); a node is ("key", name) or ("char", text)."""
    nodes = []
    num = NumDesc()
    i, n = 0, len(fmt)
    while i < n:
        key = next((k for k in KEYWORDS if fmt.startswith(k, i)), None)
        if key is not None:
            canon = key if key in _CASED else key.upper()
            i += len(key)
            _prepare(num, canon)
            nodes.append(("key", canon))
            continue
        ch = fmt[i]
        if ch == '"':
            chars, i = quoted_chars(fmt, i)
            nodes.extend(("char", c) for c in chars)
            continue
        if ch == "\\" and i + 1 < n and fmt[i + 1] == '"':
            i += 1
            ch = '"'
        nodes.append(("char", ch))
        i += 1
    return tuple(nodes), num


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
          (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
          (4, "IV"), (1, "I"))


def int_to_roman(number: int) -> str:
    if number > 3999 or number < 1:
        return "#" * 15
    out = []
    for value, text in _ROMAN:
        while number >= value:
            out.append(text)
            number -= value
    return "".join(out)


def _overflow(num: NumDesc) -> str:
    return "#" * num.pre + "." + "#" * num.post


def _layout(digits: str, num: NumDesc) -> tuple[str, int]:
    """(number text, out_pre_spaces) for a digit string without sign."""
    dot = digits.find(".")
    pre_len = dot if dot >= 0 else len(digits)
    if pre_len < num.pre:
        return digits, num.pre - pre_len
    if pre_len > num.pre:
        return _overflow(num), 0
    return digits, 0


def _eeee_nonfinite(num: NumDesc) -> str:
    text = list("#" * (num.pre + num.post + 6))
    text[0] = " "
    text[num.pre + 1] = "."
    return "".join(text)


def numeric_sci(value: Decimal, scale: int) -> str:
    """numeric_out_sci(): d.ddde±XX with `scale` fraction digits."""
    if value.is_zero():
        exponent = 0
    else:
        exponent = value.adjusted()
    with localcontext() as ctx:
        ctx.prec = 1000
        sig = value.scaleb(-exponent).quantize(Decimal(1).scaleb(-scale),
                                              rounding=ROUND_HALF_UP)
    text = f"{sig:f}"
    sign = "-" if exponent < 0 else "+"
    return f"{text}e{sign}{abs(exponent):02d}"


def numeric_to_char(value: Decimal, fmt: str) -> str:
    nodes, num = parse_template(fmt)
    num = copy(num)
    if num.flag & F_ROMAN:  # numeric_int4 first
        if value.is_nan():
            raise SqlError(FEATURE_NOT_SUPPORTED, "cannot convert NaN to integer")
        if value.is_infinite():
            raise SqlError(FEATURE_NOT_SUPPORTED, "cannot convert infinity to integer")
        rounded = value.quantize(Decimal(1), rounding=ROUND_HALF_UP)
        if not (-2**31 <= rounded < 2**31):
            raise integer_out_of_range()
        return num_processor(nodes, num, int_to_roman(int(rounded)), 0, "+")
    if num.flag & F_EEEE:
        if value.is_nan():
            return num_processor(nodes, num, _eeee_nonfinite(num), 0, "+")
        text = numeric_sci(value, num.post)
        if not text.startswith("-"):
            text = " " + text
        return num_processor(nodes, num, text, 0, "+")
    if value.is_nan():
        return num_processor(nodes, num, *_layout_signed("NaN", num))
    if num.flag & F_MULTI:
        value = value * (Decimal(10) ** num.multi)
        num.pre += num.multi
    with localcontext() as ctx:
        ctx.prec = 2000
        rounded = value.quantize(Decimal(1).scaleb(-num.post),
                                 rounding=ROUND_HALF_UP)
    text = numeric_text(rounded, num.post)
    return num_processor(nodes, num, *_layout_signed(text, num))


def numeric_text(value: Decimal, scale: int) -> str:
    """numeric_out of a value rounded to `scale` (scale ≥ 0)."""
    text = f"{value:f}"
    if text.startswith("-") and value.is_zero():
        text = text[1:]
    return text


def _layout_signed(text: str, num: NumDesc) -> tuple[str, int, str]:
    sign = "+"
    if text.startswith("-"):
        sign, text = "-", text[1:]
    digits, spaces = _layout(text, num)
    return digits, spaces, sign


def int_to_char(value: int, fmt: str, bits: int = 32) -> str:
    nodes, num = parse_template(fmt)
    num = copy(num)
    if num.flag & F_ROMAN:
        if bits == 64 and not (-2**31 <= value < 2**31):
            raise integer_out_of_range()
        return num_processor(nodes, num, int_to_roman(value), 0, "+")
    if num.flag & F_EEEE:
        if bits == 64:
            text = numeric_sci(Decimal(value), num.post)
            if not text.startswith("-"):
                text = " " + text
        else:
            text = "%+.*e" % (num.post, float(value))
            if text.startswith("+"):
                text = " " + text[1:]
        return num_processor(nodes, num, text, 0, "+")
    if num.flag & F_MULTI:
        if bits == 64:
            value = value * 10 ** num.multi
        else:
            value = _wrap32(value * int(10.0 ** num.multi))
        num.pre += num.multi
    sign = "-" if value < 0 else "+"
    text = str(abs(value))
    if num.post:
        text += "." + "0" * num.post
    digits, spaces = _layout(text, num)
    return num_processor(nodes, num, digits, spaces, sign)


def _wrap32(value: int) -> int:
    value &= 0xFFFFFFFF
    return value - 2**32 if value >= 2**31 else value


def float_to_char(value: float, fmt: str, double: bool = True) -> str:
    nodes, num = parse_template(fmt)
    num = copy(num)
    dig = 15 if double else 6
    if num.flag & F_ROMAN:
        if math.isnan(value) or math.isinf(value):
            return num_processor(nodes, num, int_to_roman(0), 0, "+")
        return num_processor(nodes, num, int_to_roman(int(round(value))),
                             0, "+")
    if num.flag & F_EEEE:
        if math.isnan(value) or math.isinf(value):
            return num_processor(nodes, num, _eeee_nonfinite(num), 0, "+")
        text = "%+.*e" % (num.post, value)
        if text.startswith("+"):
            text = " " + text[1:]
        return num_processor(nodes, num, text, 0, "+")
    val = value
    if num.flag & F_MULTI:
        val = value * (10.0 ** num.multi)
        num.pre += num.multi
    if math.isnan(val) or math.isinf(val):
        orgnum = "%.0f" % abs(val)
        text = {"nan": "NaN", "inf": "Infinity"}[orgnum]
        if val < 0:
            text = "-" + text
        return num_processor(nodes, num, *_layout_signed(text, num))
    pre_len = len("%.0f" % abs(val))
    if pre_len >= dig:
        num.post = 0
    elif pre_len + num.post > dig:
        num.post = dig - pre_len
    text = "%.*f" % (num.post, val)
    return num_processor(nodes, num, *_layout_signed(text, num))


def _last_relevant(number: str) -> int | None:
    dot = number.find(".")
    if dot < 0:
        return None
    result = dot
    for j in range(dot + 1, len(number)):
        if number[j] != "0":
            result = j
    return result


@dataclass
class _Np:
    num: NumDesc
    number: str
    sign: str
    out_pre_spaces: int
    out: list = field(default_factory=list)
    number_p: int = 0
    num_curr: int = 0
    num_count: int = 0
    num_in: bool = False
    sign_wrote: bool = False
    last_relevant: int | None = None

    def at(self, idx: int | None) -> str:
        if idx is None or idx >= len(self.number):
            return "\0"
        return self.number[idx]

    def predec_space(self) -> bool:
        return (not self.num.flag & F_ZERO and self.number_p == 0
                and self.number[:1] == "0" and self.num.post != 0)


def num_processor(nodes, num: NumDesc, number: str, out_pre_spaces: int,
                  sign: str) -> str:
    """NUM_processor() in the TO_CHAR direction."""
    if num.zero_start:
        num.zero_start -= 1
    if num.flag & F_EEEE:
        return number
    if num.flag & F_ROMAN:
        num.lsign = num.pre_lsign_num = num.post = num.pre = 0
        out_pre_spaces = 0
        sign = "\0"
        num.flag = (num.flag & F_FILLMODE) | F_ROMAN
    np = _Np(num, number, sign, out_pre_spaces)
    fm = bool(num.flag & F_FILLMODE)
    if num.flag & (F_PLUS | F_MINUS):
        np.sign_wrote = not (num.flag & F_PLUS and not num.flag & F_MINUS)
    else:
        if sign != "-" and fm:
            num.flag &= ~F_BRACKET
        np.sign_wrote = sign == "+" and fm and not num.flag & F_LSIGN
        if num.lsign == LSIGN_PRE and num.pre == num.pre_lsign_num:
            num.lsign = LSIGN_POST
    np.num_count = num.post + num.pre - 1
    if fm and num.flag & F_DECIMAL:
        np.last_relevant = _last_relevant(number)
        if np.last_relevant is not None and num.zero_end > out_pre_spaces:
            last_zero = min(len(number) - 1, num.zero_end - out_pre_spaces)
            if np.last_relevant < last_zero:
                np.last_relevant = last_zero
    if not np.sign_wrote and out_pre_spaces == 0:
        np.num_count += 1
    out = np.out
    for kind, value in nodes:
        if kind == "char":
            out.append(value)
            continue
        if value in ("9", "0", ".", "D"):
            _numpart_to_char(np, value)
            continue
        if value in (",", "G"):
            if not np.num_in:
                if fm:
                    continue
                out.append(" ")
            else:
                out.append(",")
        elif value == "L":
            out.append(" ")
        elif value in ("RN", "rn"):
            text = number if fm else number.rjust(15)
            out.append(text.lower() if value == "rn" else text)
        elif value in ("TH", "th"):
            if (num.flag & F_ROMAN or number[:1] == "#" or np.sign == "-"
                    or num.flag & F_DECIMAL):
                continue
            out.append(th_suffix(number, value == "TH"))
        elif value in ("MI", "PL"):
            # NUM_MINUS / NUM_PLUS: the sign when it is theirs, else a blank
            wanted = "-" if value == "MI" else "+"
            if np.sign == wanted:
                out.append(wanted)
            elif not fm:
                out.append(" ")
        elif value == "SG":
            out.append(np.sign)
    return "".join(out).split("\0", 1)[0]


def _numpart_to_char(np: _Np, key: str) -> None:
    num = np.num
    out = np.out
    if num.flag & F_ROMAN:
        return
    np.num_in = False
    lr = np.last_relevant
    if (not np.sign_wrote
            and (np.num_curr >= np.out_pre_spaces
                 or (num.flag & F_ZERO and num.zero_start == np.num_curr))
            and (not np.predec_space() or (lr is not None
                                           and np.at(lr) == "."))):
        if num.flag & F_LSIGN:
            if num.lsign == LSIGN_PRE:
                out.append("-" if np.sign == "-" else "+")
                np.sign_wrote = True
        elif num.flag & F_BRACKET:
            out.append(" " if np.sign == "+" else "<")
            np.sign_wrote = True
        elif np.sign == "+":
            if not num.flag & F_FILLMODE:
                out.append(" ")
            np.sign_wrote = True
        elif np.sign == "-":
            out.append("-")
            np.sign_wrote = True
    fm = bool(num.flag & F_FILLMODE)
    zero = bool(num.flag & F_ZERO)
    if (np.num_curr < np.out_pre_spaces
            and (num.zero_start > np.num_curr or not zero)):
        if not fm:
            out.append(" ")
    elif zero and np.num_curr < np.out_pre_spaces \
            and num.zero_start <= np.num_curr:
        out.append("0")
        np.num_in = True
    else:
        cur = np.at(np.number_p)
        if cur == ".":
            if lr is None or np.at(lr) != ".":
                out.append(".")
            elif fm:
                out.append(".")
        else:
            if lr is not None and np.number_p > lr and key != "0":
                pass
            elif np.predec_space():
                if not fm:
                    out.append(" ")
                elif lr is not None and np.at(lr) == ".":
                    out.append("0")
            else:
                out.append(cur)  # past the end: C's NUL ends the text
                np.num_in = True
        if np.number_p < len(np.number):
            np.number_p += 1
    end = np.num_count + (1 if np.out_pre_spaces else 0) + \
        (1 if num.flag & F_DECIMAL else 0)
    if lr is not None and lr == np.number_p:
        end = np.num_curr
    if np.num_curr + 1 == end:
        if np.sign_wrote and num.flag & F_BRACKET:
            out.append(" " if np.sign == "+" else ">")
        elif num.flag & F_LSIGN and num.lsign == LSIGN_POST:
            out.append("-" if np.sign == "-" else "+")
    np.num_curr += 1


# -- to_number ------------------------------------------------------------------------

def to_number(text: str, fmt: str) -> Decimal | None:
    """numeric_to_number(): NUM_processor in the FROM_CHAR direction, then
    numeric_in of the digits read at the scale read, divided by 10^V
    (NULL for an empty template)."""
    if fmt == "":
        return None
    nodes, num = parse_template(fmt)
    num = copy(num)
    if num.flag & F_ROMAN:
        raise SqlError(FEATURE_NOT_SUPPORTED, '"RN" not supported for input')
    if num.flag & F_EEEE:
        raise SqlError(FEATURE_NOT_SUPPORTED, '"EEEE" not supported for input')
    if num.zero_start:
        num.zero_start -= 1
    st = _FromChar(text, num)
    fm = bool(num.flag & F_FILLMODE)
    for kind, value in nodes:
        if st.pos >= len(text):
            break
        if kind == "char":
            st.pos += 1
            continue
        if value in ("9", "0", ".", "D"):
            st.numpart(value)
        elif value in (",", "G"):
            if not st.num_in and fm:
                continue
            if text[st.pos] != ",":  # skipped only where it is there
                continue
        elif value == "L":
            st.eat_non_data(1)
            continue
        elif value in ("TH", "th"):
            if (num.flag & F_ROMAN or st.sign == "-"
                    or num.flag & F_DECIMAL):
                continue
            st.eat_non_data(2)
            continue
        elif value in ("MI", "PL", "SG"):
            ch = text[st.pos]
            if ch == "-" and value != "PL":
                st.sign = "-"
            elif ch == "+" and value != "MI":
                st.sign = "+"
            else:
                st.eat_non_data(1)
                continue
        else:
            continue
        st.pos += 1
    digits = "".join(st.digits)
    if digits.endswith("."):
        digits = digits[:-1]
    body = st.sign + digits
    scale = st.read_post
    try:
        if not digits:
            raise ValueError
        value = Decimal(body.replace(" ", ""))
    except Exception:
        raise invalid_input_syntax("numeric", body) from None
    precision = num.pre + num.multi + scale
    with localcontext() as ctx:
        ctx.prec = 2000
        value = value.quantize(Decimal(1).scaleb(-scale),
                               rounding=ROUND_HALF_UP)
        integer_digits = len(value.as_tuple().digits) - scale \
            if not value.is_zero() else 0
        if integer_digits > precision - scale:
            limit = f"10^{precision - scale}" if precision - scale else "1"
            raise numeric_value_out_of_range("numeric field overflow",
                                             detail=f"A field with precision {precision}, "
                                             f"scale {scale} must round to an absolute value "
                                             f"less than {limit}.")
        if num.flag & F_MULTI:  # numeric_power(10, -V): scale 16
            factor = (Decimal(10) ** -num.multi).quantize(
                Decimal("1E-16"), rounding=ROUND_HALF_UP)
            value = value * factor
    return value


class _FromChar:
    def __init__(self, text: str, num: NumDesc) -> None:
        self.text = text
        self.num = num
        self.pos = 0
        self.sign = " "
        self.digits: list[str] = []
        self.read_pre = 0
        self.read_post = 0
        self.read_dec = False
        self.num_in = False

    def eat_non_data(self, n: int) -> None:
        """NUM_eat_non_data_chars()."""
        while n > 0 and self.pos < len(self.text) \
                and self.text[self.pos] not in "0123456789.,+-":
            self.pos += 1
            n -= 1

    def numpart(self, key: str) -> None:
        """NUM_numpart_from_char()."""
        t, num = self.text, self.num
        n = len(t)
        if self.pos >= n:
            return
        if t[self.pos] == " ":
            self.pos += 1
        if self.pos >= n:
            return
        if (self.sign == " " and key in ("0", "9")
                and self.read_pre + self.read_post == 0):
            ch = t[self.pos]
            if num.flag & F_LSIGN and num.lsign == LSIGN_PRE:
                if ch == "-":
                    self.pos += 1
                    self.sign = "-"
                elif ch == "+":
                    self.pos += 1
                    self.sign = "+"
            elif ch == "-" or (num.flag & F_BRACKET and ch == "<"):
                self.sign = "-"
                self.pos += 1
            elif ch == "+":
                self.sign = "+"
                self.pos += 1
        if self.pos >= n:
            return
        isread = False
        ch = t[self.pos]
        if "0" <= ch <= "9":
            if self.read_dec and self.read_post == num.post:
                return
            self.digits.append(ch)
            if self.read_dec:
                self.read_post += 1
            else:
                self.read_pre += 1
            isread = True
        elif num.flag & F_DECIMAL and not self.read_dec and ch == ".":
            self.digits.append(".")
            self.read_dec = True
            isread = True
        if self.pos >= n:
            return
        if self.sign == " " and self.read_pre + self.read_post > 0:
            if (num.flag & F_LSIGN and isread and self.pos + 1 < n
                    and not t[self.pos + 1].isdigit()):
                nxt = t[self.pos + 1]
                if nxt in "-+":
                    self.pos += 1
                    self.sign = nxt
            elif (not isread and not num.flag & F_LSIGN
                  and num.flag & (F_PLUS | F_MINUS)):
                if t[self.pos] in "-+":
                    self.sign = t[self.pos]
