"""The registry of connected systems: what each may do, and the keys it signs assertions with.

Read once at start from DFDG_SYSTEMS (JSON, or the path of a JSON file):

    {"jobnet-web": {
        "actor_types": ["citizen", "caseworker"],     # who it may say acts
        "organisations": "*",                          # the CVRs its caseworkers may act for
        "operations": {"*": "write"},                  # area -> none | read | write
        "system_operations": ["list_organisations"],   # endpoints it may call with no one acting
        "funds": ["12345678"],                         # the funds (CVR) whose event feed it reads
        "keys": [{"kty": "OKP", "crv": "Ed25519", "x": "..."}]}}

A system's bearer tokens are in DFDG_SYSTEM_TOKENS (secret); this registry holds nothing
secret. Two keys (or two tokens) listed at once is how either is rotated without downtime.
Empty DFDG_SYSTEMS: jobnet-web with every scope and the development key (production refuses).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from joserfc.errors import JoseError
from joserfc.jwk import ECKey, KeySet, OctKey, OKPKey, RSAKey
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from jobnet.environment import DEV_ASSERTION_PUBLIC_X, UnsafeConfiguration

Level = Literal["none", "read", "write"]
_RANK = {"none": 0, "read": 1, "write": 2}
ANY = "*"
# Never answered to a system acting as itself, whatever it is registered with: the whole
# record of a person is for the person (and the caseworkers the access rules allow).
# What the web app's notifications worker calls, acting as itself (issue 23).
NOTIFIER_OPERATIONS = ("list_notices", "acknowledge_notices", "count_unread_messages")
NEVER_SYSTEM_ONLY = frozenset({"export_person", "record_history", "audit_log"})


class _SystemEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    actor_types: list[Literal["citizen", "caseworker"]] = Field(default_factory=list)
    organisations: Literal["*"] | list[str] = Field(default_factory=list)
    operations: dict[str, Level] = Field(default_factory=dict)
    system_operations: list[str] = Field(default_factory=list)
    funds: list[str] = Field(default_factory=list)
    keys: list[dict[str, Any]] = Field(default_factory=list)


@dataclass(frozen=True)
class ConnectedSystem:
    name: str
    actor_types: frozenset[str]
    organisations: frozenset[str] | None  # None: any organisation in DFDG's registry
    operations: Mapping[str, str]
    system_operations: frozenset[str]
    keys: KeySet
    # The unemployment insurance funds (CVR) whose event feed the system may read.
    funds: frozenset[str] = frozenset()

    def may_read_feed_of(self, fund_cvr: str) -> bool:
        return fund_cvr in self.funds

    def may_assert(self, actor_type: str) -> bool:
        return actor_type in self.actor_types

    def may_act_for(self, cvr: str | None) -> bool:
        return self.organisations is None or (cvr is not None and cvr in self.organisations)

    def may(self, area: str, level: str) -> bool:
        granted = self.operations.get(area, self.operations.get(ANY, "none"))
        return _RANK[granted] >= _RANK[level]

    def may_call_without_actor(self, endpoint: str) -> bool:
        return endpoint in self.system_operations and endpoint not in NEVER_SYSTEM_ONLY


def development_registry() -> dict[str, Any]:
    """jobnet-web with every scope and the development key: development and tests only."""
    return {
        "jobnet-web": {
            "actor_types": ["citizen", "caseworker"],
            "organisations": ANY,
            "operations": {ANY: "write"},
            "system_operations": [
                "list_organisations",
                "get_organisation",
                *NOTIFIER_OPERATIONS,
            ],
            "keys": [{"kty": "OKP", "crv": "Ed25519", "x": DEV_ASSERTION_PUBLIC_X}],
        }
    }


def _key(data: Mapping[str, Any]) -> OKPKey | ECKey:
    if "d" in data:
        raise UnsafeConfiguration("DFDG_SYSTEMS holds a private key: register public keys only")
    if data.get("kty") == "OKP" and data.get("crv") == "Ed25519":
        return OKPKey.import_key(dict(data))
    if data.get("kty") == "EC" and data.get("crv") == "P-256":
        return ECKey.import_key(dict(data))
    raise UnsafeConfiguration("DFDG_SYSTEMS keys must be Ed25519 (OKP) or P-256 (EC) public JWKs")


def _with_kids(keys: list[dict[str, Any]]) -> KeySet:
    """The keys, each found by its `kid` (the JWK thumbprint when none is given)."""
    imported: list[OctKey | RSAKey | ECKey | OKPKey] = []
    for data in keys:
        key = _key(data)
        kid = data.get("kid") or key.thumbprint()
        imported.append(key.__class__.import_key(key.as_dict(private=False), {"kid": kid}))
    return KeySet(imported)


def parse_registry(raw: str | Mapping[str, Any]) -> dict[str, ConnectedSystem]:
    """The registry from JSON text, a JSON file's path, or a mapping; empty: development's."""
    if isinstance(raw, str):
        text = raw.strip()
        if not text:
            data: Any = development_registry()
        else:
            try:
                data = json.loads(text if text.startswith("{") else Path(text).read_text("utf-8"))
            except (OSError, ValueError) as error:
                raise UnsafeConfiguration(f"DFDG_SYSTEMS cannot be read: {error}") from None
    else:
        data = raw
    if not isinstance(data, dict):
        raise UnsafeConfiguration("DFDG_SYSTEMS must be a JSON object of systems")
    systems: dict[str, ConnectedSystem] = {}
    for name, body in data.items():
        try:
            entry = _SystemEntry.model_validate(body)
            keys = _with_kids(entry.keys)
        except (ValidationError, JoseError, ValueError) as error:
            first = str(error).splitlines()[0]
            raise UnsafeConfiguration(f"DFDG_SYSTEMS entry {name!r} is invalid: {first}") from None
        systems[name] = ConnectedSystem(
            name=name,
            actor_types=frozenset(entry.actor_types),
            organisations=None if entry.organisations == ANY else frozenset(entry.organisations),
            operations=dict(entry.operations),
            system_operations=frozenset(entry.system_operations),
            keys=keys,
            funds=frozenset(entry.funds),
        )
    return systems


def unknown_system(name: str) -> ConnectedSystem:
    """A system with a token but no registry entry: it may do nothing."""
    return ConnectedSystem(name, frozenset(), frozenset(), {}, frozenset(), KeySet([]))
