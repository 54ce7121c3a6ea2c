"""Drafts of the Secretary-General's report: staff write the prose, the figures come from the
records; regenerating keeps the prose and refreshes the figures. Staff only."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import Role
from assistance.models import AssistanceRequest
from reports.drafts import create_draft
from reports.models import ReportDraft, Resolution
from states.models import State
from tests.conftest import make_activity, make_user

pytestmark = pytest.mark.django_db
D = datetime.date
PROSE = "Since the last report, the Office answered every request it received (test prose)."


@pytest.fixture
def draft(staff_user):
    return create_draft(
        Resolution.objects.get(code="62/172"), D(2026, 1, 1), D(2026, 12, 31), "en", False, staff_user
    )


def page(client, draft) -> str:
    response = client.get(reverse("reports:draft", args=[draft.id]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_draft_has_the_sections_of_a_report_and_its_figures(client, staff_user):
    client.force_login(staff_user)
    response = client.post(
        reverse("reports:draft-new"),
        {"resolution": Resolution.objects.get(code="62/172").id, "start": "2026-01-01", "end": "2026-12-31",
         "language": "fr", "internal": ""},
    )  # fmt: skip
    draft = ReportDraft.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("reports:draft", args=[draft.id])
    assert [s.key for s in draft.sections.all()][:2] == ["introduction", "assistance"]
    assert draft.snapshot["resolution"] == "62/172" and draft.generated_at is not None
    assert draft.created_by == staff_user and not draft.internal


def test_a_period_that_ends_before_it_begins_is_refused(client, staff_user):
    client.force_login(staff_user)
    response = client.post(
        reverse("reports:draft-new"),
        {"resolution": Resolution.objects.get(code="62/172").id, "start": "2026-12-31", "end": "2026-01-01",
         "language": "en"},
    )  # fmt: skip
    assert response.status_code == 400
    assert not ReportDraft.objects.exists()


def test_prose_is_kept_and_figures_refreshed_when_the_draft_is_regenerated(client, staff_user, draft):
    client.force_login(staff_user)
    assert draft.snapshot["figures"][0]["key"] == "states-assisted"
    before = {f["key"]: f["value"] for f in draft.snapshot["figures"]}
    fields = {"title": draft.title, **{f"section-{s.key}": "" for s in draft.sections.all()}}
    fields["section-introduction"] = PROSE
    assert client.post(reverse("reports:draft-prose", args=[draft.id]), fields).status_code == 302

    # A new record after the draft was made: a workshop in Kenya in the period.
    make_activity(
        "Workshop in Nairobi (test record)", D(2026, 3, 10), D(2026, 3, 12), status="completed", host="KEN"
    )
    kenya = State.objects.get(iso3="KEN").name("en")
    assert kenya in page(client, draft)  # the page computes the figures now

    assert client.post(reverse("reports:draft-regenerate", args=[draft.id])).status_code == 302
    draft.refresh_from_db()
    after = {f["key"]: f["value"] for f in draft.snapshot["figures"]}
    assert after["states-assisted"] == before["states-assisted"] + 1
    assert draft.sections.get(key="introduction").text == PROSE
    text = page(client, draft)
    assert PROSE in text and kenya in text


def test_each_figure_links_to_the_records_behind_it(client, staff_user, draft):
    activity = make_activity("Workshop in Lima (test record)", D(2026, 5, 4), D(2026, 5, 6), host="PER")
    client.force_login(staff_user)
    text = page(client, draft)
    figure_page = reverse("reports:draft-figure", args=[draft.id, "states-assisted"])
    assert f'href="{figure_page}"' in text
    assert f'href="{reverse("activities:detail", args=[activity.id])}"' in text  # the table row's record
    listed = client.get(figure_page).content.decode()
    assert State.objects.get(iso3="PER").name("en") in listed
    assert f'href="{reverse("states:detail", args=["PER"])}"' in listed
    assert client.get(reverse("reports:draft-figure", args=[draft.id, "no-such-figure"])).status_code == 404


def test_a_public_draft_never_counts_a_confidential_request_an_internal_one_does(client, staff_user):
    secret = AssistanceRequest.objects.create(
        state=State.objects.get(iso3="NER"), received_on=D(2026, 1, 5), needs="Secret needs (test record)"
    )
    activity = make_activity("Mission to Niamey (test record)", D(2026, 2, 2), D(2026, 2, 4), host="NER")
    activity.requests.add(secret)
    resolution = Resolution.objects.get(code="62/172")
    public = create_draft(resolution, D(2026, 1, 1), D(2026, 12, 31), "en", False, staff_user)
    internal = create_draft(resolution, D(2026, 1, 1), D(2026, 12, 31), "en", True, staff_user)
    niger = State.objects.get(iso3="NER").name("en")
    client.force_login(staff_user)
    assert niger not in page(client, public)
    assert "This public report counts no confidential records." in page(client, public)
    text = page(client, internal)
    assert niger in text and "Internal — not for publication" in text


@pytest.mark.parametrize(
    "file_format, content_type", [("docx", "wordprocessingml"), ("pdf", "application/pdf")]
)
def test_staff_download_the_draft(client, staff_user, draft, file_format, content_type):
    client.force_login(staff_user)
    response = client.get(reverse("reports:draft-download", args=[draft.id, file_format]))
    assert response.status_code == 200 and content_type in response["Content-Type"]
    assert response["Content-Disposition"].endswith(f'.{file_format}"')


def staff_pages(draft):
    return [
        reverse("reports:drafts"),
        reverse("reports:draft-new"),
        reverse("reports:draft", args=[draft.id]),
        reverse("reports:draft-figure", args=[draft.id, "states-assisted"]),
        reverse("reports:draft-download", args=[draft.id, "pdf"]),
    ]


def test_anonymous_users_are_sent_to_sign_in(client, draft):
    for address in staff_pages(draft):
        response = client.get(address)
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"], address
    response = client.post(reverse("reports:draft-regenerate", args=[draft.id]))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("role, state", [(Role.FOCAL_POINT, "FRA"), (Role.DONOR, None), (Role.EXPERT, None)])
def test_no_one_but_staff_reads_or_changes_a_draft(client, draft, role, state):
    client.force_login(make_user(f"user-{role}", role, state))
    for address in staff_pages(draft):
        assert client.get(address).status_code == 403, address
    generated = draft.generated_at
    fields = {"title": "Changed by someone else", "section-introduction": "Not staff's words"}
    assert client.post(reverse("reports:draft-prose", args=[draft.id]), fields).status_code == 403
    assert client.post(reverse("reports:draft-regenerate", args=[draft.id])).status_code == 403
    draft.refresh_from_db()
    assert draft.title != "Changed by someone else" and draft.generated_at == generated
    assert draft.sections.get(key="introduction").text == ""


def test_the_forms_need_their_csrf_token(staff_user, draft):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)
    generated = draft.generated_at
    assert client.post(reverse("reports:draft-regenerate", args=[draft.id])).status_code == 403
    fields = {"title": draft.title, "section-introduction": PROSE}
    assert client.post(reverse("reports:draft-prose", args=[draft.id]), fields).status_code == 403
    draft.refresh_from_db()
    assert draft.generated_at == generated and draft.sections.get(key="introduction").text == ""
    assert (
        'name="csrfmiddlewaretoken"' in client.get(reverse("reports:draft", args=[draft.id])).content.decode()
    )


def test_regenerating_takes_a_post_only(client, staff_user, draft):
    client.force_login(staff_user)
    assert client.get(reverse("reports:draft-regenerate", args=[draft.id])).status_code == 405
