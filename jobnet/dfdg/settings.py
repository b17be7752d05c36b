"""DFDG's own settings, by environment (JOBNET_ENV), each overridable by an environment variable
of the same name. The service reads nothing of the web app's configuration; when the web app
mounts DFDG in-process (the embedded default) it hands over its own settings of these names."""

from __future__ import annotations

from typing import Any

from jobnet.environment import (
    DEV_DFDG_TOKEN,
    INSTANCE_DIR,
    UnsafeConfiguration,
    environment_name,
    from_environment,
    require_postgresql,
    require_system_tokens,
)

DEVELOPMENT: dict[str, Any] = {
    "ENV_NAME": "development",
    "DFDG_DATABASE_URL": f"sqlite:///{INSTANCE_DIR / 'dfdg.sqlite'}",
    "DFDG_SYSTEM_TOKENS": f"jobnet-web={DEV_DFDG_TOKEN}",
    "AUTO_MIGRATE": True,
    "LOAD_DEMO_DATA": True,
}
DEFAULTS: dict[str, dict[str, Any]] = {
    "development": DEVELOPMENT,
    "test": {**DEVELOPMENT, "ENV_NAME": "test", "LOAD_DEMO_DATA": False},
    "production": {
        "ENV_NAME": "production",
        "DFDG_DATABASE_URL": "",
        "DFDG_SYSTEM_TOKENS": "",
        "AUTO_MIGRATE": False,
        "LOAD_DEMO_DATA": False,
    },
}


def validate(settings: dict[str, Any]) -> None:
    """Refuse unsafe settings in production: demo data, SQLite, missing or weak tokens."""
    if settings.get("ENV_NAME") != "production":
        return
    if settings.get("LOAD_DEMO_DATA"):
        raise UnsafeConfiguration("production refuses to load demo data (LOAD_DEMO_DATA)")
    require_postgresql(settings, "DFDG_DATABASE_URL")
    require_system_tokens(settings)


def load_dfdg_settings(
    name: str | None = None, overrides: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The DFDG service's settings of one environment: defaults, environment, overrides."""
    settings = from_environment(DEFAULTS[environment_name(name)])
    settings.update(overrides or {})
    validate(settings)
    return settings
