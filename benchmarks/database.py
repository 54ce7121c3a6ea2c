"""The database a benchmark runs on: never the one `make run` uses.

SQLite: var/NAME.sqlite3; PostgreSQL: the database of that name on 127.0.0.1:5432 (user
postgres), created if missing. `fresh` starts from an empty database."""

import argparse
import datetime
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


def generated_data_arguments(description: str) -> argparse.ArgumentParser:
    """The options of a benchmark on `demo-data`'s generated records: which database, how
    many activities, the seed and the day they are generated as at, reuse of a previous run."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--activities", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date(2026, 6, 15))
    parser.add_argument(
        "--reuse", action="store_true", help="time on the records a previous run generated (no generation)"
    )
    return parser
