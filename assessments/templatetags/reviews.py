"""The reviews part of a state's page: `{% load reviews %}{% state_reviews state %}`."""

from django import template

from accounts.access import may_start_review
from assessments.forms import StartReviewForm
from assessments.models import Review

register = template.Library()


@register.inclusion_tag("assessments/_state_reviews.html", takes_context=True)
def state_reviews(context, state):
    """For staff: the state's reviews and a form to start one against an instrument."""
    user = context["request"].user
    if not may_start_review(user):
        return {"shown": False}
    reviews = (
        Review.objects.filter(state=state).select_related("instrument").prefetch_related("instrument__titles")
    )
    return {
        "shown": True,
        "state": state,
        "reviews": reviews,
        "form": StartReviewForm(initial={"state": state.iso3}),
        "csrf_token": context.get("csrf_token"),
    }
