"""A session whose capacity grows gives its new places to the waiting list."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_save


def _session_saved(sender, instance, created, **kwargs):
    if not created and instance.capacity is not None:
        from .registrations import refill_after_capacity_change

        transaction.on_commit(partial(refill_after_capacity_change, instance.pk))


def connect():
    from .models import Session

    post_save.connect(_session_saved, sender=Session, dispatch_uid="events_refill")
