"""The web app's short-lived keeping of DFDG's public statistics."""

from __future__ import annotations

from jobnet.clients.dfdg_client.statistics import PublicFiguresCache


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_an_answer_is_kept_for_its_time_then_asked_again() -> None:
    clock, asked = Clock(), []

    def fetch() -> int:
        asked.append(1)
        return len(asked)

    cache = PublicFiguresCache(300, clock)
    assert (cache.get("figures", fetch), cache.get("figures", fetch)) == (1, 1)
    assert cache.get("other filter", fetch) == 2  # each question has its own answer
    clock.now += 299
    assert cache.get("figures", fetch) == 1
    clock.now += 2
    assert cache.get("figures", fetch) == 3  # a revision shows once the time is up


def test_zero_seconds_keeps_nothing() -> None:
    asked: list[int] = []
    cache = PublicFiguresCache(0)
    for _ in range(3):
        cache.get("figures", lambda: asked.append(1))
    assert len(asked) == 3
