from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThesaurusConfig(AppConfig):
    name = "thesaurus"
    verbose_name = _("Thesaurus")

    def ready(self):
        # In ready(): signal handlers connect once the models are loaded.
        from thesaurus import edition  # noqa: F401  bumps the edition when a concept or term changes
