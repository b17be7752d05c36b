"""Configuration classes, chosen by the JOBNET_ENV environment variable.

Every setting can be overridden by an environment variable of the same name (see the README's
table). Production has no defaults for secrets and refuses to start with unsafe settings.
"""

from __future__ import annotations

from typing import Any

from jobnet.environment import (
    DEV_DFDG_TOKEN,
    INSTANCE_DIR,
    PROJECT_ROOT,
    UnsafeConfiguration,
    environment_name,
    from_environment,
    require_postgresql,
    require_system_tokens,
)

DEV_SECRET_KEY = "dev-only-not-secret"  # noqa: S105 - refused in production


class Config:
    """Settings shared by every environment; the development defaults live here."""

    ENV_NAME = "development"
    DEBUG = False
    TESTING = False

    SECRET_KEY = DEV_SECRET_KEY
    # The web app's own store: sessions and the outbox.
    DATABASE_URL = f"sqlite:///{INSTANCE_DIR / 'jobnet-web.sqlite'}"
    AUTO_MIGRATE = True

    # DFDG: empty base URL means "in-process" (the embedded default).
    DFDG_BASE_URL = ""
    DFDG_API_TOKEN = DEV_DFDG_TOKEN
    DFDG_TIMEOUT_SECONDS = 5.0
    DFDG_DATABASE_URL = f"sqlite:///{INSTANCE_DIR / 'dfdg.sqlite'}"
    DFDG_SYSTEM_TOKENS = f"jobnet-web={DEV_DFDG_TOKEN}"
    LOAD_DEMO_DATA = True

    # Identity (OIDC). The MitID simulator is the embedded default provider; an empty
    # OIDC_<KIND>_ISSUER means the simulator. See the README for pointing at a real broker.
    MITID_SIMULATOR_ENABLED = True
    PUBLIC_BASE_URL = "http://127.0.0.1:5000"
    MITID_SIM_KEY_PATH = str(INSTANCE_DIR / "mitid-sim-key.json")
    MITID_SIM_ISSUER = ""
    MITID_SIM_CLIENTS = ""

    # The outbox: commands for DFDG are delivered at once, and retried by a worker.
    OUTBOX_WORKER_EMBEDDED = True
    OUTBOX_POLL_SECONDS = 2.0
    # A send stores the command and its receipt first, then waits at most this long for DFDG
    # to register it at once; whatever is not done by then the worker delivers.
    OUTBOX_SEND_BUDGET_SECONDS = 1.0
    # After DFDG failed a status read, this process takes it as away this long: pages show what
    # was last known at once instead of each waiting for the timeout (0: ask every time).
    DFDG_AWAY_SECONDS = 10.0

    # The largest request body accepted (a friendly 413 page above it): the biggest form is a
    # CV with a few thousand characters per field.
    MAX_CONTENT_LENGTH = 256 * 1024

    # The public statistics change only when DFDG computes them: the web app keeps DFDG's
    # answers this long (0: asks every time).
    STATISTICS_CACHE_SECONDS = 300.0
    # A journey's question and check pages use the status DFDG gave for an earlier page of the
    # same journey this long (0: ask on every page). The send asks DFDG nothing before it has
    # stored the command: DFDG's rules decide at delivery.
    JOURNEY_STATUS_SECONDS = 300.0

    # Sessions
    SESSION_IDLE_MINUTES = 30
    SESSION_ABSOLUTE_HOURS = 8
    SESSION_COOKIE_NAME = "jobnet_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False

    # Language and time
    BABEL_DEFAULT_LOCALE = "da"
    BABEL_DEFAULT_TIMEZONE = "Europe/Copenhagen"
    BABEL_TRANSLATION_DIRECTORIES = str(PROJECT_ROOT / "translations")
    LANGUAGES = ("da", "en")

    WTF_CSRF_TIME_LIMIT = 8 * 3600
    HSTS = False
    SEND_FILE_MAX_AGE_DEFAULT = 3600

    @classmethod
    def validate(cls, settings: dict[str, Any], service: str = "web") -> None:
        """Refuse unsafe settings. Only production is strict."""


class DevelopmentConfig(Config):
    ENV_NAME = "development"
    DEBUG = False


class TestConfig(Config):
    ENV_NAME = "test"
    TESTING = True
    SECRET_KEY = "test-secret-key"  # noqa: S105
    LOAD_DEMO_DATA = False
    OUTBOX_WORKER_EMBEDDED = False
    WTF_CSRF_ENABLED = True
    STATISTICS_CACHE_SECONDS = 0.0  # the tests recompute and expect to see it at once
    DFDG_AWAY_SECONDS = 0.0  # the tests switch DFDG's faults on and off from one call to the next


class ProductionConfig(Config):
    ENV_NAME = "production"
    SECRET_KEY = ""
    DATABASE_URL = ""
    DFDG_DATABASE_URL = ""
    DFDG_API_TOKEN = ""
    DFDG_SYSTEM_TOKENS = ""
    MITID_SIMULATOR_ENABLED = False
    LOAD_DEMO_DATA = False
    AUTO_MIGRATE = False
    OUTBOX_WORKER_EMBEDDED = False
    SESSION_COOKIE_SECURE = True
    HSTS = True

    @classmethod
    def validate(cls, settings: dict[str, Any], service: str = "web") -> None:
        """`service` is what is starting: the web app (with DFDG in-process unless
        DFDG_BASE_URL is set) or the DFDG service on its own."""
        if settings.get("LOAD_DEMO_DATA"):
            raise UnsafeConfiguration("production refuses to load demo data (LOAD_DEMO_DATA)")
        dfdg_here = service == "dfdg" or not settings.get("DFDG_BASE_URL")
        if dfdg_here:
            require_postgresql(settings, "DFDG_DATABASE_URL")
            require_system_tokens(settings)
        if service == "dfdg":
            return
        secret = settings.get("SECRET_KEY") or ""
        if len(secret) < 32 or secret in {DEV_SECRET_KEY, TestConfig.SECRET_KEY}:
            raise UnsafeConfiguration(
                "production needs SECRET_KEY: a random value of at least 32 characters"
            )
        require_postgresql(settings, "DATABASE_URL")
        if settings.get("MITID_SIMULATOR_ENABLED"):
            raise UnsafeConfiguration(
                "production refuses to start with the MitID simulator enabled "
                "(set MITID_SIMULATOR_ENABLED=false)"
            )
        token = settings.get("DFDG_API_TOKEN") or ""
        if len(token) < 24 or token == DEV_DFDG_TOKEN:
            raise UnsafeConfiguration(
                "production needs DFDG_API_TOKEN: a random value of at least 24 characters"
            )
        if not str(settings.get("PUBLIC_BASE_URL") or "").startswith("https://"):
            raise UnsafeConfiguration(
                "production needs PUBLIC_BASE_URL with https:// (OIDC redirects and secure "
                "cookies depend on it)"
            )


def load_settings(
    name: str | None = None, overrides: dict[str, Any] | None = None, *, service: str = "web"
) -> dict[str, Any]:
    """The settings of one environment (by name, else JOBNET_ENV, else development): class
    defaults, then environment variables, then overrides.

    Production settings are validated for the `service` starting ("web" or "dfdg"); an unsafe
    one raises UnsafeConfiguration with one line saying why.
    """
    from jobnet.web.auth.oidc import config_defaults as oidc_defaults

    cls = config_class(name)
    settings: dict[str, Any] = {**oidc_defaults("citizen"), **oidc_defaults("caseworker")}
    settings.update(
        {key: getattr(cls, key) for key in dir(cls) if key.isupper() and not key.startswith("_")}
    )
    settings = from_environment(settings)
    settings.update(overrides or {})
    cls.validate(settings, service)
    return settings


CONFIGS: dict[str, type[Config]] = {
    "development": DevelopmentConfig,
    "test": TestConfig,
    "production": ProductionConfig,
}


def config_class(name: str | None = None) -> type[Config]:
    return CONFIGS[environment_name(name)]
