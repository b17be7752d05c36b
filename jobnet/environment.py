"""What both services' settings stand on: reading the environment, the error for unsafe
settings, and the connected systems' tokens. Neither service's settings import the other's."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INSTANCE_DIR = PROJECT_ROOT / "instance"
DEV_DFDG_TOKEN = "dev-jobnet-web-token"  # noqa: S105 - refused in production
ENVIRONMENTS = ("development", "test", "production")


class UnsafeConfiguration(RuntimeError):
    """Raised when production is started with settings that would be unsafe."""


def environment_name(name: str | None = None) -> str:
    """The environment asked for: `name`, else JOBNET_ENV, else development."""
    chosen = name or os.environ.get("JOBNET_ENV") or "development"
    if chosen not in ENVIRONMENTS:
        raise UnsafeConfiguration(
            f"JOBNET_ENV={chosen!r} is unknown; use one of {', '.join(ENVIRONMENTS)}"
        )
    return chosen


def coerce(raw: str, default: Any) -> Any:
    """An environment variable's text as the type of the setting's default."""
    if isinstance(default, bool):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw)
    return raw


def from_environment(defaults: dict[str, Any]) -> dict[str, Any]:
    """`defaults`, each overridden by an environment variable of the same name."""
    settings = dict(defaults)
    for key, default in defaults.items():
        if key in os.environ and key != "ENV_NAME":
            settings[key] = coerce(os.environ[key], default)
    return settings


def parse_system_tokens(raw: str) -> dict[str, str]:
    """Parse "system=token,other=token2" into {"system": "token", ...}."""
    tokens: dict[str, str] = {}
    for pair in raw.split(","):
        if not pair.strip():
            continue
        system, _, token = pair.partition("=")
        if not token.strip():
            raise UnsafeConfiguration(f"DFDG_SYSTEM_TOKENS entry {system.strip()!r} has no token")
        tokens[system.strip()] = token.strip()
    return tokens


def require_postgresql(settings: dict[str, Any], key: str) -> None:
    url = settings.get(key) or ""
    if not url or url.startswith("sqlite"):
        raise UnsafeConfiguration(f"production needs {key} pointing at PostgreSQL, not SQLite")


def require_system_tokens(settings: dict[str, Any]) -> None:
    tokens = parse_system_tokens(settings.get("DFDG_SYSTEM_TOKENS") or "")
    if not tokens:
        raise UnsafeConfiguration(
            "production needs DFDG_SYSTEM_TOKENS: name=token for each connected system"
        )
    for system, token in tokens.items():
        if len(token) < 24 or token == DEV_DFDG_TOKEN:
            raise UnsafeConfiguration(
                f"production needs a random token of at least 24 characters for {system!r} "
                "in DFDG_SYSTEM_TOKENS"
            )
