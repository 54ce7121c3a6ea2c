import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from ctassist.languages import django_language
from funding.contributions import contributions
from funding.documents import contributions_docx, contributions_xlsx
from funding.management.commands._output import check_language, write


def day(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


class Command(BaseCommand):
    help = (
        "The contributions table for a period, as the reports print it: donor, total in US dollars "
        "(rounded to the dollar), pledges not yet paid marked a, the total of the rows, and notes on "
        "printed totals that differ. JSON, DOCX or XLSX, in one of the six languages."
    )

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", required=True, type=day, help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, type=day, help="last day, YYYY-MM-DD")
        parser.add_argument("--format", choices=["json", "docx", "xlsx"], default="json")
        parser.add_argument("--language", default="en", help="ar, zh, en, fr, ru or es (default en)")
        parser.add_argument("--out", help="file to write (default: standard output)")

    def handle(self, *args, start, end, format, language, out, **options):
        language = check_language(language)
        if end < start:
            raise CommandError(f"--to {end} is before --from {start}")
        with translation.override(django_language(language)):
            table = contributions(start, end)
            if format == "json":
                content = table.as_json(language)
            elif format == "docx":
                content = contributions_docx(table, language)
            else:
                content = contributions_xlsx(table, language)
        if format != "json" and not out:
            raise CommandError(f"--format {format} writes a file: name it with --out")
        write(content, out, self.stdout)
