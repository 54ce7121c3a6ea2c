"""The authorities part of a state's page: `{% load authorities %}{% state_authorities state %}`."""

from django import template
from django.utils import timezone

from accounts.access import may_keep_authority
from cooperation.models import Authority
from ctassist.demonstration import mark_demonstration

register = template.Library()


@register.inclusion_tag("cooperation/_state_authorities.html", takes_context=True)
def state_authorities(context, state):
    request = context["request"]
    authorities = list(Authority.objects.of_state(state))
    mark_demonstration(request, authorities)
    today = timezone.localdate()
    return {
        "state": state,
        "authorities": [(authority, authority.is_stale(today)) for authority in authorities],
        "may_add": may_keep_authority(request.user, Authority(state=state)),
    }
