from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Legislative review")

    def ready(self):
        # In ready(): the signal handlers and the hook need the models of both apps loaded.
        from assessments import signals  # noqa: F401  raises the edition when the checklist changes
        from assessments.services import suggest_for_provision_page
        from legislation import provision_suggestions

        # The provision page shows the obligations a provision may implement; legislation,
        # below the review, does not import it but asks whoever registered.
        provision_suggestions.register(suggest_for_provision_page)
