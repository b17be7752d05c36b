"""DFDG's own settings, by environment (JOBNET_ENV), each overridable by an environment variable
of the same name. The service reads nothing of the web app's configuration; when the web app
mounts DFDG in-process (the embedded default) it hands over its own settings of these names."""

from __future__ import annotations

from typing import Any

from jobnet.environment import (
    DEFAULT_ASSERTION_AUDIENCE,
    DEV_DFDG_TOKEN,
    INSTANCE_DIR,
    UnsafeConfiguration,
    environment_name,
    from_environment,
    require_postgresql,
    require_system_registry,
    require_system_tokens,
)

DEVELOPMENT: dict[str, Any] = {
    "ENV_NAME": "development",
    "DFDG_DATABASE_URL": f"sqlite:///{INSTANCE_DIR / 'dfdg.sqlite'}",
    "DFDG_SYSTEM_TOKENS": f"jobnet-web={DEV_DFDG_TOKEN}",
    # The registry of connected systems (JSON or a JSON file's path; see jobnet.dfdg.systems);
    # empty: jobnet-web with the development key, which production refuses.
    "DFDG_SYSTEMS": "",
    "DFDG_ASSERTION_AUDIENCE": DEFAULT_ASSERTION_AUDIENCE,
    "AUTO_MIGRATE": True,
    "LOAD_DEMO_DATA": True,
    # Answers of 401 (a wrong bearer token) to one address, over which it gets 429.
    "ABUSE_LIMITS_ENABLED": True,
    "DFDG_TOKEN_FAILURE_LIMIT": "10 per minute;100 per hour",
    # With the demo data: a synthetic population of this many jobseekers for the public
    # statistics (jobnet.dfdg.synthetic); 0 for none.
    "SYNTHETIC_PERSONS": 25000,
    # Messages with the job centre are kept this many days after a thread's last message,
    # then deleted by `dfdg purge-messages` (issue 23).
    "MESSAGE_RETENTION_DAYS": 5 * 365,
    # The funds' webhooks for their events (JSON or a JSON file's path; jobnet.dfdg.fund_webhooks).
    "DFDG_FUND_WEBHOOKS": "",
}
DEFAULTS: dict[str, dict[str, Any]] = {
    "development": DEVELOPMENT,
    "test": {
        **DEVELOPMENT,
        "ENV_NAME": "test",
        "LOAD_DEMO_DATA": False,
        "ABUSE_LIMITS_ENABLED": False,  # the limit's own test turns it on
        "SYNTHETIC_PERSONS": 0,
    },
    "production": {
        "ENV_NAME": "production",
        "DFDG_DATABASE_URL": "",
        "DFDG_SYSTEM_TOKENS": "",
        "DFDG_SYSTEMS": "",
        "DFDG_ASSERTION_AUDIENCE": DEFAULT_ASSERTION_AUDIENCE,
        "AUTO_MIGRATE": False,
        "LOAD_DEMO_DATA": False,
        "ABUSE_LIMITS_ENABLED": True,
        "DFDG_TOKEN_FAILURE_LIMIT": DEVELOPMENT["DFDG_TOKEN_FAILURE_LIMIT"],
        "SYNTHETIC_PERSONS": 0,
        "MESSAGE_RETENTION_DAYS": DEVELOPMENT["MESSAGE_RETENTION_DAYS"],
        "DFDG_FUND_WEBHOOKS": "",
    },
}


def validate(settings: dict[str, Any]) -> None:
    """Refuse unsafe settings in production: demo data, SQLite, missing or weak tokens, no
    registry of connected systems or one with the development key."""
    if settings.get("ENV_NAME") != "production":
        return
    if settings.get("LOAD_DEMO_DATA"):
        raise UnsafeConfiguration("production refuses to load demo data (LOAD_DEMO_DATA)")
    require_postgresql(settings, "DFDG_DATABASE_URL")
    require_system_tokens(settings)
    require_system_registry(settings)


def load_dfdg_settings(
    name: str | None = None, overrides: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The DFDG service's settings of one environment: defaults, environment, overrides."""
    settings = from_environment(DEFAULTS[environment_name(name)])
    settings.update(overrides or {})
    validate(settings)
    return settings
