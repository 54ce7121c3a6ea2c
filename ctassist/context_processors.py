from django.conf import settings

from accounts import access


def language_switcher(request):
    """The six languages, each named in itself (Django's list would translate the names)."""
    return {"LANGUAGE_CHOICES": settings.LANGUAGES}


class Predicates:
    """The questions of accounts/access.py for templates: `{% if may.see_projects %}` asks
    `access.may_see_projects(user)`, so that no template compares roles itself."""

    def __init__(self, user):
        self.user = user

    def __getattr__(self, name):
        predicate = getattr(access, f"may_{name}", None)
        if predicate is None or name.startswith("_"):
            raise AttributeError(name)
        return predicate(self.user)


def access_predicates(request):
    return {"may": Predicates(request.user)}
