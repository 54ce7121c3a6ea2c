"""Settings come from the environment and fail loudly on a bad value."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ctassist.env import ImproperlyConfiguredEnv, env_bool, env_list, secret_key

ROOT = Path(__file__).resolve().parent.parent


def test_a_bad_boolean_names_the_variable(monkeypatch):
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfiguredEnv, match=r"DEBUG='maybe' is not a boolean"):
        env_bool("DEBUG", False)


def test_an_empty_host_is_refused(monkeypatch):
    monkeypatch.setenv("ALLOWED_HOSTS", "example.org,,")
    with pytest.raises(ImproperlyConfiguredEnv, match="ALLOWED_HOSTS"):
        env_list("ALLOWED_HOSTS", [])


def test_secret_key_is_generated_once_into_var(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = secret_key(tmp_path)
    assert len(first) >= 50
    assert secret_key(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def _manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_bad_database_url_stops_the_start():
    result = _manage("check", DATABASE_URL="nosuchdb://x")
    assert result.returncode != 0
    assert "DATABASE_URL='nosuchdb://x' cannot be used" in result.stderr


def test_check_deploy_passes_with_production_settings(tmp_path):
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        CTASSIST_HTTPS="true",
        ALLOWED_HOSTS="ctassist.example.org",
        SECRET_KEY="x" * 20 + "production-secret-from-the-environment-0123456789",
        CTASSIST_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
