"""What every app's editable rows share: a version and a history (`BerVersi`).

An abstract model, so `inti` owns no table; each app's rows inherit the field and their
own history table.
"""

from django.db import models
from simple_history.models import HistoricalRecords


class BerVersi(models.Model):
    """A row people edit: written only through `inti.versi.tulis_semua`, checked
    against the version the person saw, and kept in the history (who, when, old and new).

    Forms carry the `versi` they were filled from; a save over a newer save is refused
    with what is stored now, instead of silently overwriting it (optimistic locking).
    """

    versi = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Every save of a stored row is a new version, whoever makes it (the admin too),
        # so that a page opened before it can no longer save over it.
        if not self._state.adding:
            self.versi += 1
        super().save(*args, **kwargs)
