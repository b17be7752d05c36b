"""The rules of notifications (issue 23): quiet hours in Danish time (deferred to their end),
one per kind an hour, back-off, codes and addresses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from jobnet.domain.notifications import (
    DANISH_TIME,
    InvalidSetting,
    earliest_send,
    looks_like_code,
    new_code,
    normalise_email,
    normalise_mobile,
    parse_quiet_hours,
    retry_after,
)

QUIET = parse_quiet_hours("22:00-07:00")


def _dk(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=DANISH_TIME).astimezone(UTC)


def test_quiet_hours_defer_to_seven_danish_time() -> None:
    assert earliest_send(_dk(7, 23, 30), None, QUIET) == _dk(8, 7)
    assert earliest_send(_dk(8, 3), None, QUIET) == _dk(8, 7)
    assert earliest_send(_dk(8, 7), None, QUIET) == _dk(8, 7)
    assert earliest_send(_dk(8, 21, 59), None, QUIET) == _dk(8, 21, 59)
    assert earliest_send(_dk(8, 22), None, None) == _dk(8, 22)


def test_summer_time_is_danish_time_too() -> None:
    late = datetime(2026, 7, 1, 20, 30, tzinfo=UTC)  # 22:30 in Copenhagen (CEST)
    assert earliest_send(late, None, QUIET) == datetime(2026, 7, 2, 5, 0, tzinfo=UTC)


def test_one_per_kind_an_hour_and_then_quiet_hours() -> None:
    assert earliest_send(_dk(8, 10, 10), _dk(8, 10), QUIET) == _dk(8, 11)
    assert earliest_send(_dk(8, 12), _dk(8, 10), QUIET) == _dk(8, 12)
    assert earliest_send(_dk(8, 21, 30), _dk(8, 21, 15), QUIET) == _dk(9, 7)


def test_bad_quiet_hours_are_refused() -> None:
    assert parse_quiet_hours("") is None and parse_quiet_hours("none") is None
    for bad in ("22-7", "25:00-07:00", "evening"):
        with pytest.raises(InvalidSetting):
            parse_quiet_hours(bad)


def test_back_off_grows_to_an_hour() -> None:
    pauses = [retry_after(n) for n in range(1, 10)]
    assert pauses[0] == timedelta(seconds=30) and pauses[1] == timedelta(minutes=1)
    assert pauses == sorted(pauses) and pauses[-1] == timedelta(hours=1)


def test_codes_and_addresses() -> None:
    codes = {new_code() for _ in range(50)}
    assert all(looks_like_code(code) for code in codes) and len(codes) > 40
    assert not looks_like_code("12345") and not looks_like_code("12345a")
    assert normalise_email(" Mette@Example.DK ") == "Mette@example.dk"
    assert normalise_email("mette@") is None and normalise_email("a b@c.dk") is None
    assert normalise_mobile("20 30 40 50") == "+4520304050"
    assert normalise_mobile("+45 20304050") == "+4520304050"
    assert normalise_mobile("12345678") is None and normalise_mobile("2030405") is None
