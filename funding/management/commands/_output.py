"""Writing a command's document to --out or to standard output."""

import json
import sys
from pathlib import Path

from django.core.management.base import CommandError

from ctassist.languages import UN_LANGUAGES


def check_language(language: str) -> str:
    if language not in UN_LANGUAGES:
        raise CommandError(f"--language {language!r}: use one of {', '.join(UN_LANGUAGES)}")
    return language


def write(content: bytes | dict, out: str | None, stdout) -> None:
    if isinstance(content, dict):
        content = (json.dumps(content, ensure_ascii=False, indent=2) + "\n").encode()
    if not out:
        sys.stdout.buffer.write(content) if stdout is None else stdout.write(content.decode(), ending="")
        return
    try:
        Path(out).write_bytes(content)
    except OSError as error:
        raise CommandError(f"--out {out}: {error.strerror}") from None
