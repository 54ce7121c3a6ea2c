"""International cooperation in criminal matters: who receives requests in each state
(the directory of competent authorities), the bilateral and regional treaties staff record
between states, and the requests users draft."""

from cooperation.models.authorities import (
    Authority,
    AuthorityKind,
    AuthorityQuerySet,
    Channel,
    ConventionAsLegalBasis,
)
from cooperation.models.drafts import DraftKind, RequestDraft, RequestDraftQuerySet
from cooperation.models.treaties import BilateralTreaty, TreatyKind, TreatyQuerySet

__all__ = [
    "Authority",
    "AuthorityKind",
    "AuthorityQuerySet",
    "BilateralTreaty",
    "Channel",
    "ConventionAsLegalBasis",
    "DraftKind",
    "RequestDraft",
    "RequestDraftQuerySet",
    "TreatyKind",
    "TreatyQuerySet",
]
