"""The `ctassist` command: one entry point for everything a person runs.

`ctassist serve` prepares the database and serves the site; every other
sub-command is the Django management command of the same name with dashes
(`ctassist load-reference` runs `load_reference`).
"""

import os
import sys

from django.core.management import execute_from_command_line


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ctassist.settings")

    if not argv or argv[0] in ("-h", "--help", "help"):
        print(__doc__.strip())
        print("\nCommands: serve, load-reference, compile-translations, and every manage.py command.")
        return
    command = argv[0].replace("-", "_")
    execute_from_command_line(["ctassist", command, *argv[1:]])


if __name__ == "__main__":
    main()
