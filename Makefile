.DEFAULT_GOAL := help
PY := .venv/bin

help: ## Show the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

run: ## Set up and run the app on its embedded defaults (prints the URL)
	scripts/run.sh

test: ## Set up and run every test (SQLite and PostgreSQL, browser tests included)
	scripts/test.sh

lint: ## ruff check and format check
	$(PY)/ruff check . && $(PY)/ruff format --check .

format: ## ruff format and fix
	$(PY)/ruff format . && $(PY)/ruff check --fix .

translations: ## Extract messages, update the catalogs and compile them
	$(PY)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -o translations/messages.pot --no-location --omit-header --sort-output .
	$(PY)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --omit-header --ignore-obsolete
	$(PY)/pybabel compile -d translations -f

.PHONY: help run test lint format translations
