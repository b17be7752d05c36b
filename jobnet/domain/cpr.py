"""CPR numbers (Danish personal identification numbers).

A CPR number is ten digits, DDMMYY-SSSS, often written with a hyphen after the sixth digit.
The date part must be a real date; the century follows from the seventh digit together with the
two-digit year. The modulus 11 check is deliberately not applied: since 2007 CPR numbers are
issued that do not satisfy it.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

_CPR_PATTERN = re.compile(r"(\d{6})-?(\d{4})", re.ASCII)

CprErrorCode = Literal["format", "date"]


class InvalidCpr(ValueError):
    """A CPR number that is not well formed ("format") or has no real date part ("date")."""

    def __init__(self, code: CprErrorCode, message: str) -> None:
        super().__init__(message)
        self.code: CprErrorCode = code
        self.message = message


def _century(seventh_digit: int, two_digit_year: int) -> int:
    """The century of a CPR birth date from its seventh digit and two-digit year."""
    if seventh_digit <= 3:
        return 1900
    if seventh_digit in (4, 9):
        return 2000 if two_digit_year <= 36 else 1900
    return 2000 if two_digit_year <= 57 else 1800


def _date_from_digits(digits: str) -> date:
    day, month, year = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    full_year = _century(int(digits[6]), year) + year
    try:
        return date(full_year, month, day)
    except ValueError:
        raise InvalidCpr(
            "date", "The first six digits of the CPR number are not a real date"
        ) from None


def normalise_cpr(raw: str) -> str:
    """Ten digits without a hyphen, or InvalidCpr.

    Surrounding whitespace and one hyphen after the sixth digit are tolerated.
    """
    if not isinstance(raw, str):
        raise InvalidCpr("format", "A CPR number is text of ten digits")
    match = _CPR_PATTERN.fullmatch(raw.strip())
    if match is None:
        raise InvalidCpr("format", "A CPR number has ten digits, optionally DDMMYY-SSSS")
    digits = match.group(1) + match.group(2)
    _date_from_digits(digits)
    return digits


def birth_date(cpr: str) -> date:
    """The birth date encoded in a CPR number (raises InvalidCpr like normalise_cpr)."""
    return _date_from_digits(normalise_cpr(cpr))


def is_valid_cpr(raw: str) -> bool:
    """True when `raw` is a CPR number normalise_cpr accepts."""
    try:
        normalise_cpr(raw)
    except InvalidCpr:
        return False
    return True
