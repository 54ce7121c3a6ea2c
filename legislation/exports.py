"""A stored version of a law, exported through the converters (Akoma Ntoso, DOCX)."""

from legislation.converters import akn_export, docx_export
from legislation.document import LawMeta, ParsedLaw, ParsedProvision


def parsed_from_version(version) -> ParsedLaw:
    rows = (
        (p.depth, ParsedProvision(kind=p.kind, number=p.number, heading=p.heading, text=p.text, eid=p.eid))
        for p in version.provisions.order_by("position")
    )
    return ParsedLaw.from_rows(rows, title=version.law.title, preamble=version.preamble)


def meta_of(law, version) -> LawMeta:
    year = law.adopted_on or version.valid_from
    return LawMeta(
        title=law.title,
        language=law.language,
        state_iso3=law.state.iso3,
        state_iso2=law.state.iso2,
        kind=law.kind,
        number=law.number,
        adopted_on=law.adopted_on,
        in_force_on=law.in_force_on,
        version_date=version.valid_from,
        frbr_work=f"/akn/{law.state.iso2.lower()}/act/{year.year if year else 'undated'}/{law.slug}",
    )


def export_akn(law, version) -> bytes:
    return akn_export(meta_of(law, version), parsed_from_version(version))


def export_docx(law, version) -> bytes:
    return docx_export(meta_of(law, version), parsed_from_version(version))
