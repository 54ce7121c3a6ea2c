"""The register of sources: what a fact was read in, as a reader can look it up.

Data files name a source by its key and a locator ("nl-treaty-bwbv0004659 art. 21(1)");
pages show it as a numbered note (title, publisher, date, address, kind). The free-text
provenance that staff wrote while gathering the data (file paths, commits, working
notes) stays in the records and the API, and is shown to staff only.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class SourceKind(models.TextChoices):
    OFFICIAL = "official", _("official")
    THIRD_PARTY = "third-party", _("third-party copy")
    CTASSIST = "ctassist", _("ctassist's own summary or translation")


class Source(models.Model):
    public_reference = True

    key = models.SlugField(_("key"), max_length=80, unique=True)
    title = models.TextField(_("title"))
    publisher = models.CharField(_("publisher"), max_length=300, blank=True)
    # As precise as the source is: "2014", "2023-04" or "2014-07-10"; blank when not known.
    date = models.CharField(_("date"), max_length=10, blank=True)
    url = models.CharField(_("address"), max_length=500, blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=SourceKind.choices)
    licence = models.CharField(_("licence"), max_length=300, blank=True)
    note = models.TextField(_("note"), blank=True)
    language = models.CharField(
        _("language of the title"),
        max_length=8,
        blank=True,
        help_text=_("ISO 639-1 code, where the title's script does not tell it (a French title)."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["key"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.title

    @property
    def is_link(self) -> bool:
        return self.url.startswith(("https://", "http://"))


class ProvenanceAlias(models.Model):
    """A provenance string (or its beginning) as other data files write it, and the
    citation it stands for. A `*` in the citation stands for the rest of the string after
    `prefix` (e.g. the article after a treaty text's file name)."""

    public_reference = True

    prefix = models.TextField(_("provenance begins with"), unique=True)
    citation = models.TextField(_("citation"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["prefix"]
        verbose_name = _("provenance alias")
        verbose_name_plural = _("provenance aliases")

    def __str__(self) -> str:
        return f"{self.prefix[:60]} → {self.citation}"
