from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.access import Action, check, visible
from ctassist.collation import sorted_by_name
from instruments.models import Instrument
from participation import standing
from participation.as_at import status_dates
from participation.charts import party_count_chart
from participation.forms import MatrixFilterForm, OnDateForm
from participation.matrix import SYMBOLS, build_matrix, matrix_csv, matrix_pdf, matrix_xlsx, rows_html
from participation.worldmap import world_map_svg
from states.models import State


def sources_note(sources, table=None) -> str:
    """The note at the head of an export: the lists, each with its date, and the instruments
    that have none (and so no column)."""
    if not sources:
        note = _("No status data in ctassist.")
    else:
        note = _("Data: %(sources)s") % {
            "sources": "; ".join(
                f"{s.name} (" + _("status as at %(date)s") % {"date": s.as_at.isoformat()} + ")"
                for s in sources
            )
        }
    if table is not None and table.without_list:
        note += " " + _("No status list in ctassist, so no column: %(instruments)s.") % {
            "instruments": "; ".join(instrument.display_title() for instrument in table.without_list)
        }
    return note


def matrix(request):
    form = MatrixFilterForm(request.GET or None)
    states = sorted_by_name(form.filter(visible(request.user, State.objects.with_areas())))
    table = build_matrix(form.on_date(), states)
    sources = standing.sources_for([instrument.id for instrument in table.instruments])
    export = request.GET.get("format")
    filename = f"ctassist-participation-{table.on.isoformat()}"
    if export == "csv":
        response = HttpResponse(
            matrix_csv(table, sources_note(sources, table)), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response
    if export == "xlsx":
        response = HttpResponse(
            matrix_xlsx(table, sources_note(sources, table)),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
        return response
    if export == "pdf":  # in the page's language; the note of instruments without a list is in it
        response = HttpResponse(matrix_pdf(table, sources_note(sources)), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
        return response
    context = {
        "form": form,
        "matrix": table,
        "symbols": SYMBOLS,
        "rows_html": rows_html(table),
        "sources": sources,
        "legend": [
            (value, label) for value, label in standing.Standing.choices if value != standing.Standing.NO_DATA
        ],
        "query": request.GET.urlencode(),
    }
    return render(
        request,
        "participation/matrix.html",
        context,
        status=200 if form.is_valid() or not form.is_bound else 400,
    )


def instrument_status(request, slug):
    instrument = get_object_or_404(Instrument.objects.with_titles(), slug=slug)
    check(request.user, Action.VIEW, instrument)
    form = OnDateForm(request.GET or None)
    dated = status_dates(form.on_date(), [instrument])[instrument.id]
    on = dated.figures_on  # never past the list's own date: later actions are not recorded
    states = sorted_by_name(visible(request.user, State.objects.all()))
    with_data = {instrument.id} if dated.has_list else set()
    found = standing.positions(on, [instrument])
    rows = [(state, standing.position_of(found, state.id, instrument, with_data)) for state in states]
    parties = [(state, position) for state, position in rows if position.is_party]
    signatories = [
        (state, position) for state, position in rows if position.standing == standing.Standing.SIGNATORY
    ]
    others = [(state, position) for state, position in rows if not position.is_party]
    context = {
        "instrument": instrument,
        "form": form,
        "on": on,
        "dated": dated,
        "has_data": dated.has_list,
        "parties": parties,
        "signatories": signatories,
        "non_parties": others,
        "sources": standing.sources_for([instrument.id]),
        "general": standing.general_entry_into_force(instrument) if dated.has_list else None,
    }
    if dated.has_list:
        context["chart"] = party_count_chart(
            standing.party_count_history(instrument, on),
            instrument.adoption_date,
            on,
            _("Number of parties to %(title)s, %(start)s to %(end)s")
            % {
                "title": instrument.display_title(),
                "start": instrument.adoption_date.year,
                "end": date_format(on),
            },
        )
        labels = {state.m49: f"{state.name()}: {position.get_standing_label()}" for state, position in rows}
        standings = {state.m49: position.standing for state, position in rows}
        title = (
            _("Status of %(title)s as at %(date)s")
            if dated.after_as_at
            else _("Status of %(title)s on %(date)s")
        )
        context["map"] = world_map_svg(
            standings,
            labels,
            [
                (value, str(label))
                for value, label in standing.Standing.choices
                if value != standing.Standing.NO_DATA
            ],
            title % {"title": instrument.display_title(), "date": date_format(on)},
        )
    return render(request, "participation/instrument_status.html", context)
