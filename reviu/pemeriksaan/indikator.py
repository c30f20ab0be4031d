"""Checks of the indicators: their definition, targets and realisations."""

from collections.abc import Iterator

from kinerja.models import Target
from reviu.pemeriksaan import Temuan, alamat, alamat_instansi, nama_indikator, nilai
from sakip.lkjip.data import DataLaporan

PK = (Target.Sumber.PK_MURNI, Target.Sumber.PK_PERUBAHAN)


def pk_beda_renstra(data: DataLaporan) -> Iterator[Temuan]:
    """A PK target (murni or perubahan) of the year that is not the Renstra's target of it."""
    for i in data.semua_indikator():
        renstra = i.target_per_sumber.get(Target.Sumber.RENSTRA)
        if renstra is None:
            continue
        beda = [
            f"{Target.Sumber(s).label} {nilai(data, i.indikator, i.target_per_sumber[s])}"
            for s in PK
            if s in i.target_per_sumber and i.target_per_sumber[s] != renstra
        ]
        if beda:
            yield Temuan(
                kode="pk-beda-renstra",
                judul="Target PK berbeda dengan Renstra",
                pesan=f"Target Renstra {data.tahun} {nilai(data, i.indikator, renstra)}, "
                f"sedangkan {'; '.join(beda)}.",
                objek=nama_indikator(i.indikator),
                tautan=alamat(data, "perjanjian-kinerja"),
            )


def tanpa_definisi(data: DataLaporan) -> Iterator[Temuan]:
    """An indicator whose formulasi or sumber data is empty: the reader cannot tell how it
    was measured or from what."""
    for i in data.semua_indikator():
        kosong = [
            label
            for label, isi in (("formulasi", i.indikator.formulasi), ("sumber data", i.indikator.sumber_data))
            if not isi.strip()
        ]
        if kosong:
            yield Temuan(
                kode="indikator-tanpa-definisi",
                judul="Indikator tanpa formulasi atau sumber data",
                pesan=f"Belum diisi: {' dan '.join(kosong)}.",
                objek=nama_indikator(i.indikator),
                tautan=alamat_instansi(data, "indikator-ubah", i.indikator.pk),
            )
