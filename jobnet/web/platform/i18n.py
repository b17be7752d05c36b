"""Language and time: the locale choice, the switch, and locale-aware formatting filters.

The locale is the stored choice (a cookie, so it survives login and logout), then the browser's
Accept-Language among the supported languages, then Danish.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import cache, lru_cache
from typing import Any

from babel import Locale
from babel import dates as babel_dates
from babel.support import NullTranslations
from flask import Flask, current_app, g, request
from flask_babel import (
    format_decimal,
    get_locale,
    get_timezone,
    get_translations,
    to_user_timezone,
)
from flask_babel import gettext as _
from jinja2 import pass_eval_context
from jinja2.nodes import EvalContext
from markupsafe import Markup

from jobnet.domain.appointment_time import repeated_hour
from jobnet.domain.clock import now_utc

LANGUAGE_COOKIE = "jobnet_lang"
LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}


def supported_languages() -> tuple[str, ...]:
    return tuple(current_app.config["LANGUAGES"])


@cache
def _locale(code: str) -> Locale:
    """One Babel Locale per language for the whole process: a new one per request would load
    its CLDR data again on the first date formatted (a few milliseconds on every page)."""
    return Locale.parse(code)


def select_locale() -> Locale:
    chosen = request.cookies.get(LANGUAGE_COOKIE)
    if chosen in supported_languages():
        return _locale(chosen)
    return _locale(request.accept_languages.best_match(supported_languages()) or "da")


def select_timezone() -> str:
    return current_app.config["BABEL_DEFAULT_TIMEZONE"]


def current_language() -> str:
    return str(get_locale() or "da")


def other_language() -> str:
    return "en" if current_language() == "da" else "da"


# Dates and times in words are pure functions of the value, the pattern, the language and the
# time zone: the same few hundred days and times recur on every page, and Babel's formatting
# (locale lookups, pattern parsing, the time-zone conversion) cost some 0.1 ms each, a dozen or
# more a page. Kept per process, bounded; no person's data, only the words for a date.
@lru_cache(maxsize=4096)
def _formatted_date(value: date, pattern: str, language: str) -> str:
    return babel_dates.format_date(value, pattern, locale=_locale(language))


@lru_cache(maxsize=4096)
def _formatted_datetime(value: datetime, pattern: str, language: str, zone: Any) -> str:
    return babel_dates.format_datetime(value, pattern, tzinfo=zone, locale=_locale(language))


def format_date(value: date | datetime, pattern: str) -> str:
    """Flask-Babel's `format_date` with a pattern, in the request's language (a datetime is
    first taken to the app's time zone, as Flask-Babel does), remembered per value."""
    if isinstance(value, datetime):
        value = to_user_timezone(value).date()
    return _formatted_date(value, pattern, current_language())


def format_datetime(value: datetime, pattern: str) -> str:
    """Flask-Babel's `format_datetime` with a pattern, in the request's language and the app's
    time zone (a naive value is UTC), remembered per value."""
    return _formatted_datetime(value, pattern, current_language(), get_timezone())


def request_gettext(string: str, **variables: Any) -> str:
    """Flask-Babel's `gettext` (translate, then `%` only when given variables) with the
    request's translations looked up once per request, not for every string."""
    text = _template_translations().ugettext(string)
    return text % variables if variables else text


def _long_date_pattern() -> str:
    return "d. MMMM y" if current_language() == "da" else "d MMMM y"


def format_local_date(value: date | datetime | None, style: str = "long") -> str:
    """A date as people write it: "20. november 2026" / "20 November 2026" (short: 20-11-2026)."""
    if value is None:
        return ""
    pattern = _long_date_pattern() if style == "long" else "dd-MM-y"
    if isinstance(value, datetime):
        return format_datetime(value, pattern)
    return format_date(value, pattern)


def repeated_hour_note(value: datetime) -> str:
    """ " (summer time)" or " (winter time)" for a time in the hour that happens twice when the
    clocks go back, so "02.30" is never ambiguous; "" for every other time."""
    occurrence = repeated_hour(value)
    if occurrence is None:
        return ""
    return " (" + (_("summer time") if occurrence == 1 else _("winter time")) + ")"


def format_local_datetime(value: datetime | None, style: str = "long") -> str:
    if value is None:
        return ""
    pattern = "d. MMMM y 'kl.' HH.mm" if current_language() == "da" else "d MMMM y 'at' HH:mm"
    if style == "short":
        pattern = "dd-MM-y HH:mm"
    return format_datetime(value, pattern) + repeated_hour_note(value)


def format_local_time(value: datetime | None) -> str:
    if value is None:
        return ""
    clock = format_datetime(value, "HH.mm" if current_language() == "da" else "HH:mm")
    return clock + repeated_hour_note(value)


def format_local_number(value: Any) -> str:
    return format_decimal(value)


def _template_translations() -> NullTranslations:
    """The request's translations, looked up once per request and locale: Flask-Babel's own
    template callables resolve the domain, the locale and its name again for every one of the
    forty-odd strings on a page (about a millisecond per page)."""
    locale = get_locale()
    cached = g.get("_template_translations")
    if cached is None or cached[0] is not locale:
        cached = g._template_translations = (locale, get_translations())
    return cached[1]


def _template_callables(
    translations: Callable[[], NullTranslations],
) -> tuple[Callable[..., str], Callable[..., str]]:
    """Jinja's new-style `gettext` and `ngettext` (autoescaped, always a format string, `num`
    given to plurals) in one call each: the extension's own go through two more template-function
    calls per string, a tenth of the rendering of a page with forty strings."""

    @pass_eval_context
    def gettext(eval_ctx: EvalContext, string: str, /, **variables: Any) -> str:
        text = translations().ugettext(string)
        if eval_ctx.autoescape:
            text = Markup(text)  # noqa: S704 - the catalog is ours, trusted like the templates
        return text % variables

    @pass_eval_context
    def ngettext(
        eval_ctx: EvalContext, singular: str, plural: str, num: int, /, **variables: Any
    ) -> str:
        variables.setdefault("num", num)
        text = translations().ungettext(singular, plural, num)
        if eval_ctx.autoescape:
            text = Markup(text)  # noqa: S704 - the catalog is ours, trusted like the templates
        return text % variables

    return gettext, ngettext


def _rendering_callables() -> dict[str, Any]:
    """For one render: the translations looked up once, not for every string (each lookup asks
    Flask-Babel for the locale, three lookups of `g`). Macros imported without the context use
    the globals, which look up per string."""
    translations = _template_translations()
    gettext, ngettext = _template_callables(lambda: translations)
    return {"_": gettext, "gettext": gettext, "ngettext": ngettext}


def _install_template_gettext(app: Flask) -> None:
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda s: _template_translations().ugettext(s),
        ngettext=lambda s, p, n: _template_translations().ungettext(s, p, n),
        newstyle=True,
        pgettext=lambda c, s: _template_translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: _template_translations().unpgettext(c, s, p, n),
    )
    # `{% trans %}` resolves these names too.
    gettext, ngettext = _template_callables(_template_translations)
    app.jinja_env.globals.update(_=gettext, gettext=gettext, ngettext=ngettext)


def init_app(app: Flask) -> None:
    """Call after Flask-Babel's init_app: the template gettext installed here replaces its own."""
    _install_template_gettext(app)
    app.jinja_env.filters["date"] = format_local_date
    app.jinja_env.filters["datetime"] = format_local_datetime
    app.jinja_env.filters["time"] = format_local_time
    app.jinja_env.filters["number"] = format_local_number
    app.jinja_env.globals["now"] = now_utc

    @app.context_processor
    def _language_context() -> dict[str, Any]:
        return {
            **_rendering_callables(),
            "current_language": current_language(),
            "other_language": other_language(),
            "language_names": LANGUAGE_NAMES,
        }
