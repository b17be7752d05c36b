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

translations: ## Extract messages, update translations/da, compile
	$(PY)/python scripts/translations.py update

.PHONY: help run test lint format translations
