import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from legislation.document import ConversionError, SegmentationError
from legislation.importing import first_words, parse_upload
from legislation.models import LawKind
from legislation.services import import_law, law_slug
from states.models import State


class Command(BaseCommand):
    help = (
        "Import a law (plain text or Markdown, DOCX, text PDF, Akoma Ntoso XML), split into "
        "provisions. All or nothing; --dry-run shows the provisions and stores nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--state", required=True, help="ISO3 code of the state")
        parser.add_argument("--language", required=True, help="language of the text: zh en fr ru es ar de")
        parser.add_argument("--title", help="title in the original language (default: the text's own title)")
        parser.add_argument("--kind", default=LawKind.ACT, choices=LawKind.values)
        parser.add_argument(
            "--version-date", type=datetime.date.fromisoformat, help="date of this text, YYYY-MM-DD"
        )
        parser.add_argument("--source", help="where the text comes from (default: the file name)")
        parser.add_argument("--slug", help="identifier of the law (default: from the state and title)")
        parser.add_argument("--publish", action="store_true", help="show it on the public site")
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, **options):
        path: Path = options["file"]
        state = State.objects.filter(iso3=options["state"].upper()).first()
        if state is None:
            raise CommandError(f"--state {options['state']!r} is not an ISO3 code of a state in ctassist")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror}") from exc
        try:
            parsed, text = parse_upload(path.name, data, options["language"])
        except (ConversionError, SegmentationError) as exc:
            raise CommandError(f"{path.name}: nothing imported. {exc}") from exc
        title = options["title"] or parsed.title or path.stem
        slug = options["slug"] or law_slug(state.iso3, title)
        source = options["source"] or path.name
        if not options["dry_run"]:
            law_values = {
                "state": state,
                "kind": options["kind"],
                "title": title,
                "language": options["language"],
                "source": source,
                "published": options["publish"],
            }
            import_law(
                law_values,
                parsed,
                slug=slug,
                valid_from=options["version_date"],
                source=source,
                original=data,
            )
        provisions = [
            {"number": p.number, "kind": p.kind, "heading": p.heading, "first_words": first_words(p.text)}
            for p in parsed.walk()
        ]
        if options["format"] == "json":
            self.stdout.write(
                json.dumps(
                    {
                        "law": slug,
                        "title": title,
                        "state": state.iso3,
                        "language": options["language"],
                        "dry_run": options["dry_run"],
                        "provisions": provisions,
                    },
                    ensure_ascii=False,
                    indent=1,
                )
            )
            return
        for provision in provisions:
            self.stdout.write(
                f"{provision['number']:>16}  {provision['heading'][:40]:40}  {provision['first_words']}"
            )
        verb = "would be imported (dry run, nothing stored)" if options["dry_run"] else "imported"
        self.stdout.write(f"{len(provisions)} provisions of {title!r} {verb} as {slug}.")
