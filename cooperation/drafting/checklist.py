"""What a requested state needs in a request for mutual legal assistance or extradition, and
what a draft still lacks.

The lists follow what the UN Model Treaties on Extradition (General Assembly resolution
45/116, article 5) and on Mutual Assistance in Criminal Matters (45/117, article 5) ask of
a request, and UNODC's Mutual Legal Assistance Request Writer Tool: the authority asking,
the facts, the offence with its legal text and penalty, the legal basis, the persons
concerned, what is sought and the assurances the requested state will look for.

`missing_items` is a pure function of the answers (a dict, as a draft keeps them), so that
the page, the documents and the tests ask the same question."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from cooperation.models.drafts import DraftKind


class AssistanceSought(models.TextChoices):
    TAKING_EVIDENCE = "taking-evidence", _("Taking evidence or statements from persons")
    SEARCH_AND_SEIZURE = "search-and-seizure", _("Search and seizure")
    PRODUCTION_OF_RECORDS = "production-of-records", _("Production of records and documents")
    SERVICE_OF_DOCUMENTS = "service-of-documents", _("Service of judicial documents")
    VIDEOCONFERENCE = "videoconference", _("Hearing by videoconference")
    TRANSFER_IN_CUSTODY = "transfer-in-custody", _("Temporary transfer of persons in custody")
    FREEZING_AND_CONFISCATION = (
        "freezing-and-confiscation",
        _("Freezing, seizure and confiscation of proceeds of crime"),
    )
    ELECTRONIC_EVIDENCE = "electronic-evidence", _("Preservation and production of electronic evidence")


class Purpose(models.TextChoices):
    PROSECUTION = "prosecution", _("For prosecution")
    SENTENCE = "sentence", _("To serve a sentence")


class Assurance(models.TextChoices):
    SPECIALITY = (
        "speciality",
        _(
            "Rule of speciality: the person will not be proceeded against, sentenced, detained or "
            "re-extradited for any offence committed before surrender other than the offence for which "
            "extradition is granted, without the consent of the requested State."
        ),
    )
    NO_DEATH_PENALTY = (
        "no-death-penalty",
        _("The death penalty will not be imposed or, if imposed, will not be carried out."),
    )
    FAIR_TRIAL = (
        "fair-trial",
        _(
            "The person will have a fair trial with the minimum guarantees of article 14 of the "
            "International Covenant on Civil and Political Rights."
        ),
    )
    USE_LIMITATION = (
        "use-limitation",
        _(
            "The information and evidence obtained will be used only for the investigation or "
            "proceedings described in this request, unless the requested State consents otherwise."
        ),
    )
    CUSTODY_AND_RETURN = (
        "custody-and-return",
        _(
            "A person transferred in custody will be kept in custody and returned to the requested "
            "State as soon as the assistance is completed."
        ),
    )
    FULL_REQUEST_FOLLOWS = (
        "full-request-follows",
        _(
            "A request for extradition with its supporting documents will follow within the time "
            "limit of the applicable treaty or law."
        ),
    )


@dataclass(frozen=True)
class MissingItem:
    field: str  # the form field to fill in, for a link to it
    label: str  # what is missing, in the reader's language


_COMMON = (
    ("requesting_authority", _("The requesting authority: its name and address")),
    ("contact", _("The officer in charge of the case: name, telephone and e-mail")),
    ("requested_state", _("The requested State")),
    ("facts", _("A summary of the facts")),
    ("offence", _("The offence")),
    ("offence_law", _("The text of the law that defines the offence")),
    ("penalty", _("The penalty the law provides for the offence")),
    ("legal_basis", _("The legal basis of the request")),
    ("persons", _("The persons concerned: names, nationality, date of birth, whereabouts")),
)


def _filled(value) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return bool(value)


def missing_items(kind: str, answers: dict) -> list[MissingItem]:
    """What a request of `kind` still needs, in the order of the form; empty when complete."""
    needed = list(_COMMON)
    assurances = set(answers.get("assurances") or ())
    if kind == DraftKind.MLA:
        needed += [
            ("assistance", _("The assistance sought: at least one measure")),
            ("assistance_details", _("What is to be done, where, and how it relates to the facts")),
        ]
        if AssistanceSought.TRANSFER_IN_CUSTODY in (answers.get("assistance") or ()):
            needed.append(("custody-and-return", Assurance.CUSTODY_AND_RETURN.label))
    else:  # extradition, or provisional arrest pending a request for extradition
        needed += [
            ("purpose", _("Whether extradition is sought for prosecution or to serve a sentence")),
            ("warrant", _("The warrant of arrest or the judgment: authority, date and reference")),
        ]
        if answers.get("purpose") == Purpose.SENTENCE:
            needed.append(("sentence_remaining", _("The part of the sentence that remains to be served")))
        if kind == DraftKind.EXTRADITION:
            needed.append(("speciality", Assurance.SPECIALITY.label))
        else:
            needed += [
                ("urgency_reason", _("Why provisional arrest is urgent")),
                ("full-request-follows", Assurance.FULL_REQUEST_FOLLOWS.label),
            ]
        if answers.get("death_penalty_possible"):
            needed.append(("no-death-penalty", Assurance.NO_DEATH_PENALTY.label))
    if answers.get("urgent"):
        needed.append(("urgency_reason", _("Why the request is urgent")))
    missing, seen = [], set()
    for field, label in needed:
        # An assurance is "missing" when it is not given; the rest when left empty.
        given = field in assurances if field in Assurance.values else _filled(answers.get(field))
        if not given and field not in seen:
            seen.add(field)
            missing.append(MissingItem(field, label))
    return missing
