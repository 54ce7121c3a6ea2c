import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assessments import suggestions as engine
from assessments.services import suggestion_inputs
from legislation.document import ConversionError, SegmentationError
from legislation.importing import parse_upload


class Command(BaseCommand):
    help = (
        "For each provision of a law file (not stored), the obligations of the 19 instruments it most "
        "likely implements, best first, each with the reasons."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--language", required=True)
        parser.add_argument("--top", type=int, default=5)
        parser.add_argument("--format", choices=["json"], default="json")

    def handle(self, *args, file, language, top, **options):
        try:
            parsed, _text = parse_upload(file.name, file.read_bytes(), language)
        except OSError as exc:
            raise CommandError(f"{file}: {exc.strerror}") from exc
        except (ConversionError, SegmentationError) as exc:
            raise CommandError(f"{file.name}: {exc}") from exc
        provisions = [(p.number, p.heading, p.text) for p in parsed.walk()]
        results = engine.suggest_for_law(provisions, language, *suggestion_inputs(), top)
        self.stdout.write(
            json.dumps(
                {
                    "provisions": [
                        {
                            "number": number,
                            "heading": heading,
                            "obligations": [
                                {
                                    "instrument": s.slug,
                                    "article": s.article,
                                    "score": round(s.score, 4),
                                    "why": s.why,
                                }
                                for s in suggestions
                            ],
                        }
                        for number, heading, suggestions in results
                    ]
                },
                ensure_ascii=False,
                indent=1,
            )
        )
