"""Form pieces shared by the journeys: a day/month/year date field and a list of text inputs."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from flask_babel import get_translations
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from flask_wtf import FlaskForm
from wtforms import Field, HiddenField
from wtforms.validators import ValidationError

from jobnet.domain.cpr import InvalidCpr, normalise_cpr
from jobnet.domain.numbers import parse_whole_number

_KEY = re.compile(r"[A-Za-z0-9_-]{16,80}", re.ASCII)


def valid_key(text: str | None) -> str | None:
    """A posted idempotency key if it is one this app makes (URL-safe, 16-80 characters), else
    None: nothing else reaches the store or DFDG's Idempotency-Key header."""
    return text if text is not None and _KEY.fullmatch(text) else None


class KeyField(HiddenField):
    """The command's idempotency key: a posted value that is not a key is no key at all."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Pages and templates skip hidden fields by their type: this is one of them.
        self.type = "HiddenField"

    def process_formdata(self, valuelist: list[Any]) -> None:
        posted = valuelist[0] if valuelist else None
        self.data: str | None = valid_key(posted if isinstance(posted, str) else None)


class CatalogTranslations:
    """WTForms' own messages ("Not a valid choice.") from the app's catalog, in the language of
    the page: WTForms has no Danish, and Flask-WTF would load WTForms' catalog."""

    def gettext(self, string: str) -> str:
        return str(get_translations().ugettext(string))

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return str(get_translations().ungettext(singular, plural, n))


TRANSLATIONS = CatalogTranslations()


class TranslatedMeta:
    """Meta for every form: WTForms' messages through the app's catalog."""

    def get_translations(self, form: Any) -> CatalogTranslations:
        return TRANSLATIONS


class DatePartsField(Field):
    """A date typed as day, month and year in three inputs (the DKFDS date pattern).

    What the person typed is kept as typed in `parts`, so an invalid date is shown back exactly
    as entered together with the error.
    """

    def __init__(
        self, label: Any = None, validators: Any = None, *, window: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(label, validators, **kwargs)
        self.parts = {"day": "", "month": "", "year": ""}
        self.parse_error: str | None = None
        # The sentence saying which days the field takes ("At most one year back, and not in
        # the future."): shown in its hint, and as its error for a day outside that window.
        self.window = window
        if window is not None:
            self.description: Any = _joined(kwargs.get("description"), window)

    def process_formdata(self, valuelist: list[Any]) -> None:
        # The real inputs are <name>-day, <name>-month and <name>-year; see process().
        pass

    def process(self, formdata: Any, data: Any = None, extra_filters: Any = None) -> None:
        self.process_errors: list[Any] = []
        self.parse_error = None
        if formdata is not None and any(f"{self.name}-{p}" in formdata for p in self.parts):
            self.parts = {p: (formdata.get(f"{self.name}-{p}") or "").strip() for p in self.parts}
            self.data = self._parse()
            return
        value = data if data is not None else self.default
        if callable(value):
            value = value()
        if isinstance(value, str) and value:
            value = date.fromisoformat(value)
        self.data = value if isinstance(value, date) else None
        if self.data:
            self.parts = {
                "day": str(self.data.day),
                "month": str(self.data.month),
                "year": str(self.data.year),
            }

    def _parse(self) -> date | None:
        day, month, year = self.parts["day"], self.parts["month"], self.parts["year"]
        if not (day or month or year):
            return None
        if not (day and month and year):
            self.parse_error = str(_l("Enter a full date with day, month and year"))
            return None
        numbers = [parse_whole_number(part) for part in (day, month, year)]
        if None in numbers:
            self.parse_error = str(_l("Enter the date with numbers only"))
            return None
        if len(year) != 4:
            self.parse_error = str(_l("Enter the year with 4 digits"))
            return None
        try:
            return date(numbers[2] or 0, numbers[1] or 0, numbers[0] or 0)
        except ValueError:
            self.parse_error = str(_l("Enter a real date"))
            return None

    def pre_validate(self, form: Any) -> None:
        if self.parse_error:
            raise ValidationError(self.parse_error)

    def _value(self) -> str:
        return self.data.isoformat() if self.data else ""


def _joined(*texts: Any) -> LazyString:
    """Sentences worded when shown, one after the other."""
    return LazyString(lambda: " ".join(str(text) for text in texts if text))


def date_required(message: Any) -> Any:
    """A validator: the date must be given (an unparsable date already has its own error)."""

    def check(form: Any, field: DatePartsField) -> None:
        if field.data is None and not field.parse_error:
            raise ValidationError(str(message))

    return check


def check_cpr_field(value: str | None, missing_message: Any) -> None:
    """Raise the person's words for a CPR number that is missing, malformed or has no real
    date in it (the same sentences wherever a CPR number is typed)."""
    if not (value or "").strip():
        raise ValidationError(str(missing_message))
    try:
        normalise_cpr(value or "")
    except InvalidCpr as error:
        if error.code == "date":
            raise ValidationError(
                _l("The first six digits of the CPR number must be a real date")
            ) from None
        raise ValidationError(
            _l("Enter the CPR number as 10 digits, for example 010190-1234")
        ) from None


class JourneyForm(FlaskForm):
    """Every journey page's form. The idempotency key travels with the answers, so a resubmit
    after the back button or from a second tab is the same command, not a new one."""

    class Meta(TranslatedMeta):
        pass

    def prepare(self, situation: Any) -> None:
        """Fit the form to the person (choices that depend on their situation); most don't."""


class SubmitForm(FlaskForm):
    """The check-your-answers page: one button and the command's idempotency key."""

    class Meta(TranslatedMeta):
        pass

    key = KeyField()
