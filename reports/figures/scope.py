"""What one report counts: the resolution, the period, public or internal, with or without
demonstration records, in which language; and the records each figure may count.

Every figure reads its records through a Scope, so that the rules on what a public report
leaves out are written once:

- demonstration records (`demonstration=True`) are left out unless the report asks for them;
- a public report (internal=False) never counts a confidential request, nor an activity
  whose requests are all confidential (the state has not agreed to make the assistance it
  asked for public); an activity that answers no request (a regional seminar held without
  one) or at least one public request is counted;
- a public report never counts an unpublished questionnaire reply.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef

from assistance.models import Activity, ActivityStatus, AssistanceRequest
from ctassist.languages import data_language


@dataclass(frozen=True)
class Scope:
    resolution: str
    start: datetime.date
    end: datetime.date
    internal: bool = False
    demonstration: bool = False
    language: str = "en"

    @classmethod
    def of(cls, resolution, start, end, internal=False, demonstration=False, language=None) -> "Scope":
        return cls(resolution, start, end, internal, demonstration, data_language(language))

    # The activities ------------------------------------------------------------------

    def activities(self):
        """Activities this report may count, whatever their dates (not cancelled)."""
        activities = Activity.objects.exclude(status=ActivityStatus.CANCELLED)
        if not self.demonstration:
            activities = activities.filter(demonstration=False)
        if not self.internal:
            requests = Activity.requests.through.objects.filter(activity_id=OuterRef("pk"))
            public = requests.filter(assistancerequest__confidential=False)
            activities = activities.filter(~Exists(requests) | Exists(public))
        return activities

    def activities_in_period(self):
        """Activities whose dates overlap the period: ending on or after its first day and
        starting on or before its last."""
        return self.activities().filter_by(starts_from=self.start, ends_by=self.end)

    def requests(self):
        requests = AssistanceRequest.objects.all()
        if not self.demonstration:
            requests = requests.filter(demonstration=False)
        if not self.internal:
            requests = requests.filter(confidential=False)
        return requests
