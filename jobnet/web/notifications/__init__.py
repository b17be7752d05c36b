"""Telling people that something waits (issue 23): the machinery the outbox worker runs.

`collect.py` takes DFDG's notices and queues each person's e-mail or SMS by their choice
(`choices.py`), `queue.py` sends them once through `senders.py` (SMTP, an HTTP SMS gateway, or in
development the log and `/dev/outgoing`), in the words of `texts.py`. The pages where people
choose are `jobnet.web.citizen.notifications` and `jobnet.web.jobcentre.notifications`.
"""

from __future__ import annotations

from flask import Flask

from jobnet.domain.notifications import InvalidSetting, parse_quiet_hours
from jobnet.environment import UnsafeConfiguration
from jobnet.web.notifications.senders import senders_for


def init_app(app: Flask) -> None:
    try:
        parse_quiet_hours(str(app.config["NOTIFY_QUIET_HOURS"]))
    except InvalidSetting as error:
        raise UnsafeConfiguration(f"NOTIFY_QUIET_HOURS: {error}") from None
    app.extensions["notification_senders"] = senders_for(app.config)
    if app.config["DEV_OUTGOING_ENABLED"]:
        from jobnet.web.notifications.dev import bp

        app.register_blueprint(bp)
