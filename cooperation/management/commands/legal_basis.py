import datetime
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from cooperation.legal_basis import find_legal_basis
from cooperation.legal_basis_data import as_data, as_lines, resolve
from ctassist.languages import UN_LANGUAGES, django_language


class Command(BaseCommand):
    help = (
        "Which universal instruments bind two states for an offence on a date, with the articles "
        "that serve extradition and mutual legal assistance."
    )

    def add_arguments(self, parser):
        parser.add_argument("requesting", help="requesting state, ISO 3166-1 alpha-3 (e.g. FRA)")
        parser.add_argument("requested", help="requested state, ISO 3166-1 alpha-3 (e.g. CHN)")
        parser.add_argument("--offence", required=True, help="an offence code (docs/cooperation.md)")
        parser.add_argument("--on", help="YYYY-MM-DD (default today)")
        parser.add_argument("--format", choices=["json", "text"], default="text")
        parser.add_argument(
            "--language", choices=UN_LANGUAGES, default="en", help="of the labels (default en)"
        )

    def handle(self, *args, requesting, requested, offence, on, format, language, **options):
        try:
            first, second, found, day = resolve(
                requesting, requested, offence, on or datetime.date.today().isoformat()
            )
        except ValueError as error:
            raise CommandError(str(error)) from None
        with translation.override(django_language(language)):
            basis = find_legal_basis(first, second, found, day)
            if format == "json":
                self.stdout.write(json.dumps(as_data(basis), ensure_ascii=False, indent=1, default=str))
            else:
                self.stdout.write("\n".join(as_lines(basis)))
