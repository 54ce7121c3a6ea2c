"""The country review report: a table of instruments × coverage, then every obligation with
its status, provisions, reasoning and recommendation. JSON, DOCX and PDF in the six UN
languages (ctassist/documents/ gives the fonts, the page and right to left for Arabic).

Text that is not in the report's language says which language it is in: an instrument
without an official title in that language shows its English title, marked as a gap;
an obligation whose summary has no translation shows the English one; a law's title is
in the law's own language."""

from dataclasses import asdict, dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from assessments.models import Finding, FindingStatus, Review
from assessments.services import checklist
from ctassist.documents import pdf, word
from ctassist.languages import data_language, django_language
from instruments.models import Instrument


@dataclass
class Text:
    """A text and the language it is written in."""

    text: str
    language: str


@dataclass
class ObligationLine:
    article: str
    category: str
    description: Text
    status: str
    provisions: list[Text]
    reasoning: str
    recommendation: str
    suggested_wording: str


@dataclass
class InstrumentSection:
    slug: str
    title: Text
    # False when no source gives the official title in the report's language.
    title_in_language: bool
    review_status: str
    coverage: dict
    lines: list[ObligationLine] = field(default_factory=list)

    @property
    def percent(self) -> str:
        return "—" if self.coverage.get("percent") is None else f"{self.coverage['percent']} %"


@dataclass
class CountryReport:
    state: str
    iso3: str
    language: str
    sections: list[InstrumentSection]

    @property
    def title(self) -> str:
        with translation.override(django_language(self.language)):
            return _("Legislative review of %(state)s") % {"state": self.state}


def _description(obligation, language: str) -> Text:
    described = obligation.description(language)
    if isinstance(described, tuple):  # (text, the language it is in)
        return Text(*described)
    return Text(described, language if language in ("en", "zh") else "en")


def _title(instrument: Instrument, language: str) -> tuple[Text, bool]:
    own = instrument.title_in(language)
    if own:
        return Text(own.title, language), True
    english = instrument.title_in("en")
    return Text(english.title if english else instrument.short_name, "en"), False


def _line(obligation, finding, language: str) -> ObligationLine:
    provisions = []
    if finding:
        for provision in finding.provisions.all():
            law = provision.version.law
            provisions.append(Text(f"{law.title} {provision.number}".strip(), data_language(law.language)))
    return ObligationLine(
        article=obligation.article,
        category=str(obligation.get_category_display()),
        description=_description(obligation, language),
        status=str(FindingStatus(finding.status).label if finding else FindingStatus.NOT_ASSESSED.label),
        provisions=provisions,
        reasoning=finding.reasoning if finding else "",
        recommendation=finding.recommendation if finding else "",
        suggested_wording=finding.suggested_wording if finding else "",
    )


def build(state, language: str, instrument: Instrument | None = None) -> CountryReport:
    language = data_language(language)
    with translation.override(django_language(language)):
        reviews = {r.instrument_id: r for r in Review.objects.filter(state=state)}
        instruments = [instrument] if instrument else list(Instrument.objects.with_titles())
        sections = []
        for current in instruments:
            review = reviews.get(current.id)
            findings = {}
            if review:
                for finding in Finding.objects.filter(review=review).prefetch_related(
                    "provisions__version__law"
                ):
                    findings[finding.obligation_id] = finding
            lines = [_line(o, findings.get(o.id), language) for o in checklist(current)]
            coverage = review.coverage() if review else {"percent": None, "applicable": len(lines)}
            title, in_language = _title(current, language)
            sections.append(
                InstrumentSection(
                    current.slug,
                    title,
                    in_language,
                    str(review.get_status_display()) if review else _("no review yet"),
                    coverage,
                    lines,
                )
            )
        return CountryReport(state.name(language), state.iso3, language, sections)


def as_json(report: CountryReport) -> dict:
    return asdict(report)


def _labels() -> dict[str, str]:
    return {
        "coverage": _("Coverage of the instruments"),
        "instrument": _("Instrument"),
        "review": _("Review"),
        "percent": _("Coverage"),
        "article": _("Article"),
        "status": _("Status"),
        "provisions": _("Provisions"),
        "reasoning": _("Reasoning"),
        "recommendation": _("Recommendation"),
        "wording": _("Suggested wording"),
        "none": _("none"),
        "no_title": _("No official title in this language in ctassist; the English title is shown."),
    }


def as_pdf(report: CountryReport) -> bytes:
    return pdf.render_pdf(
        "assessments/report_document.html",
        {"report": report},
        report.language,
        report.title,
    )


def _run(paragraph, text: Text | str, document_language: str):
    """A run of `text`, marked with its own language where that differs from the document's."""
    run = paragraph.add_run(text.text if isinstance(text, Text) else text)
    if isinstance(text, Text) and text.language != document_language:
        word.mark_language(run, text.language)
    return run


def as_docx(report: CountryReport) -> bytes:
    language = report.language
    with translation.override(django_language(language)):
        labels = _labels()
        document = word.new_document(language)
        document.core_properties.title = report.title
        document.add_heading(report.title, level=0)
        document.add_heading(labels["coverage"], level=1)
        table = document.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, text in zip(
            table.rows[0].cells, (labels["instrument"], labels["review"], labels["percent"]), strict=True
        ):
            cell.text = text
        for section in report.sections:
            row = table.add_row().cells
            _run(row[0].paragraphs[0], section.title, language)
            row[1].text, row[2].text = section.review_status, section.percent
        for section in report.sections:
            _run(document.add_heading(level=1), section.title, language)
            if not section.title_in_language:
                document.add_paragraph(labels["no_title"])
            for line in section.lines:
                document.add_heading(f"{labels['article']} {line.article} — {line.category}", level=2)
                _run(document.add_paragraph(), line.description, language)
                document.add_paragraph(f"{labels['status']}: {line.status}")
                paragraph = document.add_paragraph(f"{labels['provisions']}: ")
                for number, provision in enumerate(line.provisions):
                    if number:
                        paragraph.add_run("; ")
                    _run(paragraph, provision, language)
                if not line.provisions:
                    paragraph.add_run(labels["none"])
                for key, text in (
                    ("reasoning", line.reasoning),
                    ("recommendation", line.recommendation),
                    ("wording", line.suggested_wording),
                ):
                    if text:
                        # Typed by the reviewer in any language: a paragraph of its own, so
                        # that it keeps its own direction inside an Arabic report.
                        document.add_paragraph().add_run(f"{labels[key]}:").bold = True
                        document.add_paragraph(text)
    return word.save(document)
