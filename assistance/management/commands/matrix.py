import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assistance.matrix import as_json, as_xlsx, monthly_matrix


def parse_month(value: str) -> tuple[int, int]:
    try:
        date = datetime.datetime.strptime(value, "%Y-%m")
    except ValueError:
        raise CommandError(f"--month {value!r} is not a month in the form YYYY-MM") from None
    return date.year, date.month


class Command(BaseCommand):
    help = "The matrix of ongoing and planned activities of a month, by region, subregion and state."

    def add_arguments(self, parser):
        parser.add_argument("--month", required=True, help="YYYY-MM")
        parser.add_argument("--format", choices=["json", "xlsx"], required=True)
        parser.add_argument("--out", type=Path)

    def handle(self, *args, month, format, out, **options):
        year, number = parse_month(month)
        lines = monthly_matrix(year, number)
        if format == "json":
            text = json.dumps(as_json(lines), ensure_ascii=False, indent=1)
            if out:
                out.write_text(text, encoding="utf-8")
            else:
                self.stdout.write(text)
            return
        if out is None:
            raise CommandError("--format xlsx needs --out FILE")
        out.write_bytes(as_xlsx(lines, year, number))
        self.stdout.write(f"Wrote {out}")
