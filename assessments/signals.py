"""The checklist is part of what the suggestions are prepared from: a change of an obligation,
its descriptions or its concepts raises the thesaurus's edition (thesaurus.edition), as a
change of a concept or a term does."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from assessments.models import Obligation, ObligationText
from thesaurus.edition import bump

for model in (Obligation, ObligationText):
    post_save.connect(bump, sender=model, dispatch_uid=f"assessments-edition-save-{model.__name__}")
    post_delete.connect(bump, sender=model, dispatch_uid=f"assessments-edition-delete-{model.__name__}")


def concepts_changed(action: str, **_signal) -> None:
    if action.startswith("post_"):  # once per change, not before and after
        bump()


m2m_changed.connect(
    concepts_changed, sender=Obligation.concepts.through, dispatch_uid="assessments-edition-concepts"
)
