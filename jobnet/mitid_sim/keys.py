"""The simulator's signing keys and pseudonym secret, generated on first start and kept in a file.

The file (MITID_SIM_KEY_PATH, default `<instance dir>/mitid-sim-key.json`) holds a JSON object::

    {"signing_keys": [<private RSA JWK>, ...], "pseudonym_secret": "<hex>"}

The first key signs; older keys stay published in the JWKS after a rotation, so ID tokens
signed before it still verify. Each key's `kid` is its RFC 7638 thumbprint. The pseudonym
secret makes the stable pseudonymous identifiers (`sub`, `mitid.uuid`) that are derived from a
CPR number or a professional id.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from joserfc.jwk import KeySet, RSAKey

SIGNING_ALGORITHM = "RS256"
_KEY_SIZE = 2048
_KEPT_PREVIOUS_KEYS = 1


@dataclass(frozen=True)
class SimulatorKeys:
    """The signing keys (newest first) and the secret behind pseudonymous identifiers."""

    signing_keys: tuple[RSAKey, ...]
    pseudonym_secret: bytes

    @property
    def current(self) -> RSAKey:
        return self.signing_keys[0]

    @property
    def kid(self) -> str:
        return str(self.current.kid)

    def public_key_set(self) -> KeySet:
        return KeySet([RSAKey.import_key(key.as_dict(private=False)) for key in self.signing_keys])

    def public_jwks(self) -> dict[str, Any]:
        return {"keys": [_public_jwk(key) for key in self.signing_keys]}

    def pseudonym(self, purpose: str, value: str) -> str:
        """A stable UUID for `value` that reveals nothing about it without the secret."""
        digest = hmac.new(
            self.pseudonym_secret, f"{purpose}:{value}".encode(), hashlib.sha256
        ).digest()
        return str(uuid.UUID(bytes=digest[:16], version=4))


def _public_jwk(key: RSAKey) -> dict[str, Any]:
    data: dict[str, Any] = dict(key.as_dict(private=False))
    data.update({"use": "sig", "alg": SIGNING_ALGORITHM, "kid": key.kid})
    return data


def _new_key() -> RSAKey:
    key = RSAKey.generate_key(_KEY_SIZE, parameters={"use": "sig", "alg": SIGNING_ALGORITHM})
    key.ensure_kid()
    return key


def _serialise(keys: SimulatorKeys) -> str:
    data = {
        "signing_keys": [dict(key.as_dict(private=True)) for key in keys.signing_keys],
        "pseudonym_secret": keys.pseudonym_secret.hex(),
    }
    return json.dumps(data, indent=2)


def _deserialise(text: str) -> SimulatorKeys:
    data = json.loads(text)
    signing_keys = []
    for item in data["signing_keys"]:
        key = RSAKey.import_key(item)
        key.ensure_kid()
        signing_keys.append(key)
    if not signing_keys:
        raise ValueError("the MitID simulator key file holds no signing key")
    return SimulatorKeys(tuple(signing_keys), bytes.fromhex(data["pseudonym_secret"]))


def _write_private_file(path: Path, text: str) -> None:
    """Write `text` to `path` readable by the owner only, replacing it atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, path)


_file_lock = threading.Lock()


def load_or_create_keys(path: Path) -> SimulatorKeys:
    """The keys kept at `path`, generated and written there on first use."""
    with _file_lock:
        if path.exists():
            return _deserialise(path.read_text(encoding="utf-8"))
        keys = SimulatorKeys((_new_key(),), secrets.token_bytes(32))
        _write_private_file(path, _serialise(keys))
        return keys


def rotate_keys(path: Path) -> SimulatorKeys:
    """Make a new signing key; the previous one stays published so its tokens still verify."""
    with _file_lock:
        old = _deserialise(path.read_text(encoding="utf-8")) if path.exists() else None
        previous = old.signing_keys[:_KEPT_PREVIOUS_KEYS] if old else ()
        secret = old.pseudonym_secret if old else secrets.token_bytes(32)
        keys = SimulatorKeys((_new_key(), *previous), secret)
        _write_private_file(path, _serialise(keys))
        return keys
