from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CtassistConfig(AppConfig):
    name = "ctassist"
    verbose_name = _("ctassist")
