import datetime

from plans.models import Step


def is_overdue(step: Step, today: datetime.date) -> bool:
    """A step is overdue when its due date has passed and it is not done; a step due today is not."""
    return step.done_on is None and step.due_on is not None and step.due_on < today
