from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from ctassist.languages import django_language
from funding.documents import biennium_xlsx
from funding.expenditure import BadBiennium, biennium, parse_biennium
from funding.management.commands._output import check_language, write


class Command(BaseCommand):
    help = (
        "Received, spent, committed and left in a biennium, per donor and per project, "
        "in US dollars rounded to the dollar. JSON or XLSX."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--biennium", dest="years", required=True, help="two consecutive years, e.g. 2004-2005"
        )
        parser.add_argument("--format", choices=["json", "xlsx"], default="json")
        parser.add_argument("--language", default="en", help="ar, zh, en, fr, ru or es (default en)")
        parser.add_argument("--out", help="file to write (default: standard output)")

    def handle(self, *args, years: str, format, language, out, **options):
        language = check_language(language)
        try:
            first_year = parse_biennium(years)
        except BadBiennium as error:
            raise CommandError(str(error)) from None
        if format == "xlsx" and not out:
            raise CommandError("--format xlsx writes a file: name it with --out")
        result = biennium(first_year)
        with translation.override(django_language(language)):
            content = result.as_json(language) if format == "json" else biennium_xlsx(result, language)
        write(content, out, self.stdout)
