from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegislationConfig(AppConfig):
    name = "legislation"
    verbose_name = _("National legislation")

    def ready(self):
        # In ready(): signal handlers connect once the models are loaded.
        from legislation.search import signals  # noqa: F401  keeps the index in step with edits
