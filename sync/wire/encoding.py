"""Byte-level helpers every message uses: canonical JSON, base64url, digests, signing domains."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from sync.wire.errors import MALFORMED_JSON, MalformedError, SignatureError


def canonical_json(obj: Any) -> bytes:
    """The one byte form of a JSON value that is signed or hashed: sorted keys, no spaces, UTF-8."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def parse_json(data: bytes | str, *, what: str, code: str = MALFORMED_JSON) -> Any:
    """Parse JSON or raise ``MalformedError`` naming ``what`` and the position of the fault."""
    try:
        obj = json.loads(data, parse_constant=_no_constant)
    except UnicodeDecodeError as exc:
        raise MalformedError(f"{what} is not UTF-8 text (byte {exc.start})", code=code) from None
    except json.JSONDecodeError as exc:
        raise MalformedError(f"{what} is not valid JSON: {exc.msg} at line {exc.lineno} "
                             f"column {exc.colno}", code=code) from None
    except RecursionError:
        raise MalformedError(f"{what} is nested too deeply", code=code) from None
    except ValueError as exc:
        raise MalformedError(f"{what} is not valid JSON: {exc}", code=code) from None
    if _SURROGATE.search(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data) \
            and not _is_unicode(obj):
        raise MalformedError(f"{what} holds a lone UTF-16 surrogate (\\ud800-\\udfff not in a pair), "
                             "which is not Unicode text and cannot be signed as UTF-8", code=code)
    return obj


# An escaped or raw UTF-16 surrogate: only then can a parsed string hold one that is not in a pair.
_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]|\xed[\xa0-\xbf]")


def _is_unicode(obj: Any) -> bool:
    try:
        json.dumps(obj, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _no_constant(name: str) -> Any:
    # NaN and Infinity are not JSON and cannot be signed canonically.
    raise ValueError(f"{name} is not allowed")


_BASE64URL = re.compile(r"[A-Za-z0-9_-]*={0,2}")


def b64e(data: bytes) -> str:
    """base64url without padding."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64d(text: Any, *, what: str, length: int | None = None, code: str) -> bytes:
    """Decode base64url (padding optional) or raise ``MalformedError`` naming ``what``."""
    if not isinstance(text, str):
        raise MalformedError(f"{what} must be a base64url string", code=code)
    # The decoder would skip characters outside the alphabet; the protocol allows none.
    if not _BASE64URL.fullmatch(text):
        raise MalformedError(f"{what} is not valid base64url", code=code)
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise MalformedError(f"{what} is not valid base64url", code=code) from None
    if length is not None and len(raw) != length:
        raise MalformedError(f"{what} must be {length} bytes, got {len(raw)}", code=code)
    return raw


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sign(key: Ed25519PrivateKey, domain: bytes, data: bytes) -> bytes:
    """Ed25519 over ``domain + b"\\n" + data``; the domain keeps one message type's
    signature from ever verifying as another's."""
    return key.sign(domain + b"\n" + data)


def verify(key: Ed25519PublicKey, signature: bytes, domain: bytes, data: bytes, *, what: str,
           code: str) -> None:
    try:
        key.verify(signature, domain + b"\n" + data)
    except InvalidSignature:
        raise SignatureError(f"the signature on {what} does not verify", code=code,
                             hint="tampered in transit, or signed by a key other than the pinned one"
                             ) from None
