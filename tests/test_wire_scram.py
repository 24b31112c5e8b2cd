"""SCRAM-SHA-256 server side, driven by a real client implementation
(`scramp`, the one pg8000 uses), plus PostgreSQL's parse errors."""

from __future__ import annotations

import base64
import hashlib
import hmac

import pytest
import scramp

from twinning.errors import SqlError
from twinning.wire.scram import (
    DEFAULT_ITERATIONS, ScramSecret, ScramServer, check_cleartext,
    check_mechanism, password_matches, saslprep,
)
from twinning.wire.violation import ProtocolViolation


def exchange(server: ScramServer, client_password: str, username: str = "alice") -> bytes:
    client = scramp.ScramClient(["SCRAM-SHA-256"], username, client_password)
    server_first = server.start(client.get_client_first().encode())
    client.set_server_first(server_first.decode())
    server_final = server.finish(client.get_client_final().encode())
    client.set_server_final(server_final.decode())   # verifies the server
    return server_final


@pytest.fixture(scope="module")
def secret() -> ScramSecret:
    return ScramSecret.from_password("s3cret pässword", salt=b"0123456789abcdef")


def test_scramp_client_authenticates(secret):
    server = ScramServer(secret, "alice")
    assert exchange(server, "s3cret pässword").startswith(b"v=")
    assert server.done


def test_plain_password_and_username_in_message_ignored():
    # libpq sends n=, pg8000 the user name: PostgreSQL ignores both.
    assert exchange(ScramServer("pw", "bob"), "pw", username="somebody else")


def test_wrong_password_is_28p01_fatal(secret):
    server = ScramServer(secret, "alice")
    with pytest.raises(SqlError) as info:
        exchange(server, "wrong")
    error = info.value
    assert (error.sqlstate, error.message, error.severity) == (
        "28P01", 'password authentication failed for user "alice"', "FATAL")
    assert not server.done


def test_server_first_message_shape(secret):
    server = ScramServer(secret, nonce="SERVERNONCE")
    first = server.start(b"n,,n=,r=clientnonce").decode()
    salt = base64.b64encode(secret.salt).decode()
    assert first == f"r=clientnonceSERVERNONCE,s={salt},i={DEFAULT_ITERATIONS}"


def test_random_server_nonce_is_24_printable_chars():
    first = ScramServer("pw").start(b"n,,n=,r=c").decode()
    nonce = first.split(",")[0][len("r=c"):]
    assert len(nonce) == 24 and "," not in nonce


def test_known_vector_with_fixed_nonces():
    """RFC 7677's example, with the PostgreSQL empty-username convention."""
    secret = ScramSecret.from_password(
        "pencil", salt=base64.b64decode("W22ZaJ0SNY7soEsUEjb6gQ=="), iterations=4096)
    server = ScramServer(secret, nonce="%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0")
    first = server.start(b"n,,n=user,r=rOprNGfwEbeRWgbNEkqO")
    assert first == (b"r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                     b"s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")
    final = server.finish(b"c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                          b"p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")
    assert final == b"v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="


def test_channel_binding_flag_y_accepted():
    client = scramp.ScramClient(["SCRAM-SHA-256"], "alice", "pw")
    first = client.get_client_first()
    assert first.startswith("n,,")
    server = ScramServer("pw")
    server.start(("y" + first[1:]).encode())
    # the c= attribute must then be base64("y,,") == "eSws"
    with pytest.raises(ProtocolViolation) as info:
        server.finish(b"c=biws,r=x,p=" + base64.b64encode(b"\x00" * 32))
    assert info.value.message == \
        "unexpected SCRAM channel-binding attribute in client-final-message"


def test_verify_secret_text_round_trip(secret):
    text = secret.to_text()
    assert text.startswith("SCRAM-SHA-256$4096:")
    assert ScramSecret.parse(text) == secret
    for bad in ("md5abc", "SCRAM-SHA-256$4096:c2FsdA==$YQ==:YQ==", "SCRAM-SHA-256$x"):
        with pytest.raises(ValueError):
            ScramSecret.parse(bad)


def test_secret_matches_scramp_server_side():
    salt = b"saltsaltsaltsalt"
    _salt, stored_key, server_key, iterations = scramp.ScramMechanism(
        "SCRAM-SHA-256").make_auth_info("pw", iteration_count=4096, salt=salt)
    secret = ScramSecret.from_password("pw", salt=salt)
    assert (secret.stored_key, secret.server_key, secret.iterations) == (
        stored_key, server_key, iterations)


def test_saslprep_like_postgres():
    assert saslprep("plain ascii\x01") == "plain ascii\x01"     # ASCII untouched
    assert saslprep("I\u00adX") == "IX"                          # mapped to nothing
    assert saslprep("a\u00a0b") == "a b"                         # non-ASCII space
    assert saslprep("\u2168") == "IX"                            # NFKC
    assert saslprep("\u0007\u00e9") is None                      # prohibited
    assert saslprep("\u00ad") is None                            # empty after mapping
    assert saslprep("\u0627\u0031") is None                      # bidi rule
    # PostgreSQL then uses the raw password: both sides must agree on it.
    secret = ScramSecret.from_password("\u0007\u00e9")
    assert secret.verify_password("\u0007\u00e9")


def test_cleartext_checks():
    assert password_matches("s3cret", "s3cret")
    assert not password_matches("s3cret", "S3cret")
    assert password_matches("\u2168", "IX")                      # after SASLprep
    secret = ScramSecret.from_password("s3cret")
    assert password_matches(secret, "s3cret")
    assert not password_matches(secret, "nope")
    check_cleartext(secret, "s3cret", "bob")
    with pytest.raises(SqlError) as info:
        check_cleartext("s3cret", "nope", "bob")
    assert (info.value.sqlstate, info.value.message, info.value.severity) == (
        "28P01", 'password authentication failed for user "bob"', "FATAL")


def test_mechanism_check():
    check_mechanism("SCRAM-SHA-256")
    for name in ("SCRAM-SHA-256-PLUS", "PLAIN", ""):
        with pytest.raises(ProtocolViolation) as info:
            check_mechanism(name)
        assert info.value.message == \
            "client selected an invalid SASL authentication mechanism"


# -- PostgreSQL's malformed-message errors (auth-scram.c) --------------------------------

MALFORMED = "malformed SCRAM message"


@pytest.mark.parametrize("client_first,sqlstate,message,detail", [
    (b"", "08P01", MALFORMED, "The message is empty."),
    (b"n,,n=,r=a\x00b", "08P01", MALFORMED, "Message length does not match input length."),
    (b"x,,n=,r=a", "08P01", MALFORMED, "Unexpected channel-binding flag \"'x'\"."),
    (b"n;,n=,r=a", "08P01", MALFORMED, "Comma expected, but found character \"';'\"."),
    (b"n", "08P01", MALFORMED, 'Comma expected, but found character "0x00".'),
    (b"p=tls-server-end-point,,n=,r=a", "08P01", MALFORMED,
     "The client selected SCRAM-SHA-256 without channel binding, but the SCRAM "
     "message includes channel binding data."),
    (b"n,a=x,n=,r=a", "0A000",
     "client uses authorization identity, but it is not supported", None),
    (b"n,b,n=,r=a", "08P01", MALFORMED, "Unexpected attribute \"'b'\" in client-first-message."),
    (b"n,,m=x,n=,r=a", "0A000", "client requires an unsupported SCRAM extension", None),
    (b"n,,r=a", "08P01", MALFORMED, "Expected attribute \"n\" but found \"'r'\"."),
    (b"n,,n,r=a", "08P01", MALFORMED, 'Expected character "=" for attribute "n".'),
    (b"n,,n=", "08P01", MALFORMED, 'Expected attribute "r" but found "0x00".'),
    (b"n,,n=,r=a\x7f", "08P01", "non-printable characters in SCRAM nonce", None),
    (b"n,,n=,r=a,1=x", "08P01", MALFORMED,
     "Attribute expected, but found invalid character \"'1'\"."),
    (b"n,,n=,r=a,x", "08P01", MALFORMED, 'Expected character "=" for attribute "x".'),
    (b"n,,n=,r=a\xff", "08P01", "non-printable characters in SCRAM nonce", None),
])
def test_client_first_errors(client_first, sqlstate, message, detail):
    with pytest.raises(SqlError) as info:
        ScramServer("pw").start(client_first)
    error = info.value
    assert (error.sqlstate, error.message, error.detail) == (sqlstate, message, detail)
    assert error.severity == "ERROR"   # the connection promotes it to FATAL


def test_client_first_extensions_are_ignored():
    assert ScramServer("pw").start(b"n,,n=,r=abc,x=1,y=2").startswith(b"r=abc")


def test_empty_client_nonce_is_accepted_as_postgres_does():
    assert ScramServer("pw").start(b"n,,n=,r=").startswith(b"r=")


def started(nonce: str = "S") -> ScramServer:
    server = ScramServer("pw", "bob", nonce=nonce)
    server.start(b"n,,n=,r=C")
    return server


PROOF = base64.b64encode(b"\x01" * 32)


@pytest.mark.parametrize("client_final,message,detail", [
    (b"", MALFORMED, "The message is empty."),
    (b"r=CS,p=" + PROOF, MALFORMED, "Expected attribute \"c\" but found \"'r'\"."),
    (b"c=eSws,r=CS,p=" + PROOF,
     "unexpected SCRAM channel-binding attribute in client-final-message", None),
    (b"c=biws,p=" + PROOF, MALFORMED, "Expected attribute \"r\" but found \"'p'\"."),
    (b"c=biws,r=CS", MALFORMED, "Attribute expected, but found end of string."),
    (b"c=biws,r=CS,p=abc", MALFORMED, "Malformed proof in client-final-message."),
    (b"c=biws,r=CS,p=" + PROOF + b",x=1", MALFORMED,
     "Garbage found at the end of client-final-message."),
    (b"c=biws,r=CX,p=" + PROOF, "invalid SCRAM response", "Nonce does not match."),
])
def test_client_final_errors(client_final, message, detail):
    with pytest.raises(ProtocolViolation) as info:
        started().finish(client_final)
    assert (info.value.sqlstate, info.value.message, info.value.detail) == (
        "08P01", message, detail)


def test_client_final_extensions_before_proof_are_signed():
    """Extensions sit in client-final-without-proof, so they are signed."""
    secret = ScramSecret.from_password("pw", salt=b"s" * 16)
    server = ScramServer(secret, nonce="S")
    server.start(b"n,,n=,r=C")
    without_proof = "c=biws,r=CS,x=ext"
    salted = hashlib.pbkdf2_hmac("sha256", b"pw", secret.salt, 4096)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    auth = ",".join(["n=,r=C", f"r=CS,s={base64.b64encode(secret.salt).decode()},i=4096",
                     without_proof]).encode()
    signature = hmac.new(secret.stored_key, auth, hashlib.sha256).digest()
    proof = bytes(a ^ b for a, b in zip(client_key, signature))
    final = server.finish(f"{without_proof},p={base64.b64encode(proof).decode()}".encode())
    assert final.startswith(b"v=")


def test_exchange_order_is_enforced():
    with pytest.raises(RuntimeError):
        ScramServer("pw").finish(b"c=biws,r=x,p=y")
    server = started()
    with pytest.raises(RuntimeError):
        server.start(b"n,,n=,r=C")
