"""Min side's "What you need to do", rendered once per (language, script root, duties).

The section is a pure function of the duties DFDG answered (every field of every duty and the
day they were judged on), the reader's language and where the app is mounted: the links are
made from the duties' own ids, the dates are words in the app's one time zone, and nothing else
of the person or the request is on it. So the HTML is kept per process under exactly that key,
and a view whose duties are the same as an earlier view's (the common case: most views of Min
side change nothing) costs a dictionary lookup instead of rendering a dozen strings per duty. A
change to any duty (a CV published, a new summons, a new day, a week's count) is a different key
and renders at once; the key holds no person id, and two persons with the same duties on the
same day see the same words, which is what rendering them would give. Bounded, least recently
used first out; one cache per app (a test app's settings may differ)."""

from __future__ import annotations

import threading
from collections import OrderedDict

from flask import current_app, render_template, request
from markupsafe import Markup

from jobnet.clients.dfdg_client.duties import Duties
from jobnet.web.platform.i18n import current_language

SECTION_TEMPLATE = "citizen/duties/_what_to_do.html"
MAX_SECTIONS = 256
_EXTENSION = "duty_sections"

SectionKey = tuple[str, str, Duties]


class SectionCache:
    """Rendered sections by key, the least recently used dropped past `size` (thread-safe:
    a gthread worker serves several requests at once)."""

    def __init__(self, size: int = MAX_SECTIONS) -> None:
        self.size = size
        self._items: OrderedDict[SectionKey, Markup] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: SectionKey) -> Markup | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: SectionKey, html: Markup) -> None:
        with self._lock:
            self._items[key] = html
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)


def section_cache() -> SectionCache:
    cache = current_app.extensions.get(_EXTENSION)
    if cache is None:
        cache = current_app.extensions.setdefault(_EXTENSION, SectionCache())
    return cache


def what_to_do_html(duties: Duties) -> Markup:
    """The "What you need to do" section for these duties, in the request's language."""
    key: SectionKey = (current_language(), request.script_root, duties)
    cache = section_cache()
    html = cache.get(key)
    if html is None:
        html = Markup(render_template(SECTION_TEMPLATE, duties=duties))  # noqa: S704 - our template, autoescaped
        cache.put(key, html)
    return html
