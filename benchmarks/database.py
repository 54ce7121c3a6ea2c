"""The database a benchmark runs on: never the one `make run` uses.

SQLite: var/NAME.sqlite3; PostgreSQL: the database of that name on 127.0.0.1:5432 (user
postgres), created if missing. `fresh` starts from an empty database."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def configure(sqlite_name: str, pg_database: str, postgres: bool, fresh: bool = False) -> str:
    """Point Django at the benchmark's database, set it up, and return its URL."""
    if postgres:
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname=%s", [pg_database]).fetchone()
            if exists and fresh:
                conn.execute(f"DROP DATABASE {pg_database} WITH (FORCE)")
            if not exists or fresh:
                conn.execute(f"CREATE DATABASE {pg_database}")
        url = f"postgres://postgres@127.0.0.1:5432/{pg_database}"
    else:
        path = ROOT / "var" / f"{sqlite_name}.sqlite3"
        path.parent.mkdir(exist_ok=True)
        if fresh:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ctassist.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    return url
