"""The obligations of the 19 instruments as the engine reads them: plain data, no database
(`ObligationProfile`, from data/reference/obligations.csv or from the stored checklist,
assessments.services.obligation_profiles), not the stored `assessments.models.Obligation`."""

import csv
from dataclasses import dataclass, field
from pathlib import Path

CATEGORIES = (
    "offence",
    "penalties",
    "jurisdiction",
    "extradite-or-prosecute",
    "extradition",
    "mutual-legal-assistance",
    "legal-persons",
    "freezing-confiscation",
    "preventive-measures",
    "offender-rights",
    "cooperation",
)


@dataclass
class ObligationProfile:
    """What the engine knows of one obligation of the checklist."""

    slug: str  # the instrument, e.g. financing-1999
    article: str  # e.g. 2(1)(a)
    category: str  # one of CATEGORIES
    concepts: list[str] = field(default_factory=list)  # concept ids, most specific first
    description_en: str = ""
    description_zh: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.slug, self.article)

    def __str__(self) -> str:
        return f"{self.slug} {self.article}"


def read_obligation_profiles(path: str | Path) -> list[ObligationProfile]:
    """The rows of an obligations file, in its order (columns slug, article, category,
    concepts — semicolon-separated, most specific first —, description_en, description_zh;
    others such as complete and source are ignored here)."""
    obligations = []
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"slug", "article", "category", "concepts"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: missing columns {', '.join(sorted(missing))}")
        for line, row in enumerate(reader, start=2):
            slug = (row.get("slug") or "").strip()
            category = (row.get("category") or "").strip()
            if not slug:
                raise ValueError(f"{path}, line {line}: slug is required")
            if category not in CATEGORIES:
                raise ValueError(f"{path}, line {line}: unknown category {category!r}")
            concepts = [code.strip() for code in (row.get("concepts") or "").split(";") if code.strip()]
            obligations.append(
                ObligationProfile(
                    slug=slug,
                    article=(row.get("article") or "").strip(),
                    category=category,
                    concepts=list(dict.fromkeys(concepts)),
                    description_en=(row.get("description_en") or "").strip(),
                    description_zh=(row.get("description_zh") or "").strip(),
                )
            )
    return obligations
