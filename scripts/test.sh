#!/usr/bin/env bash
# Set up and run the whole test suite: lint, unit, integration and browser tests on SQLite,
# then the database tests again on a throwaway PostgreSQL 15 cluster the tests start themselves.
# Extra arguments go to both pytest runs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$PWD/.venv/bin:$PATH"

echo "== ruff"
ruff check .
ruff format --check . >/dev/null || { ruff format --check .; exit 1; }

# Two workers: CI has two cores. Each worker has its own databases, live server and browser.
workers="${JOBNET_TEST_WORKERS:-2}"

echo "== import contracts (import-linter) and types (mypy)"
lint-imports --no-cache >/dev/null || lint-imports --no-cache
mypy

echo "== tests on SQLite (unit, integration, e2e)"
JOBNET_TEST_DB=sqlite pytest -q -p no:cacheprovider -n "$workers" "$@"

echo "== tests on PostgreSQL (integration)"
JOBNET_TEST_DB=postgresql pytest -q -p no:cacheprovider -n "$workers" tests/integration "$@"
