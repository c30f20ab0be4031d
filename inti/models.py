"""What every app's editable rows share: a version and a history (`BerVersi`).

An abstract model, so `inti` owns no table; each app's rows inherit the field and their
own history table.
"""

import functools

from django.db import models
from simple_history.manager import HistoryManager
from simple_history.models import HistoricalRecords


class ManajerRiwayat(HistoryManager):
    """simple-history's manager, its class built once. The library's descriptor builds
    `HistoryManager.from_queryset(...)` anew on every access to `.history`, and it reads
    that on every save it records: cProfile showed the class building as half of the
    history's cost when 10 000 spreadsheet rows were applied."""

    @classmethod
    @functools.cache
    def from_queryset(cls, queryset_class, class_name=None):
        return super().from_queryset(queryset_class, class_name)


class Terbaca(models.Model):
    """A row that remembers the columns it was read from the database with (`_dibaca`:
    their attnames and values, as the query gave them), so that a write can tell what it
    changes from (`instansi.revisi`: a row moved to another agency bumps both). Kept by
    `from_db` as the pair the query hands over, not copied: a page reads thousands of rows
    and writes none, and a `post_init` signal per row cost the 10x agency home a tenth of
    its time."""

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values):
        obj = super().from_db(db, field_names, values)
        obj._dibaca = (field_names, values)
        return obj


class BerVersi(Terbaca):
    """A row people edit: written only through `inti.versi.tulis_semua`, checked
    against the version the person saw, and kept in the history (who, when, old and new).

    Forms carry the `versi` they were filled from; a save over a newer save is refused
    with what is stored now, instead of silently overwriting it (optimistic locking).
    """

    versi = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(inherit=True, history_manager=ManajerRiwayat)
    # The fields that place a row where only one may stand (a target: its indicator, year,
    # source and quarter); empty for rows that are only told apart by their id.
    kunci_alami: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Every save of a stored row is a new version, whoever makes it (the admin too),
        # so that a page opened before it can no longer save over it. A row created where
        # one was deleted continues that row's versions, so that a page opened before the
        # deletion cannot save over the newcomer either.
        if not self._state.adding:
            self.versi += 1
        elif (
            self.kunci_alami
            and not getattr(self, "versi_dari_riwayat", False)
            and (terakhir := self.riwayat_tempat().first()) is not None
        ):
            self.versi = terakhir.versi + 1
        super().save(*args, **kwargs)

    def letak_alami(self) -> dict:
        """This row's natural key as a filter (a foreign key by its id, None as IS NULL)."""
        return {
            self._meta.get_field(n).attname: getattr(self, self._meta.get_field(n).attname)
            for n in self.kunci_alami
        }

    @classmethod
    def versi_terakhir(cls, letak: list[dict]) -> dict[tuple, int]:
        """The highest version ever recorded at each of these places (natural keys as
        `letak_alami` gives them), in a query per 500 places instead of one per row."""
        if not letak:
            return {}
        nama = list(letak[0])
        hasil: dict[tuple, int] = {}
        for awal in range(0, len(letak), 500):
            bagian = letak[awal : awal + 500]
            catatan = cls.history.filter(**{f"{nama[0]}__in": {d[nama[0]] for d in bagian}}).values_list(
                *nama, "versi"
            )
            for *kunci, versi in catatan:
                hasil[tuple(kunci)] = max(versi, hasil.get(tuple(kunci), 0))
        return hasil

    def riwayat_tempat(self):
        """Every history record of a row at this row's place, the latest first."""
        return type(self).history.filter(**self.letak_alami()).order_by("-history_date", "-history_id")
