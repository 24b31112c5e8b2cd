"""Server side of SCRAM-SHA-256 (RFC 5802/7677) as PostgreSQL 15 runs it.

`ScramServer` is one exchange: `start(client_first) -> server_first`, then
`finish(client_final) -> server_final`. The message parsing and every error
text follow `auth-scram.c` (read_client_first_message and friends): SQLSTATE
08P01 "malformed SCRAM message" with PostgreSQL's detail lines, 0A000 for
authzid and mandatory extensions. The twin has no TLS, so channel binding is
never in use: gs2 flags `n` and `y` are accepted, `p=...` is refused as
PostgreSQL refuses it without SSL. As in PostgreSQL the username inside the
SCRAM message is ignored; the startup packet's user is the one that counts.

A wrong proof raises 28P01 'password authentication failed for user "..."'
at FATAL severity, PostgreSQL's answer to every failed password check.

`ScramSecret` is what PostgreSQL keeps in pg_authid (salt, iterations,
StoredKey, ServerKey); derive it once per configured password and share it
between connections to pay the PBKDF2 cost once. `password_matches` and
`check_cleartext` serve the cleartext `password` method.

Passwords go through SASLprep the way `pg_saslprep` does it: pure ASCII is
used as is; otherwise map, NFKC, and if that is prohibited the raw UTF-8 bytes
are used instead of failing. No I/O here.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import stringprep
import unicodedata

from twinning.ir.node import node
from twinning.errors import FEATURE_NOT_SUPPORTED, SqlError, invalid_password
from twinning.wire.violation import ProtocolViolation

SCRAM_SHA_256 = "SCRAM-SHA-256"
MECHANISMS = (SCRAM_SHA_256,)          # no -PLUS: no TLS, no channel binding
DEFAULT_ITERATIONS = 4096              # SCRAM_DEFAULT_ITERATIONS in PG 15
SALT_LENGTH = 16                       # SCRAM_DEFAULT_SALT_LEN
RAW_NONCE_LENGTH = 18                  # SCRAM_RAW_NONCE_LEN
KEY_LENGTH = 32                        # SHA-256


def authentication_failed(user: str) -> SqlError:
    """The one error PostgreSQL gives for any wrong password."""
    return invalid_password(f'password authentication failed for user "{user}"',
                            severity="FATAL")


def check_mechanism(name: str) -> None:
    """Refuse a SASLInitialResponse naming a mechanism we did not offer."""
    if name not in MECHANISMS:
        raise ProtocolViolation(
            "client selected an invalid SASL authentication mechanism",
            fatal=False)


# -- SASLprep --------------------------------------------------------------

_PROHIBITED = (
    stringprep.in_table_c12, stringprep.in_table_c21, stringprep.in_table_c22,
    stringprep.in_table_c3, stringprep.in_table_c4, stringprep.in_table_c5,
    stringprep.in_table_c6, stringprep.in_table_c7, stringprep.in_table_c8,
    stringprep.in_table_c9, stringprep.in_table_a1,
)


def saslprep(password: str) -> str | None:
    """RFC 4013 SASLprep as pg_saslprep applies it; None when prohibited."""
    if password.isascii():
        return password
    mapped = []
    for ch in password:
        if stringprep.in_table_c12(ch):
            mapped.append(" ")
        elif not stringprep.in_table_b1(ch):
            mapped.append(ch)
    if not mapped:
        return None
    text = unicodedata.ucd_3_2_0.normalize("NFKC", "".join(mapped))
    if any(check(ch) for ch in text for check in _PROHIBITED):
        return None
    if any(stringprep.in_table_d1(ch) for ch in text):
        if any(stringprep.in_table_d2(ch) for ch in text):
            return None
        if not (stringprep.in_table_d1(text[0]) and stringprep.in_table_d1(text[-1])):
            return None
    return text


def _password_bytes(password: str) -> bytes:
    prepared = saslprep(password)
    chosen = password if prepared is None else prepared
    # surrogateescape: a password read off the wire that was not UTF-8 keeps
    # its exact bytes, as PostgreSQL keeps them.
    return chosen.encode("utf-8", "surrogateescape")


def _hmac(key: bytes, message: bytes) -> bytes:
    return hmac.new(key, message, hashlib.sha256).digest()


@node
class ScramSecret:
    """A stored SCRAM-SHA-256 verifier, as in pg_authid.rolpassword."""

    iterations: int
    salt: bytes
    stored_key: bytes
    server_key: bytes

    @classmethod
    def from_password(cls, password: str, *, salt: bytes | None = None,
                      iterations: int = DEFAULT_ITERATIONS) -> ScramSecret:
        salt = secrets.token_bytes(SALT_LENGTH) if salt is None else salt
        salted = hashlib.pbkdf2_hmac("sha256", _password_bytes(password),
                                     salt, iterations)
        client_key = _hmac(salted, b"Client Key")
        return cls(iterations, salt, hashlib.sha256(client_key).digest(),
                   _hmac(salted, b"Server Key"))

    def to_text(self) -> str:
        """`SCRAM-SHA-256$<iter>:<salt>$<StoredKey>:<ServerKey>` (base64)."""
        b64 = lambda raw: base64.b64encode(raw).decode("ascii")  # noqa: E731
        return (f"SCRAM-SHA-256${self.iterations}:{b64(self.salt)}"
                f"${b64(self.stored_key)}:{b64(self.server_key)}")

    @classmethod
    def parse(cls, text: str) -> ScramSecret:
        """Read the pg_authid text form; ValueError if it is not one."""
        try:
            scheme, rest = text.split("$", 1)
            iter_salt, keys = rest.split("$", 1)
            iterations, salt = iter_salt.split(":", 1)
            stored, server = keys.split(":", 1)
            secret = cls(int(iterations), base64.b64decode(salt, validate=True),
                         base64.b64decode(stored, validate=True),
                         base64.b64decode(server, validate=True))
        except (ValueError, binascii.Error) as exc:
            raise ValueError(f"not a SCRAM-SHA-256 secret: {exc}") from None
        if (scheme != "SCRAM-SHA-256" or len(secret.stored_key) != KEY_LENGTH
                or len(secret.server_key) != KEY_LENGTH):
            raise ValueError("not a SCRAM-SHA-256 secret")
        return secret

    def verify_password(self, password: str) -> bool:
        """scram_verify_plain_password: does `password` produce this secret?"""
        salted = hashlib.pbkdf2_hmac("sha256", _password_bytes(password),
                                     self.salt, self.iterations)
        return hmac.compare_digest(_hmac(salted, b"Server Key"), self.server_key)


def password_matches(expected: str | ScramSecret, given: str) -> bool:
    """Cleartext check; plain passwords compare after SASLprep, like a hash would."""
    if isinstance(expected, ScramSecret):
        return expected.verify_password(given)
    return hmac.compare_digest(_password_bytes(given), _password_bytes(expected))


def check_cleartext(expected: str | ScramSecret, given: str, user: str) -> None:
    """Raise 28P01 (FATAL) unless `given` is the password."""
    if not password_matches(expected, given):
        raise authentication_failed(user)


# -- message parsing (auth-scram.c) -------------------------------------------


def _malformed(detail: str) -> ProtocolViolation:
    return ProtocolViolation("malformed SCRAM message", fatal=False, detail=detail)


def _sanitize_char(ch: str) -> str:
    code = ord(ch) if ch else 0
    return f"'{ch}'" if 0x21 <= code <= 0x7E else f"0x{code:02x}"


def _char_at(text: str, i: int) -> str:
    """The character at i, or '' at the end (PostgreSQL's NUL terminator)."""
    return text[i] if i < len(text) else ""


def _value_from(text: str, i: int) -> tuple[str, int]:
    end = text.find(",", i)
    if end < 0:
        return text[i:], len(text)
    return text[i:end], end + 1


def _read_attr_value(text: str, i: int, attr: str) -> tuple[str, int]:
    ch = _char_at(text, i)
    if ch != attr:
        raise _malformed(f'Expected attribute "{attr}" but found '
                         f'"{_sanitize_char(ch)}".')
    if _char_at(text, i + 1) != "=":
        raise _malformed(f'Expected character "=" for attribute "{attr}".')
    return _value_from(text, i + 2)


def _read_any_attr(text: str, i: int) -> tuple[str, str, int]:
    attr = _char_at(text, i)
    if attr == "":
        raise _malformed("Attribute expected, but found end of string.")
    if not ("A" <= attr <= "Z" or "a" <= attr <= "z"):
        raise _malformed("Attribute expected, but found invalid character "
                         f'"{_sanitize_char(attr)}".')
    if _char_at(text, i + 1) != "=":
        raise _malformed(f'Expected character "=" for attribute "{attr}".')
    value, i = _value_from(text, i + 2)
    return attr, value, i


def _is_printable(text: str) -> bool:
    return all(0x21 <= ord(ch) <= 0x7E and ch != "," for ch in text)


def _exchange_input(data: bytes) -> str:
    """scram_exchange's input checks; bytes kept one-to-one as characters."""
    if not data:
        raise _malformed("The message is empty.")
    if b"\x00" in data:
        raise _malformed("Message length does not match input length.")
    return data.decode("latin-1")


class ScramServer:
    """One SCRAM-SHA-256 exchange for one connection attempt."""

    def __init__(self, password: str | ScramSecret, user: str = "", *,
                 nonce: str | None = None) -> None:
        self.secret = (password if isinstance(password, ScramSecret)
                       else ScramSecret.from_password(password))
        self.user = user
        self._server_nonce = nonce or base64.b64encode(
            secrets.token_bytes(RAW_NONCE_LENGTH)).decode("ascii")
        self._cbind_flag = ""
        self._client_nonce = ""
        self._client_first_bare = ""
        self._server_first = ""
        self.done = False

    def start(self, client_first: bytes) -> bytes:
        """Read client-first-message, answer server-first-message."""
        if self._server_first:
            raise RuntimeError("SCRAM exchange already started")
        text = _exchange_input(client_first)
        flag = text[0]
        if flag in ("n", "y"):
            # 'y': the client could bind but thinks we cannot; right, no TLS.
            if _char_at(text, 1) != ",":
                raise _malformed("Comma expected, but found character "
                                 f'"{_sanitize_char(_char_at(text, 1))}".')
            i = 2
        elif flag == "p":
            raise _malformed(
                "The client selected SCRAM-SHA-256 without channel binding, "
                "but the SCRAM message includes channel binding data.")
        else:
            raise _malformed(
                f'Unexpected channel-binding flag "{_sanitize_char(flag)}".')
        if _char_at(text, i) == "a":
            raise ProtocolViolation(
                "client uses authorization identity, but it is not supported",
                fatal=False, sqlstate=FEATURE_NOT_SUPPORTED)
        if _char_at(text, i) != ",":
            raise _malformed(
                f'Unexpected attribute "{_sanitize_char(_char_at(text, i))}" '
                "in client-first-message.")
        i += 1
        bare = text[i:]
        if _char_at(text, i) == "m":
            raise ProtocolViolation(
                "client requires an unsupported SCRAM extension",
                fatal=False, sqlstate=FEATURE_NOT_SUPPORTED)
        _username, i = _read_attr_value(text, i, "n")   # ignored, as in PG
        nonce, i = _read_attr_value(text, i, "r")
        if not _is_printable(nonce):
            raise ProtocolViolation("non-printable characters in SCRAM nonce",
                                    fatal=False)
        while i < len(text):                     # extensions: read, ignored
            _attr, _value, i = _read_any_attr(text, i)
        self._cbind_flag = flag
        self._client_nonce = nonce
        self._client_first_bare = bare
        salt = base64.b64encode(self.secret.salt).decode("ascii")
        self._server_first = (f"r={nonce}{self._server_nonce},s={salt},"
                              f"i={self.secret.iterations}")
        return self._server_first.encode("ascii")

    def finish(self, client_final: bytes) -> bytes:
        """Read client-final-message, check the proof, answer server-final."""
        if not self._server_first or self.done:
            raise RuntimeError("SCRAM exchange is not waiting for client-final")
        text = _exchange_input(client_final)
        binding, i = _read_attr_value(text, 0, "c")
        if not ((binding == "biws" and self._cbind_flag == "n")
                or (binding == "eSws" and self._cbind_flag == "y")):
            raise ProtocolViolation("unexpected SCRAM channel-binding attribute "
                                    "in client-final-message", fatal=False)
        final_nonce, i = _read_attr_value(text, i, "r")
        while True:                              # extensions until the proof
            proof_at = i - 1
            attr, value, i = _read_any_attr(text, i)
            if attr == "p":
                break
        try:
            proof = base64.b64decode(value, validate=True)
        except binascii.Error:
            proof = b""
        if len(proof) != KEY_LENGTH:
            raise _malformed("Malformed proof in client-final-message.")
        if i < len(text):
            raise _malformed("Garbage found at the end of client-final-message.")
        if final_nonce != self._client_nonce + self._server_nonce:
            raise ProtocolViolation("invalid SCRAM response", fatal=False,
                                    detail="Nonce does not match.")
        auth_message = ",".join((self._client_first_bare, self._server_first,
                                 text[:proof_at])).encode("latin-1")
        signature = _hmac(self.secret.stored_key, auth_message)
        client_key = bytes(a ^ b for a, b in zip(proof, signature))
        if not hmac.compare_digest(hashlib.sha256(client_key).digest(),
                                   self.secret.stored_key):
            raise authentication_failed(self.user)
        self.done = True
        server_signature = _hmac(self.secret.server_key, auth_message)
        return b"v=" + base64.b64encode(server_signature)
