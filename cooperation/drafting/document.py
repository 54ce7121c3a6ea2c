"""A drafted request as a document: the same sections for the PDF and the DOCX, in any of
the six languages.

Headings, labels and fixed wording are translated (gettext, in the document's language);
what the user typed stays as typed and keeps its own direction (an English summary of facts
in an Arabic request stays left to right; an Arabic name in a French one right to left)."""

from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from cooperation.drafting.checklist import AssistanceSought, Assurance, Purpose, missing_items
from cooperation.drafting.sources import draft_answers, legal_basis_for, requested_authority
from cooperation.models import DraftKind
from cooperation.offences import offence as offence_named
from ctassist.documents import pdf, word
from ctassist.documents.fonts import direction_of, keep_left_to_right
from ctassist.languages import data_language, django_language


@dataclass
class Line:
    text: str
    typed: bool = False  # typed by the user: kept as typed, in its own direction
    language: str | None = None  # a name given in another language than the document's
    label: str = ""  # "Reference", printed before the text

    @property
    def direction(self) -> str:
        return direction_of(self.text, default=None)


@dataclass
class Section:
    heading: str
    lines: list[Line] = field(default_factory=list)
    gap: bool = False  # what is missing: printed as a visible gap


@dataclass
class RequestDocument:
    language: str
    title: str
    sections: list[Section]
    missing: list[str]


def title_of(kind: str) -> str:
    return {
        DraftKind.MLA: _("Request for mutual legal assistance in criminal matters"),
        DraftKind.EXTRADITION: _("Request for extradition"),
        DraftKind.PROVISIONAL_ARREST: _("Request for provisional arrest with a view to extradition"),
    }.get(kind, _("Request"))


def _typed(text, label: str = "") -> list[Line]:
    return [Line(str(text).strip(), typed=True, label=label)] if str(text or "").strip() else []


def _requested_section(draft, language: str) -> Section:
    section = Section(_("Requested authority"), [Line(draft.requested_state.name(language))])
    authority = requested_authority(draft)
    if authority is None:
        section.gap = True
        section.lines.append(
            Line(
                _(
                    "No competent authority of %(state)s for this kind of request is recorded in "
                    "ctassist: find it and add its name and address before sending."
                )
                % {"state": draft.requested_state.name(language)}
            )
        )
        return section
    section.lines.append(Line(authority.name(language), language=authority.name_language(language)))
    section.lines += _typed(authority.address)
    return section


def _sought_section(draft, answers: dict) -> Section:
    if draft.kind == DraftKind.MLA:
        labels = dict(AssistanceSought.choices)
        section = Section(_("Assistance sought"))
        section.lines += [Line(str(labels[code])) for code in answers.get("assistance", ()) if code in labels]
        section.lines += _typed(answers.get("assistance_details"))
        return section
    section = Section(_("Extradition sought"))
    purpose = dict(Purpose.choices).get(answers.get("purpose"))
    if purpose:
        section.lines.append(Line(str(purpose)))
    section.lines += _typed(answers.get("warrant"), _("Warrant of arrest or judgment"))
    if answers.get("purpose") == Purpose.SENTENCE:
        section.lines += _typed(answers.get("sentence_remaining"), _("Sentence remaining to be served"))
    return section


def _urgency_section(answers: dict) -> Section:
    section = Section(_("Urgency and time limits"))
    if answers.get("urgent"):
        section.lines.append(Line(_("This request is urgent.")))
    section.lines += _typed(answers.get("urgency_reason"))
    if answers.get("respond_by"):
        day = keep_left_to_right(answers["respond_by"])
        section.lines.append(Line(_("Please execute this request by %(date)s.") % {"date": day}))
    return section


def compose(draft, language: str) -> RequestDocument:
    """The draft's request in `language` (one of the six)."""
    language = data_language(language)
    with translation.override(django_language(language)):
        answers = draft_answers(draft)
        found = offence_named(draft.offence)
        requesting = Section(_("Requesting authority"), [Line(draft.requesting_state.name(language))])
        requesting.lines += _typed(answers.get("requesting_authority"))
        requesting.lines += _typed(answers.get("reference"), _("Reference"))
        requesting.lines += _typed(answers.get("contact"), _("Officer in charge"))
        offence = Section(_("Offence"), [Line(str(found.label))] if found else [])
        offence.lines += _typed(answers.get("offence_law"), _("Text of the law"))
        offence.lines += _typed(answers.get("penalty"), _("Penalty"))
        assurances = Section(_("Assurances"))
        given = [str(label) for code, label in Assurance.choices if code in answers.get("assurances", ())]
        if given:
            assurances.lines = [Line(_("The requesting State gives the following assurances:"))]
            assurances.lines += [Line(text) for text in given]
        confidentiality = Section(_("Confidentiality"))
        if answers.get("confidential"):
            confidentiality.lines.append(
                Line(
                    _(
                        "The requesting authority asks that this request, its contents and the fact "
                        "that it was made be kept confidential, except as needed to execute it."
                    )
                )
            )
        sections = [
            requesting,
            _requested_section(draft, language),
            Section(_("Legal basis"), _typed(legal_basis_for(draft, language))),
            Section(_("Summary of the facts"), _typed(answers.get("facts"))),
            offence,
            _sought_section(draft, answers),
            Section(_("Persons concerned"), _typed(answers.get("persons"))),
            assurances,
            confidentiality,
            _urgency_section(answers),
        ]
        missing = [str(item.label) for item in missing_items(draft.kind, answers)]
        return RequestDocument(
            language,
            title_of(draft.kind),
            [section for section in sections if section.lines],
            missing,
        )


def as_pdf(document: RequestDocument) -> bytes:
    return pdf.render_pdf(
        "cooperation/request_document.html", {"request": document}, document.language, document.title
    )


def _add_line(document, line: Line, language: str) -> None:
    if line.label:
        # A paragraph of its own, so that typed text keeps its own direction after it.
        document.add_paragraph().add_run(f"{line.label}:").bold = True
    paragraph = document.add_paragraph()
    run = paragraph.add_run(line.text)
    if line.language and line.language != language:
        word.mark_language(run, line.language)
    if line.typed and direction_of(line.text, default=None) == "rtl":
        word.mark_right_to_left(paragraph)


def as_docx(document: RequestDocument) -> bytes:
    language = document.language
    with translation.override(django_language(language)):
        docx = word.new_document(language)
        docx.core_properties.title = document.title
        docx.add_heading(document.title, level=0)
        if document.missing:
            docx.add_paragraph().add_run(_("This draft is incomplete. Still missing:")).bold = True
            for item in document.missing:
                docx.add_paragraph(item, style="List Bullet")
        for section in document.sections:
            docx.add_heading(section.heading, level=1)
            for line in section.lines:
                _add_line(docx, line, language)
        docx.add_paragraph()
        docx.add_paragraph(_("Signature and seal of the requesting authority"))
    return word.save(docx)
