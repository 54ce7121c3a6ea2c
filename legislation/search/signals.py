"""The index follows edits: saving a Provision (re)indexes it, deleting one removes it.

QuerySet.bulk_create() and QuerySet.update() send no signal, and raw saves (loaddata) are
skipped here: callers that write provisions that way call
legislation.search.index_provisions(ids) themselves (or reindex_all()).
"""

from django.db import connections
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from legislation.models import Provision
from legislation.search import backends, index_provisions, remove_provisions


@receiver(post_save, sender=Provision, dispatch_uid="legislation.search.index_saved_provision")
def index_saved_provision(sender, instance, raw=False, using=None, **kwargs):
    if raw or not backends.supported(connections[using]):
        return
    index_provisions([instance.pk], using=using)


@receiver(post_delete, sender=Provision, dispatch_uid="legislation.search.remove_deleted_provision")
def remove_deleted_provision(sender, instance, using=None, **kwargs):
    if instance.pk is None or not backends.supported(connections[using]):
        return
    remove_provisions([instance.pk], using=using)
