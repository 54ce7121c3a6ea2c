from django.core.management.base import BaseCommand

from legislation.search import reindex_all


class Command(BaseCommand):
    help = (
        "Rebuild the full-text index of every provision, in one transaction: after a change of "
        "the analyzers (a new version of rjieba or snowballstemmer), or after provisions were "
        "written without the index (raw SQL, loaddata)."
    )

    def handle(self, *args, **options):
        count = reindex_all()
        self.stdout.write(f"Indexed {count:,} provisions.")
