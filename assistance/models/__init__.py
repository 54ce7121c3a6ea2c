from assistance.models.activities import (
    Activity,
    ActivityKind,
    ActivityQuerySet,
    ActivityStatus,
)
from assistance.models.participant_counts import Gender, ParticipantCount, ProfessionalRole
from assistance.models.requests import (
    AssistanceRequest,
    Origin,
    RequestQuerySet,
    RequestStatus,
)

__all__ = [
    "Activity",
    "ActivityKind",
    "ActivityQuerySet",
    "ActivityStatus",
    "AssistanceRequest",
    "Gender",
    "Origin",
    "ParticipantCount",
    "ProfessionalRole",
    "RequestQuerySet",
    "RequestStatus",
]
