"""Numbers as people type them: only the digits 0 to 9, and never more of them than a bound needs.

Python's `str.isdigit()` is true for "²" and "٣", and `int()` reads "٣٠" as 30 but refuses "²"
and anything over 4,300 digits with a ValueError. Every typed number goes through here instead,
so no such text reaches `int()` or `float()` and what is stored is what the person could read.
"""

from __future__ import annotations

import re

MAX_DIGITS = 9  # more than any bound a form has; a longer number is refused, not parsed
_WHOLE = re.compile(rf"[0-9]{{1,{MAX_DIGITS}}}", re.ASCII)
_DECIMAL = re.compile(rf"([0-9]{{1,{MAX_DIGITS}}})(?:[.,]([0-9]{{1,2}}))?", re.ASCII)


def parse_whole_number(text: str | None) -> int | None:
    """A whole number written with the digits 0-9 (spaces around allowed), or None."""
    cleaned = (text or "").strip()
    return int(cleaned) if _WHOLE.fullmatch(cleaned) else None


def parse_decimal(text: str | None) -> float | None:
    """A number like "12", "12.5" or the Danish "12,5" (at most two decimals), or None.

    No signs, exponents, "nan" or "inf": only what a person writes for hours or amounts."""
    match = _DECIMAL.fullmatch((text or "").strip())
    if match is None:
        return None
    whole, fraction = match.groups()
    return float(f"{whole}.{fraction or 0}")
