from assistance.models.activities import (
    ACTIVITY_TRANSITIONS,
    Activity,
    ActivityKind,
    ActivityQuerySet,
    ActivityStatus,
    Gender,
    ParticipantCount,
    ProfessionalRole,
    move_activity,
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
    "ACTIVITY_TRANSITIONS",
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
    "move_activity",
]
