"""Typed settings read from the environment.

Each helper fails loudly, naming the variable and the value it could not use,
so that a typo in a deployment stops the process instead of silently falling
back to a default.
"""

import os
import secrets
from pathlib import Path


class ImproperlyConfiguredEnv(Exception):
    pass


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name)
    if value is None or value == "":
        if default is None:
            raise ImproperlyConfiguredEnv(f"Environment variable {name} is required but not set")
        return default
    return value


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfiguredEnv(
        f"Environment variable {name}={value!r} is not a boolean; use one of {sorted(_TRUE | _FALSE)}"
    )


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfiguredEnv(f"Environment variable {name}={value!r} is not an integer") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    items = [item.strip() for item in value.split(",")]
    if any(not item for item in items):
        raise ImproperlyConfiguredEnv(
            f"Environment variable {name}={value!r} has an empty item; "
            "give a comma-separated list such as 'example.org,www.example.org'"
        )
    return items


def secret_key(var_dir: Path) -> str:
    """SECRET_KEY from the environment, else from var/secret_key, created on first run."""
    value = os.environ.get("SECRET_KEY")
    if value:
        if len(value) < 50:
            raise ImproperlyConfiguredEnv("Environment variable SECRET_KEY must be at least 50 characters")
        return value
    key_file = var_dir / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    var_dir.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(64)
    key_file.write_text(value)
    key_file.chmod(0o600)
    return value
