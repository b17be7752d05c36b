"""The DFDG JSON API under /api/v1.

Route modules register themselves on `api` (see `jobnet.dfdg.api.blueprint`); importing them
here is what puts them on the blueprint.
"""

from jobnet.dfdg.api import meta, organisations, persons  # noqa: F401  (registers routes)
from jobnet.dfdg.api.blueprint import URL_PREFIX, api, bp

__all__ = ["URL_PREFIX", "api", "bp"]
