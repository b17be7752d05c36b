"""How pytest-xdist shares the tests between its workers (`-n 2` in scripts/test.sh).

The accessibility crawls are the slowest part of the suite, and each worker keeps its own: the
pages they found hold the receipts of that worker's live app, so one worker cannot use another's.
Left to xdist's plain load balancing, the tests that read a crawl were often split between the
workers, and then both ran the same crawl, adding minutes. Here every test that reads the
crawls of one language is one unit of work, so each crawl runs once: the Danish crawls on one
worker, the English on the other, and every other test goes wherever a worker is free.

(xdist's own `--dist loadgroup` would do this from a mark, but with pytest 9 it no longer sees
the group it writes into the test's id.)
"""

from __future__ import annotations

import re

from xdist.scheduler import LoadScopeScheduling

CRAWL_READERS = ("tests/e2e/test_a11y_crawl.py::", "tests/e2e/test_a11y_keyboard.py::")
LANGUAGE_PARAMETER = re.compile(r"\[(da|en)[-\]]")


def crawl_group(nodeid: str) -> str | None:
    """The unit of work of a test that reads one language's crawls, else None."""
    if not nodeid.startswith(CRAWL_READERS):
        return None
    language = LANGUAGE_PARAMETER.search(nodeid)
    return f"crawls-{language.group(1)}" if language else None


class CrawlsTogether(LoadScopeScheduling):
    """Load balancing test by test, except that the tests reading one language's crawls go
    together (the biggest units are handed out first, so the two languages start at once)."""

    def _split_scope(self, nodeid: str) -> str:
        return crawl_group(nodeid) or nodeid
