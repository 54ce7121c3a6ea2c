from assistance.models.activities import (
    Activity,
    ActivityKind,
    ActivityQuerySet,
    ActivityStatus,
    Gender,
    ParticipantCount,
    ProfessionalRole,
)
from assistance.models.requests import (
    AssistanceRequest,
    Origin,
    RequestQuerySet,
    RequestStatus,
    ThematicArea,
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
    "ThematicArea",
]
