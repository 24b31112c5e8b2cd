"""The functions of the contrib extensions the twin provides, registered
like any family's (the typer reaches them only while their extension is
installed: `passes/extensions.py`).

uuid-ossp (every function), pgcrypto (digest, hmac, gen_random_bytes,
gen_random_uuid, crypt and gen_salt for the md5, bf and des algorithms
through the C library's crypt(3), whose formats are pgcrypto's),
fuzzystrmatch (levenshtein with and without costs, levenshtein_less_equal
(`levenshtein`), metaphone (`metaphone`), soundex, text_soundex,
difference: fuzzystrmatch.c over the text's bytes as PostgreSQL's C-locale
isalpha/toupper see them) and tablefunc's normal_rand. The others (the
PGP functions, encrypt/decrypt, dmetaphone, crosstab, connectby) are typed
and refused 0A000 by name when called.
"""

from __future__ import annotations

import hashlib
import hmac as _hmac
import os
import random
import warnings
from typing import Sequence

from twinning.deferred import deferred
from twinning.errors import (
    external_routine_invocation_exception, feature_not_supported,
    invalid_parameter_value,
)
from twinning.ir import query as q
from twinning.passes.expr import levenshtein
from twinning.passes.expr.metaphone import metaphone
from twinning.passes.expr.registry import SET_RETURNING, define

_uuid = deferred("uuid", globals(), "_uuid")

# -- uuid-ossp ---------------------------------------------------------------------


def _v1mc() -> _uuid.UUID:
    """uuid_generate_v1mc: a version 1 UUID with a random multicast MAC."""
    return _uuid.uuid1(node=random.getrandbits(48) | (1 << 40))


# -- pgcrypto ----------------------------------------------------------------------

_DIGESTS = {"md5", "sha1", "sha224", "sha256", "sha384", "sha512"}


def _algorithm(name: str) -> str:
    """EVP_get_digestbyname()'s name, or pgcrypto's 22023."""
    lowered = name.lower()
    if lowered in _DIGESTS:
        return lowered
    if lowered.startswith("sha3-") and lowered[5:] in ("224", "256", "384", "512"):
        return "sha3_" + lowered[5:]
    raise invalid_parameter_value(f'Cannot use "{name}": No such hash algorithm')


def _bytes(value: str | bytes) -> bytes:
    return value.encode() if isinstance(value, str) else value


def _digest(data: str | bytes, algorithm: str) -> bytes:
    return hashlib.new(_algorithm(algorithm), _bytes(data)).digest()


def _mac(data: str | bytes, key: str | bytes, algorithm: str) -> bytes:
    return _hmac.new(_bytes(key), _bytes(data), _algorithm(algorithm)).digest()


def _random_bytes(count: int) -> bytes:
    if not 1 <= count <= 1024:
        raise external_routine_invocation_exception("Length not in range")
    return os.urandom(count)


_ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_BCRYPT64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
# gen_salt: (default rounds, min, max) per algorithm; None: no rounds
_SALTS = {"md5": None, "des": None, "bf": (6, 4, 31)}


def _gen_salt(kind: str, rounds: int | None = None) -> str:
    algorithm = kind.lower()
    if algorithm not in _SALTS and algorithm != "xdes":
        raise invalid_parameter_value("gen_salt: Unknown salt algorithm")
    if algorithm == "xdes":
        raise feature_not_supported("gen_salt('xdes')")
    limits = _SALTS[algorithm]
    if rounds is not None and (limits is None or rounds != 0 and not
                               limits[1] <= rounds <= limits[2]):
        if limits is not None or rounds != 0:
            raise invalid_parameter_value("gen_salt: Incorrect number of rounds")
    if algorithm == "md5":
        return "$1$" + "".join(random.choice(_ITOA64) for _ in range(8))
    if algorithm == "des":
        return "".join(random.choice(_ITOA64) for _ in range(2))
    cost = rounds or limits[0]
    return f"$2a${cost:02d}$" + "".join(random.choice(_BCRYPT64)
                                       for _ in range(21)) + random.choice(".Oeu")


def _crypt(password: str, salt: str) -> str:
    """px_crypt(): the algorithm by the salt's prefix."""
    if salt.startswith(("$2$", "$2x$", "_")) or salt.startswith("$") and \
            not salt.startswith(("$1$", "$2a$")):
        raise feature_not_supported("crypt() with this salt's algorithm")
    if not salt.startswith("$") and (len(salt) < 2 or salt[0] not in _ITOA64
                                     or salt[1] not in _ITOA64):
        raise invalid_parameter_value("invalid salt")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            import crypt as _libcrypt
        except ImportError:  # Python 3.13 dropped the module
            raise feature_not_supported("crypt()") from None
    result = _libcrypt.crypt(password, salt)
    if not result or result.startswith("*"):
        raise invalid_parameter_value("invalid salt")
    return result


# -- fuzzystrmatch -----------------------------------------------------------------

_SOUNDEX_TABLE = "01230120022455012623010202"


def _levenshtein(source: str, target: str, ins: int = 1, delete: int = 1,
                 sub: int = 1) -> int:
    """varstr_levenshtein(): in characters, at most 255 each."""
    trivial = levenshtein.trivial_distance(source, target, ins, delete)
    if trivial is not None:
        return trivial
    m, n = len(source), len(target)
    previous = [i * ins for i in range(n + 1)]
    for i in range(1, m + 1):
        current = [i * delete] + [0] * n
        char = source[i - 1]
        for j in range(1, n + 1):
            current[j] = min(previous[j] + delete, current[j - 1] + ins,
                             previous[j - 1] + (0 if char == target[j - 1] else sub))
        previous = current
    return previous[n]


def _code(byte: int) -> int:
    """soundex_code(): the digit of an ASCII letter, else the byte."""
    upper = byte - 32 if 97 <= byte <= 122 else byte
    return ord(_SOUNDEX_TABLE[upper - 65]) if 65 <= upper <= 90 else byte


def _is_alpha(byte: int) -> bool:
    return 65 <= byte <= 90 or 97 <= byte <= 122


def _soundex_code(text: str) -> str:
    """_soundex(): the first letter, then up to three digits, 0-padded."""
    data = text.encode()
    i = 0
    while i < len(data) and not _is_alpha(data[i]):
        i += 1
    if i == len(data):
        return ""
    out = [chr(data[i]).upper()]
    i += 1
    while i < len(data) and len(out) < 4:
        if _is_alpha(data[i]) and _code(data[i]) != _code(data[i - 1]):
            code = _code(data[i])
            if code != ord("0"):
                out.append(chr(code))
        i += 1
    return "".join(out).ljust(4, "0")


def _difference(a: str, b: str) -> int:
    left, right = _soundex_code(a), _soundex_code(b)
    if not left or not right:  # _soundex gives "" ; the compare reads NULs
        left, right = left.ljust(4, "\0"), right.ljust(4, "\0")
    return sum(1 for x, y in zip(left, right) if x == y)


# -- tablefunc ---------------------------------------------------------------------

def _normal_rand(arg_types: Sequence[q.ResultType]):
    def rows(count: int, mean: float, stddev: float):
        if count < 0:
            raise invalid_parameter_value("number of rows cannot be negative")
        return iter([random.gauss(mean, stddev) for _ in range(count)])
    return rows


def _refused_when_called(name: str):
    """A set-returning function typed (a view over it is created) and
    refused 0A000 by name when it runs: crosstab runs its SQL text."""
    def factory(arg_types: Sequence[q.ResultType]):
        def rows(*args):
            raise feature_not_supported(f"function {name}()")
        return rows
    return factory


def register() -> None:
    define("uuid_nil()", lambda: _uuid.UUID(int=0))
    for name in ("dns", "url", "oid", "x500"):
        define(f"uuid_ns_{name}()", lambda attr=f"NAMESPACE_{name.upper()}":
               getattr(_uuid, attr))
    define("uuid_generate_v1()", lambda: _uuid.uuid1(), volatile=True)
    define("uuid_generate_v1mc()", _v1mc, volatile=True)
    define("uuid_generate_v3(uuid,text)", lambda ns, name: _uuid.uuid3(ns, name))
    define("uuid_generate_v4()", lambda: _uuid.uuid4(), volatile=True)
    define("uuid_generate_v5(uuid,text)", lambda ns, name: _uuid.uuid5(ns, name))
    for kind in ("text", "bytea"):
        define(f"digest({kind},text)", _digest)
        define(f"hmac({kind},{kind},text)", _mac)
    define("gen_random_bytes(int4)", _random_bytes, volatile=True)
    define("gen_salt(text)", _gen_salt, volatile=True)
    define("gen_salt(text,int4)", _gen_salt, volatile=True)
    define("crypt(text,text)", _crypt)
    define("levenshtein(text,text)", _levenshtein)
    define("levenshtein(text,text,int4,int4,int4)", _levenshtein)
    define("soundex(text)", _soundex_code)
    define("text_soundex(text)", _soundex_code)
    define("difference(text,text)", _difference)
    define("metaphone(text,int4)", metaphone)
    define("levenshtein_less_equal(text,text,int4)",
           lambda s, t, d: levenshtein.less_equal(s, t, 1, 1, 1, d))
    define("levenshtein_less_equal(text,text,int4,int4,int4,int4)",
           levenshtein.less_equal)
    SET_RETURNING["normal_rand(int4,float8,float8)"] = _normal_rand
    for sig in ("crosstab(text)", "crosstab(text,int4)", "crosstab(text,text)"):
        SET_RETURNING[sig] = _refused_when_called("crosstab")
