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
    TRANSITIONS,
    AssistanceRequest,
    Origin,
    RequestQuerySet,
    RequestStatus,
    ThematicArea,
    advance,
)

__all__ = [
    "TRANSITIONS",
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
    "advance",
]
