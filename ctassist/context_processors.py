from django.conf import settings


def language_switcher(request):
    """The six languages, each named in itself (Django's list would translate the names)."""
    return {"LANGUAGE_CHOICES": settings.LANGUAGES}
