"""The country review report: a table of instruments × coverage, then every obligation with
its status, provisions, reasoning and recommendation. JSON, DOCX and PDF, in any language
of the interface (Chinese and English complete)."""

import io
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from assessments.models import Finding, FindingStatus, Review
from assessments.services import checklist
from ctassist.languages import data_language, django_language
from instruments.models import Instrument


@dataclass
class ObligationLine:
    article: str
    category: str
    description: str
    status: str
    provisions: list[str]
    reasoning: str
    recommendation: str
    suggested_wording: str


@dataclass
class InstrumentSection:
    slug: str
    title: str
    review_status: str
    coverage: dict
    lines: list[ObligationLine] = field(default_factory=list)


@dataclass
class CountryReport:
    state: str
    iso3: str
    language: str
    sections: list[InstrumentSection]


def build(state, language: str, instrument: Instrument | None = None) -> CountryReport:
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
            lines = []
            for obligation in checklist(current):
                finding = findings.get(obligation.id)
                lines.append(
                    ObligationLine(
                        article=obligation.article,
                        category=str(obligation.get_category_display()),
                        description=obligation.description(data_language()).text,
                        status=str(
                            FindingStatus(finding.status).label
                            if finding
                            else FindingStatus.NOT_ASSESSED.label
                        ),
                        provisions=[f"{p.version.law.title} {p.number}" for p in finding.provisions.all()]
                        if finding
                        else [],
                        reasoning=finding.reasoning if finding else "",
                        recommendation=finding.recommendation if finding else "",
                        suggested_wording=finding.suggested_wording if finding else "",
                    )
                )
            coverage = review.coverage() if review else {"percent": None, "applicable": len(lines)}
            sections.append(
                InstrumentSection(
                    current.slug,
                    current.display_title(data_language()),
                    str(review.get_status_display()) if review else _("no review yet"),
                    coverage,
                    lines,
                )
            )
        return CountryReport(state.name(data_language()), state.iso3, language, sections)


def as_json(report: CountryReport) -> dict:
    from dataclasses import asdict

    return asdict(report)


def _labels(language: str) -> dict[str, str]:
    with translation.override(django_language(language)):
        return {
            "title": _("Legislative review of %(state)s"),
            "coverage": _("Coverage of the instruments"),
            "instrument": _("Instrument"),
            "review": _("Review"),
            "fully": _("fully implemented"),
            "percent": _("Coverage"),
            "article": _("Article"),
            "status": _("Status"),
            "provisions": _("Provisions"),
            "reasoning": _("Reasoning"),
            "recommendation": _("Recommendation"),
            "wording": _("Suggested wording"),
            "none": _("none"),
        }


def _percent(coverage: dict) -> str:
    return "—" if coverage.get("percent") is None else f"{coverage['percent']} %"


def as_docx(report: CountryReport) -> bytes:
    from docx import Document

    labels = _labels(report.language)
    document = Document()
    document.add_heading(labels["title"] % {"state": report.state}, level=0)
    document.add_heading(labels["coverage"], level=1)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, (labels["instrument"], labels["review"], labels["percent"]), strict=True
    ):
        cell.text = text
    for section in report.sections:
        row = table.add_row().cells
        row[0].text, row[1].text, row[2].text = (
            section.title,
            section.review_status,
            _percent(section.coverage),
        )
    for section in report.sections:
        document.add_heading(section.title, level=1)
        for line in section.lines:
            document.add_heading(f"{labels['article']} {line.article} — {line.category}", level=2)
            document.add_paragraph(line.description)
            document.add_paragraph(f"{labels['status']}: {line.status}")
            document.add_paragraph(f"{labels['provisions']}: {'; '.join(line.provisions) or labels['none']}")
            for key, text in (
                ("reasoning", line.reasoning),
                ("recommendation", line.recommendation),
                ("wording", line.suggested_wording),
            ):
                if text:
                    document.add_paragraph(f"{labels[key]}: {text}")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def as_pdf(report: CountryReport) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    # Adobe's CID font for simplified Chinese needs no font file: the PDF reader supplies it.
    font = "Helvetica"
    if report.language == "zh":
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        font = "STSong-Light"
    styles = getSampleStyleSheet()
    body = ParagraphStyle(
        "body", parent=styles["BodyText"], fontName=font, wordWrap="CJK" if font != "Helvetica" else None
    )
    h1 = ParagraphStyle("h1", parent=styles["Heading1"], fontName=font)
    h2 = ParagraphStyle("h2", parent=styles["Heading2"], fontName=font)
    h3 = ParagraphStyle("h3", parent=styles["Heading3"], fontName=font)
    labels = _labels(report.language)

    def p(text, style=body):
        return Paragraph(escape(text).replace("\n", "<br/>"), style)

    story = [p(labels["title"] % {"state": report.state}, h1), p(labels["coverage"], h2)]
    rows = [[p(labels["instrument"]), p(labels["review"]), p(labels["percent"])]]
    rows += [[p(s.title), p(s.review_status), p(_percent(s.coverage))] for s in report.sections]
    table = Table(rows, colWidths=[300, 100, 70], repeatRows=1)
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    story += [table, Spacer(1, 12)]
    for section in report.sections:
        story.append(p(section.title, h2))
        for line in section.lines:
            story.append(p(f"{labels['article']} {line.article} — {line.category}", h3))
            story.append(p(line.description))
            story.append(p(f"{labels['status']}: {line.status}"))
            story.append(p(f"{labels['provisions']}: {'; '.join(line.provisions) or labels['none']}"))
            for key, text in (
                ("reasoning", line.reasoning),
                ("recommendation", line.recommendation),
                ("wording", line.suggested_wording),
            ):
                if text:
                    story.append(p(f"{labels[key]}: {text}"))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, title=labels["title"] % {"state": report.state}).build(story)
    return out.getvalue()
