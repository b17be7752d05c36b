"""Jobnet: the citizens' self-service web app (and, embedded, the DFDG service it writes to)."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask
from werkzeug.middleware.dispatcher import DispatcherMiddleware

from jobnet.web.platform.config import load_settings


def create_app(env: str | None = None, **overrides: Any) -> Flask:
    """Build the web app for environment `env` (default: JOBNET_ENV, else development)."""
    settings = load_settings(env, overrides)
    app = Flask(
        __name__,
        template_folder="../../templates",
        static_folder="../../static",
        static_url_path="/static",
    )
    app.config.from_mapping(settings)
    _configure_logging(app)
    _register_extensions(app)
    _register_store(app)
    _register_limits(app)
    _register_dfdg(app)
    _register_notifications(app)
    _register_blueprints(app)
    _register_identity(app)
    _register_request_hooks(app)
    _register_cli(app)
    _start_outbox_worker(app)
    return app


def _configure_logging(app: Flask) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    # One INFO line per DFDG call costs time on every page and says nothing the access log
    # does not; failures still reach the log as DfdgUnavailable.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    if app.testing:
        app.jinja_env.undefined = __import__("jinja2").StrictUndefined


def _register_extensions(app: Flask) -> None:
    from jobnet.web.auth import fund_pages, resume
    from jobnet.web.auth.users import login_manager
    from jobnet.web.journeys import labels, viewer
    from jobnet.web.platform import assets, i18n
    from jobnet.web.platform.extensions import babel, csrf

    login_manager.init_app(app)
    app.jinja_env.globals["may_open"] = fund_pages.may_open
    resume.init_app(app)  # before CSRF: a form posted after expiry is kept, not refused
    csrf.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale, timezone_selector=i18n.select_timezone)
    i18n.init_app(app)
    labels.init_app(app)
    viewer.init_app(app)
    assets.init_app(app)


def _register_store(app: Flask) -> None:
    from jobnet.web.platform.sessions import ServerSessionInterface
    from jobnet.web.store import create_store

    store = create_store(app.config["DATABASE_URL"])
    if app.config["AUTO_MIGRATE"]:
        store.upgrade()
    app.extensions["web_store"] = store
    app.session_interface = ServerSessionInterface(store)


def _register_limits(app: Flask) -> None:
    from jobnet.web.platform import limits

    limits.init_app(app)


def _register_dfdg(app: Flask) -> None:
    from jobnet.clients.dfdg_client.assertion import AssertionSigner
    from jobnet.clients.dfdg_client.client import DfdgClient
    from jobnet.clients.dfdg_client.statistics import PublicFiguresCache

    timeout = app.config["DFDG_TIMEOUT_SECONDS"]
    token = app.config["DFDG_API_TOKEN"]
    signer = AssertionSigner(
        app.config["DFDG_SYSTEM_NAME"],
        app.config["DFDG_ASSERTION_KEY"],
        app.config["DFDG_ASSERTION_AUDIENCE"],
    )
    if app.config["DFDG_BASE_URL"]:
        client = DfdgClient.over_http(app.config["DFDG_BASE_URL"], token, timeout, signer)
    else:
        from jobnet.dfdg import create_dfdg_app

        dfdg_app = create_dfdg_app(app.config)
        app.extensions["dfdg_app"] = dfdg_app
        client = DfdgClient.in_process(dfdg_app, token, timeout, signer)
        if app.config["DFDG_WORKER_EMBEDDED"]:
            # DFDG's own worker (missed booking deadlines, the funds' webhooks) beside it, as
            # the outbox worker runs beside the web app; production runs `dfdg work`.
            from jobnet.dfdg import start_embedded_worker

            interval = float(app.config["DFDG_WORKER_SECONDS"])
            app.extensions["dfdg_worker"] = start_embedded_worker(dfdg_app, interval)
        if app.config["DFDG_MOUNT_ON_WEB"]:
            # Development: DFDG's API also answers at /dfdg on the web port, for people and
            # tools (production refuses this setting; DFDG is its own service there).
            app.wsgi_app = DispatcherMiddleware(app.wsgi_app, {"/dfdg": dfdg_app})  # type: ignore[method-assign]
    app.extensions["dfdg_client"] = client
    app.extensions["public_figures"] = PublicFiguresCache(app.config["STATISTICS_CACHE_SECONDS"])


def _register_notifications(app: Flask) -> None:
    from jobnet.web import notifications

    notifications.init_app(app)


def _register_blueprints(app: Flask) -> None:
    from jobnet.web.auth import bp as auth_bp
    from jobnet.web.citizen.booking import bp as booking_bp
    from jobnet.web.citizen.cv import bp as cv_bp
    from jobnet.web.citizen.deregistration import bp as deregistration_bp
    from jobnet.web.citizen.duties import bp as duties_bp
    from jobnet.web.citizen.holiday import bp as holiday_bp
    from jobnet.web.citizen.insight import bp as insight_bp
    from jobnet.web.citizen.joblog import bp as joblog_bp
    from jobnet.web.citizen.letters import bp as letters_bp
    from jobnet.web.citizen.messages import bp as messages_bp
    from jobnet.web.citizen.min_side import bp as min_side_bp
    from jobnet.web.citizen.notifications import bp as notifications_bp
    from jobnet.web.citizen.plan import bp as plan_bp
    from jobnet.web.citizen.recovery import bp as recovery_bp
    from jobnet.web.citizen.registration import bp as registration_bp
    from jobnet.web.citizen.sickness import bp as sickness_bp
    from jobnet.web.citizen.summons import bp as summons_bp
    from jobnet.web.jobcentre.absence import bp as jobcentre_absence_bp
    from jobnet.web.jobcentre.booking import bp as jobcentre_booking_bp
    from jobnet.web.jobcentre.booking import withdraw_bp as booking_withdraw_bp
    from jobnet.web.jobcentre.citizens import bp as caseworker_bp
    from jobnet.web.jobcentre.cv_approval import bp as cv_approval_bp
    from jobnet.web.jobcentre.duties import bp as jobcentre_duties_bp
    from jobnet.web.jobcentre.fund_events import bp as fund_event_bp
    from jobnet.web.jobcentre.held_interview import bp as held_interview_bp
    from jobnet.web.jobcentre.messages import bp as jobcentre_messages_bp
    from jobnet.web.jobcentre.notifications import bp as jobcentre_notifications_bp
    from jobnet.web.jobcentre.plan import bp as jobcentre_plan_bp
    from jobnet.web.jobcentre.summons import bp as jobcentre_summons_bp
    from jobnet.web.jobcentre.summons import cancel_bp as summons_cancel_bp
    from jobnet.web.jobcentre.summons import move_bp as summons_move_bp
    from jobnet.web.jobcentre.summons import not_attended_bp as summons_not_attended_bp
    from jobnet.web.journeys.receipts import bp as receipts_bp
    from jobnet.web.platform.errors import register_error_handlers
    from jobnet.web.public import bp as public_bp
    from jobnet.web.public.statistics import bp as statistics_bp

    journeys = (
        registration_bp,
        deregistration_bp,
        sickness_bp,
        recovery_bp,
        holiday_bp,
        held_interview_bp,
        fund_event_bp,
        jobcentre_absence_bp,
        jobcentre_summons_bp,
        summons_move_bp,
        summons_cancel_bp,
        summons_not_attended_bp,
        jobcentre_plan_bp,
        cv_approval_bp,
        insight_bp,
        plan_bp,
        summons_bp,
        statistics_bp,
        cv_bp,
        joblog_bp,
        duties_bp,
        messages_bp,
        jobcentre_messages_bp,
        letters_bp,
        notifications_bp,
        jobcentre_notifications_bp,
        booking_bp,
        jobcentre_booking_bp,
        booking_withdraw_bp,
        jobcentre_duties_bp,
    )
    for blueprint in (public_bp, auth_bp, min_side_bp, receipts_bp, caseworker_bp, *journeys):
        app.register_blueprint(blueprint)
    if app.config["MITID_SIMULATOR_ENABLED"]:
        from jobnet.mitid_sim import bp as mitid_sim_bp

        app.register_blueprint(mitid_sim_bp, url_prefix="/mitid-sim")
    register_error_handlers(app)


def _register_identity(app: Flask) -> None:
    """One OIDC relying party per audience. When the issuer is the embedded MitID simulator,
    the relying party reaches it in-process; any other issuer is reached over HTTP."""
    import httpx

    from jobnet.web.auth.oidc import OidcRelyingParty, OidcSettings

    parties = {}
    for kind in ("citizen", "caseworker"):
        settings = OidcSettings.from_config(app.config, kind)
        transport = None
        simulator = app.config["PUBLIC_BASE_URL"].rstrip("/") + "/mitid-sim"
        if app.config["MITID_SIMULATOR_ENABLED"] and settings.issuer == simulator:
            transport = httpx.WSGITransport(app=app)
        parties[kind] = OidcRelyingParty(settings, transport=transport)
    app.extensions["oidc"] = parties


def _start_outbox_worker(app: Flask) -> None:
    """In the embedded default the outbox worker runs in this process; production runs
    `flask --app app outbox work` as its own process."""
    if not app.config["OUTBOX_WORKER_EMBEDDED"]:
        return
    from jobnet.web.journeys.outbox_worker import Worker

    worker = Worker(app, interval=app.config["OUTBOX_POLL_SECONDS"])
    worker.start()
    app.extensions["outbox_worker"] = worker


def _register_request_hooks(app: Flask) -> None:
    from jobnet.web.platform import security

    security.init_app(app)


def _register_cli(app: Flask) -> None:
    from jobnet.web.platform import cli

    cli.init_app(app)
