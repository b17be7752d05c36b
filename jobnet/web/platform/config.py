"""Configuration classes, chosen by the JOBNET_ENV environment variable.

Every setting can be overridden by an environment variable of the same name (see the README's
table). Production has no defaults for secrets and refuses to start with unsafe settings.
"""

from __future__ import annotations

from typing import Any

from jobnet.environment import (
    DEFAULT_ASSERTION_AUDIENCE,
    DEV_ASSERTION_KEY,
    DEV_ASSERTION_PUBLIC_X,
    DEV_DFDG_TOKEN,
    INSTANCE_DIR,
    PROJECT_ROOT,
    UnsafeConfiguration,
    environment_name,
    from_environment,
    require_postgresql,
)

DEV_SECRET_KEY = "dev-only-not-secret"  # noqa: S105 - refused in production
DEV_OIDC_SECRETS = ("dev-citizen-secret", "dev-caseworker-secret")  # noqa: S105 - refused


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
    # Who the web app is to DFDG, and the private JWK it signs end-user assertions with.
    DFDG_SYSTEM_NAME = "jobnet-web"
    DFDG_ASSERTION_KEY = DEV_ASSERTION_KEY
    DFDG_ASSERTION_AUDIENCE = DEFAULT_ASSERTION_AUDIENCE
    # DFDG's registry of connected systems when DFDG runs in-process (see jobnet.dfdg.systems
    # and docs/security.md); empty: jobnet-web with the development key.
    DFDG_SYSTEMS = ""
    # DFDG's API also answers under /dfdg on the web port (development and tests only).
    DFDG_MOUNT_ON_WEB = True
    LOAD_DEMO_DATA = True
    # With the demo data: a synthetic population of this many jobseekers (all 98
    # municipalities, 30 months) for the public statistics; 0 for none. `make run` makes it
    # once, in about half a minute on two cores.
    SYNTHETIC_PERSONS = 25000

    # Identity (OIDC). The MitID simulator is the embedded default provider; an empty
    # OIDC_<KIND>_ISSUER means the simulator. See the README for pointing at a real broker.
    MITID_SIMULATOR_ENABLED = True
    PUBLIC_BASE_URL = "http://127.0.0.1:5000"
    MITID_SIM_KEY_PATH = str(INSTANCE_DIR / "mitid-sim-key.json")
    MITID_SIM_ISSUER = ""
    MITID_SIM_CLIENTS = ""
    # A SQLite file for the simulator's codes and tokens, shared by several web workers; empty:
    # kept in the process (one process, as `make run`).
    MITID_SIM_STORE_PATH = ""

    # DFDG's worker (jobnet.dfdg.worker: missed booking deadlines, the funds' webhooks) as a
    # thread of this process while DFDG runs in it; production runs `dfdg work` on its own.
    DFDG_WORKER_EMBEDDED = True
    DFDG_WORKER_SECONDS = 30.0
    # The funds' webhooks, handed to DFDG when it runs in this process (jobnet.dfdg.settings).
    DFDG_FUND_WEBHOOKS = ""

    # The outbox: commands for DFDG are delivered at once, and retried by a worker.
    OUTBOX_WORKER_EMBEDDED = True
    OUTBOX_POLL_SECONDS = 2.0
    # A send stores the command and its receipt first, then waits at most this long for DFDG
    # to register it at once; whatever is not done by then the worker delivers.
    OUTBOX_SEND_BUDGET_SECONDS = 1.0
    # After DFDG failed a status read, this process takes it as away this long: pages show what
    # was last known at once instead of each waiting for the timeout (0: ask every time).
    DFDG_AWAY_SECONDS = 10.0
    # DFDG's last answers for a person's plan, job log and CV and for the public statistics
    # (`known_answers`), shown while DFDG is away, are deleted when not renewed for this long.
    KNOWN_ANSWERS_RETENTION_DAYS = 30.0

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

    # Notifications (issue 23), sent by the outbox worker. E-mail over SMTP when SMTP_HOST is
    # set; SMS through the HTTP gateway when SMS_GATEWAY_URL is set. Without them, with
    # DEV_OUTGOING_ENABLED (development and tests), both go to /dev/outgoing and the log.
    SMTP_HOST = ""
    SMTP_PORT = 587
    SMTP_TLS = "starttls"  # starttls, ssl (implicit TLS) or none
    SMTP_USER = ""
    SMTP_PASSWORD = ""
    SMTP_FROM = "Jobnet <ikke-svar@jobnet.example>"
    SMTP_TIMEOUT_SECONDS = 20.0
    SMS_GATEWAY_URL = ""
    SMS_GATEWAY_TOKEN = ""
    SMS_SENDER = "Jobnet"
    DEV_OUTGOING_ENABLED = True
    # Danish time; none are sent in it (deferred to its end). Empty: at any hour.
    NOTIFY_QUIET_HOURS = "22:00-07:00"
    # The caseworkers' daily e-mail of unread messages goes at this hour (Danish time) or later.
    NOTIFY_DIGEST_HOUR = 8

    # Sessions
    SESSION_IDLE_MINUTES = 30
    SESSION_ABSOLUTE_HOURS = 8
    # The outbox worker purges expired sessions (and ended limit windows) this often.
    SESSION_PURGE_SECONDS = 300.0
    SESSION_COOKIE_NAME = "jobnet_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    # A form posted after the session expired is kept this long, for the person who typed it
    # (and the citizen a caseworker acted for) only.
    KEPT_FORM_MINUTES = 20

    # Abuse limits (jobnet/web/platform/limits.py), counted in the web store so that they hold
    # across every worker and host. Flask-Limiter's notation; ";" separates several limits.
    ABUSE_LIMITS_ENABLED = True
    RATE_LIMIT_LOGIN_STARTS = "30 per minute;300 per hour"  # per client address
    RATE_LIMIT_CPR_LOOKUPS = "10 per minute;60 per hour;150 per day"  # per caseworker
    RATE_LIMIT_FORM_POSTS = "20 per minute;300 per hour"  # per person (else address), per form
    RATE_LIMIT_PDF_RENDERS = "10 per minute;100 per hour"  # a letter's PDF, per person
    DFDG_TOKEN_FAILURE_LIMIT = "10 per minute;100 per hour"  # noqa: S105 - 401s per address

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
    SYNTHETIC_PERSONS = 0  # the tests count the demo persons and make their own records
    OUTBOX_WORKER_EMBEDDED = False
    DFDG_WORKER_EMBEDDED = False
    WTF_CSRF_ENABLED = True
    STATISTICS_CACHE_SECONDS = 0.0  # the tests recompute and expect to see it at once
    ABUSE_LIMITS_ENABLED = False  # the limits' own tests turn them on
    DFDG_AWAY_SECONDS = 0.0  # the tests switch DFDG's faults on and off from one call to the next


class ProductionConfig(Config):
    ENV_NAME = "production"
    SECRET_KEY = ""
    DATABASE_URL = ""
    DFDG_DATABASE_URL = ""
    DFDG_API_TOKEN = ""
    DFDG_SYSTEM_TOKENS = ""
    DFDG_ASSERTION_KEY = ""
    DFDG_MOUNT_ON_WEB = False
    MITID_SIMULATOR_ENABLED = False
    LOAD_DEMO_DATA = False
    AUTO_MIGRATE = False
    OUTBOX_WORKER_EMBEDDED = False
    DFDG_WORKER_EMBEDDED = False
    SESSION_COOKIE_SECURE = True
    HSTS = True
    DEV_OUTGOING_ENABLED = False

    @classmethod
    def validate(cls, settings: dict[str, Any], service: str = "web") -> None:
        """The web app in production: DFDG is its own service (DFDG_BASE_URL), reached with the
        web app's own token and assertion key. `service` is kept for callers; DFDG's settings
        are checked by `jobnet.dfdg.settings`."""
        if settings.get("LOAD_DEMO_DATA"):
            raise UnsafeConfiguration("production refuses to load demo data (LOAD_DEMO_DATA)")
        # DFDG checks its own settings where it runs (jobnet.dfdg.settings): in production
        # that is its own service, never inside the web app.
        if not settings.get("DFDG_BASE_URL"):
            raise UnsafeConfiguration(
                "production needs DFDG_BASE_URL: DFDG runs as its own service, not in the web app"
            )
        if settings.get("DFDG_MOUNT_ON_WEB"):
            raise UnsafeConfiguration(
                "production refuses to mount DFDG's API on the web port (DFDG_MOUNT_ON_WEB)"
            )
        _require_assertion_key(settings)
        _refuse_dev_oidc_secrets(settings)
        if settings.get("DEV_OUTGOING_ENABLED"):
            raise UnsafeConfiguration(
                "production refuses the developers' page of outgoing e-mail and SMS "
                "(DEV_OUTGOING_ENABLED)"
            )
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


def _require_assertion_key(settings: dict[str, Any]) -> None:
    key = str(settings.get("DFDG_ASSERTION_KEY") or "")
    if not key or DEV_ASSERTION_PUBLIC_X in key:
        raise UnsafeConfiguration(
            "production needs DFDG_ASSERTION_KEY: the web app's own private key (a JWK) for "
            "signing end-user assertions to DFDG"
        )


def _refuse_dev_oidc_secrets(settings: dict[str, Any]) -> None:
    for kind in ("CITIZEN", "CASEWORKER"):
        secret = str(settings.get(f"OIDC_{kind}_CLIENT_SECRET") or "")
        if not secret or secret in DEV_OIDC_SECRETS:
            raise UnsafeConfiguration(
                f"production needs OIDC_{kind}_CLIENT_SECRET: the development secret is refused"
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
