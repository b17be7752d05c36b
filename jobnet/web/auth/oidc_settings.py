"""The settings of one OpenID Connect client (citizens or caseworkers) at one provider, read
from the OIDC_<KIND>_* configuration keys; the defaults are the embedded MitID simulator's."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

ClientKind = Literal["citizen", "caseworker"]

NSIS_PREFIX = "https://data.gov.dk/concept/core/nsis/"
NSIS_SUBSTANTIAL = NSIS_PREFIX + "Substantial"
#: NSIS assurance levels in increasing order.
LEVEL_ORDER: dict[str, int] = {"low": 1, "substantial": 2, "high": 3}
#: The claim values taken as each level: compared exactly, nothing else passes. A provider
#: with other URIs sets OIDC_<KIND>_LEVEL_URIS ("Low=uri,Substantial=uri,High=uri").
DEFAULT_LEVEL_URIS = ",".join(
    f"{name}={NSIS_PREFIX}{name}" for name in ("Low", "Substantial", "High")
)


def parse_level_uris(raw: str) -> dict[str, str]:
    """ "Low=uri,Substantial=uri" as {uri: "Low", ...}; every name must be an NSIS level."""
    uris: dict[str, str] = {}
    for pair in raw.split(","):
        name, _, uri = pair.strip().partition("=")
        if not pair.strip():
            continue
        if name.strip().lower() not in LEVEL_ORDER or not uri.strip():
            raise ValueError(f"assurance level URIs: {pair.strip()!r} is not Level=uri")
        uris[uri.strip()] = name.strip().capitalize()
    return uris


@dataclass(frozen=True)
class ClaimNames:
    """Where the provider puts each identity claim. Defaults: the MitID broker names."""

    cpr: str = "dk.cpr"
    uuid: str = "mitid.uuid"
    loa: str = "loa"
    given_name: str = "given_name"
    family_name: str = "family_name"
    name: str = "name"
    cvr: str = "dk.cvr"
    organisation_name: str = "dk.org_name"
    municipality_code: str = "dk.municipality_code"
    professional_id: str = "mitid.professional_id"
    role: str = "jobnet.role"


_DEFAULT_SCOPES: dict[ClientKind, str] = {
    "citizen": "openid profile ssn mitid",
    "caseworker": "openid profile professional",
}
_DEFAULT_CLIENT_IDS: dict[ClientKind, str] = {
    "citizen": "jobnet-citizen",
    "caseworker": "jobnet-caseworker",
}
_DEFAULT_CALLBACK_PATHS: dict[ClientKind, str] = {
    "citizen": "/auth/callback",
    "caseworker": "/auth/caseworker/callback",
}
_DEFAULT_SECRETS: dict[ClientKind, str] = {
    "citizen": "dev-citizen-secret",
    "caseworker": "dev-caseworker-secret",
}
DEFAULT_POST_LOGOUT_PATH = "/auth/logged-out"


@dataclass(frozen=True)
class OidcSettings:
    """One client at one provider."""

    kind: ClientKind
    issuer: str
    client_id: str
    client_secret: str
    redirect_uri: str
    scopes: str
    post_logout_redirect_uri: str | None = None
    acr_values: str | None = NSIS_SUBSTANTIAL
    min_level: str = "Substantial"
    level_uris: str = DEFAULT_LEVEL_URIS
    claims: ClaimNames = field(default_factory=ClaimNames)
    token_endpoint_auth_method: str = "client_secret_basic"  # noqa: S105 - a method name
    timeout_seconds: float = 5.0
    leeway_seconds: int = 60
    metadata_max_age_seconds: int = 3600
    jwks_min_refresh_seconds: int = 30

    def __post_init__(self) -> None:
        if self.min_level.lower() not in LEVEL_ORDER:
            raise ValueError(f"unknown assurance level {self.min_level!r}")
        parse_level_uris(self.level_uris)
        if not self.issuer:
            raise ValueError(f"the {self.kind} OIDC issuer is not configured")

    @classmethod
    def from_config(cls, config: Mapping[str, Any], kind: ClientKind) -> OidcSettings:
        """Read OIDC_<KIND>_* keys (KIND is CITIZEN or CASEWORKER); see `config_defaults`.

        An empty issuer means the embedded MitID simulator when MITID_SIMULATOR_ENABLED is
        true; empty redirect and post-logout URIs are the app's own, under PUBLIC_BASE_URL.
        """
        prefix = f"OIDC_{kind.upper()}_"
        defaults = config_defaults(kind)

        def get(name: str) -> Any:
            value = config.get(prefix + name)
            return defaults[prefix + name] if value is None else value

        base_url = str(config.get("PUBLIC_BASE_URL", "")).rstrip("/")
        issuer = str(get("ISSUER") or "")
        if not issuer and config.get("MITID_SIMULATOR_ENABLED"):
            issuer = str(config.get("MITID_SIM_ISSUER") or f"{base_url}/mitid-sim").rstrip("/")
        claims = ClaimNames(
            **{name: str(get(f"CLAIM_{name.upper()}")) for name in ClaimNames.__dataclass_fields__}
        )
        return cls(
            kind=kind,
            issuer=issuer,
            client_id=str(get("CLIENT_ID")),
            client_secret=str(get("CLIENT_SECRET")),
            redirect_uri=str(get("REDIRECT_URI") or base_url + _DEFAULT_CALLBACK_PATHS[kind]),
            scopes=str(get("SCOPES")),
            post_logout_redirect_uri=str(
                get("POST_LOGOUT_REDIRECT_URI") or base_url + DEFAULT_POST_LOGOUT_PATH
            ),
            acr_values=str(get("ACR_VALUES")) or None,
            min_level=str(get("MIN_LEVEL")),
            level_uris=str(get("LEVEL_URIS")),
            claims=claims,
            token_endpoint_auth_method=str(get("TOKEN_AUTH_METHOD")),
            timeout_seconds=float(get("TIMEOUT_SECONDS")),
        )


def config_defaults(kind: ClientKind) -> dict[str, Any]:
    """The OIDC_<KIND>_* configuration keys and their defaults (the embedded simulator's)."""
    prefix = f"OIDC_{kind.upper()}_"
    claim_defaults = {
        f"{prefix}CLAIM_{name.upper()}": value for name, value in ClaimNames().__dict__.items()
    }
    return {
        f"{prefix}ISSUER": "",
        f"{prefix}CLIENT_ID": _DEFAULT_CLIENT_IDS[kind],
        f"{prefix}CLIENT_SECRET": _DEFAULT_SECRETS[kind],
        f"{prefix}SCOPES": _DEFAULT_SCOPES[kind],
        f"{prefix}REDIRECT_URI": "",
        f"{prefix}POST_LOGOUT_REDIRECT_URI": "",
        f"{prefix}ACR_VALUES": NSIS_SUBSTANTIAL,
        f"{prefix}MIN_LEVEL": "Substantial",
        f"{prefix}LEVEL_URIS": DEFAULT_LEVEL_URIS,
        f"{prefix}TOKEN_AUTH_METHOD": "client_secret_basic",
        f"{prefix}TIMEOUT_SECONDS": 5.0,
        **claim_defaults,
    }
