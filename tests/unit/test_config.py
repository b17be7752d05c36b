from __future__ import annotations

import pytest

from jobnet.dfdg.settings import load_dfdg_settings
from jobnet.environment import UnsafeConfiguration, parse_system_tokens
from jobnet.web.platform.config import load_settings

SAFE_PRODUCTION = {
    "SECRET_KEY": "k" * 40,
    "DATABASE_URL": "postgresql://jobnet@db/jobnet",
    "DFDG_DATABASE_URL": "postgresql://dfdg@db/dfdg",
    "DFDG_API_TOKEN": "t" * 32,
    "DFDG_SYSTEM_TOKENS": "jobnet-web=" + "t" * 32,
    "MITID_SIMULATOR_ENABLED": False,
    "PUBLIC_BASE_URL": "https://jobnet.example",
}


def test_safe_production_settings_are_accepted() -> None:
    settings = load_settings("production", SAFE_PRODUCTION)
    assert settings["SESSION_COOKIE_SECURE"] is True
    assert settings["HSTS"] is True


@pytest.mark.parametrize(
    ("override", "reason"),
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY"),
        ({"SECRET_KEY": "dev-only-not-secret"}, "SECRET_KEY"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY"),
        ({"DATABASE_URL": "sqlite:///web.sqlite"}, "DATABASE_URL"),
        ({"DFDG_DATABASE_URL": "sqlite:///dfdg.sqlite"}, "DFDG_DATABASE_URL"),
        ({"MITID_SIMULATOR_ENABLED": True}, "MitID simulator"),
        ({"LOAD_DEMO_DATA": True}, "demo data"),
        ({"DFDG_API_TOKEN": "dev-jobnet-web-token"}, "DFDG_API_TOKEN"),
        ({"DFDG_SYSTEM_TOKENS": ""}, "DFDG_SYSTEM_TOKENS"),
        ({"DFDG_SYSTEM_TOKENS": "jobnet-web=dev-jobnet-web-token"}, "DFDG_SYSTEM_TOKENS"),
        ({"DFDG_SYSTEM_TOKENS": "jobnet-web=short"}, "DFDG_SYSTEM_TOKENS"),
        ({"PUBLIC_BASE_URL": "http://jobnet.example"}, "https://"),
    ],
)
def test_production_refuses_unsafe_settings_in_one_line(override: dict, reason: str) -> None:
    with pytest.raises(UnsafeConfiguration) as error:
        load_settings("production", {**SAFE_PRODUCTION, **override})
    assert reason in str(error.value)
    assert "\n" not in str(error.value)


def test_production_with_remote_dfdg_does_not_need_a_dfdg_database() -> None:
    settings = {**SAFE_PRODUCTION, "DFDG_DATABASE_URL": "", "DFDG_BASE_URL": "http://dfdg:8000"}
    assert load_settings("production", settings)["DFDG_BASE_URL"] == "http://dfdg:8000"


def test_environment_variables_override_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SESSION_IDLE_MINUTES", "12")
    monkeypatch.setenv("MITID_SIMULATOR_ENABLED", "false")
    settings = load_settings("development")
    assert settings["SESSION_IDLE_MINUTES"] == 12
    assert settings["MITID_SIMULATOR_ENABLED"] is False


def test_production_refuses_the_simulator_even_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MITID_SIMULATOR_ENABLED", "true")
    with pytest.raises(UnsafeConfiguration, match="simulator"):
        load_settings(
            "production",
            {k: v for k, v in SAFE_PRODUCTION.items() if k != "MITID_SIMULATOR_ENABLED"},
        )


def test_unknown_environment_is_refused() -> None:
    with pytest.raises(UnsafeConfiguration, match="JOBNET_ENV"):
        load_settings("staging")


def test_system_tokens_are_parsed_and_empty_tokens_refused() -> None:
    assert parse_system_tokens("a=1, b=2") == {"a": "1", "b": "2"}
    with pytest.raises(UnsafeConfiguration):
        parse_system_tokens("a=")


def test_jobnet_env_chooses_the_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBNET_ENV", "production")
    with pytest.raises(UnsafeConfiguration, match="production needs"):
        load_settings()
    for key, value in SAFE_PRODUCTION.items():
        monkeypatch.setenv(key, str(value))
    settings = load_settings()
    assert settings["ENV_NAME"] == "production"
    assert settings["SESSION_COOKIE_SECURE"] is True


def test_the_dfdg_service_needs_only_its_own_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBNET_ENV", "production")
    own = {
        "DFDG_DATABASE_URL": "postgresql://dfdg@db/dfdg",
        "DFDG_SYSTEM_TOKENS": "jobnet-web=" + "t" * 32,
    }
    assert load_dfdg_settings(overrides=own)["ENV_NAME"] == "production"
    with pytest.raises(UnsafeConfiguration, match="DFDG_SYSTEM_TOKENS"):
        load_dfdg_settings(overrides={**own, "DFDG_SYSTEM_TOKENS": ""})
    with pytest.raises(UnsafeConfiguration, match="DFDG_DATABASE_URL"):
        load_dfdg_settings(overrides={**own, "DFDG_DATABASE_URL": "sqlite:///x"})


def test_the_dfdg_service_refuses_demo_data_in_production() -> None:
    own = {
        "DFDG_DATABASE_URL": "postgresql://dfdg@db/dfdg",
        "DFDG_SYSTEM_TOKENS": "jobnet-web=" + "t" * 32,
        "LOAD_DEMO_DATA": True,
    }
    with pytest.raises(UnsafeConfiguration, match="LOAD_DEMO_DATA"):
        load_dfdg_settings("production", own)
