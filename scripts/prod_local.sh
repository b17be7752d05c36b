#!/usr/bin/env bash
# Start Jobnet's production shape locally: a throwaway PostgreSQL cluster, migrations for both
# stores, DFDG as its own gunicorn service, the web app as several gunicorn workers, and the
# outbox worker as its own process. Ctrl-C stops everything. See docs/production.md.
# Usage: scripts/prod_local.sh [--web-workers N] [--seed-persons N --seed-records M]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test >/dev/null
exec .venv/bin/python bench/prod_local.py "$@"
