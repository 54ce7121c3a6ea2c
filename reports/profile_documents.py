"""The country profile as a PDF (ctassist/documents/pdf.py: WeasyPrint, the Noto fonts, Arabic
right to left). The PDF prints the same sections as the page (one template,
reports/profile_sections.html, for both), so a reader's PDF holds exactly what their page
shows: an anonymous reader's PDF has no restricted field."""

from django.utils import translation
from django.utils.translation import gettext as _

from ctassist.documents import pdf
from ctassist.languages import data_language, django_language
from reports.profile import CountryProfile, build


def title(profile: CountryProfile, language: str) -> str:
    with translation.override(django_language(language)):
        return _("Country profile: %(state)s") % {"state": profile.state.name(language)}


def as_pdf(profile: CountryProfile, language: str) -> bytes:
    language = data_language(language)
    return pdf.render_pdf(
        "reports/profile_document.html", {"profile": profile}, language, title(profile, language)
    )


def profile_pdf(state, user, language: str) -> bytes:
    """Build the profile in `language` (the reasoning of each entry into force is worded in
    it) for `user`, and print it."""
    language = data_language(language)
    with translation.override(django_language(language)):
        profile = build(state, user)
    return as_pdf(profile, language)
