"""The Perjanjian Kinerja as it was signed, and the action plan (rencana aksi), as report parts.

`naskah_perjanjian(data)` gives each agreement of the year, murni and perubahan, laid out as
the signed document is: its title, the statement naming the two parties, the sasaran with
their indicators and targets, the program budgets, and both signatures with place and date.
The lampiran of the LKjIP shows them and the PK printed on its own is one of them, through
one template (`lkjip/_perjanjian.html`). `rencana_aksi(data)` is the lampiran «Rencana Aksi
Kinerja»: per indicator and quarter, the quarter's target and what will be done.

Like the `tabel_*` builders, nothing here queries the database or formats a number.
"""

from dataclasses import dataclass

from anggaran.hitung import Tahap
from anggaran.ringkasan import jumlah
from inti.periode import label_triwulan
from kinerja.models import PerjanjianKinerja, Target
from sakip.lkjip.data import DataLaporan, IndikatorTerukur
from sakip.lkjip.isi import RUPIAH, Sel, Tabel, nilai_indikator, sel, teks_sel

# Which targets and which budget stage each agreement states. A PK perubahan restates the
# whole agreement: an indicator it did not change keeps its PK murni target.
SUMBER_TARGET = {
    PerjanjianKinerja.Jenis.MURNI: (Target.Sumber.PK_MURNI,),
    PerjanjianKinerja.Jenis.PERUBAHAN: (Target.Sumber.PK_PERUBAHAN, Target.Sumber.PK_MURNI),
}
TAHAP_ANGGARAN = {
    PerjanjianKinerja.Jenis.MURNI: Tahap.DPA_PENGESAHAN,
    PerjanjianKinerja.Jenis.PERUBAHAN: Tahap.DPA_PERUBAHAN,
}


@dataclass
class Pihak:
    """One signatory as the signature block prints them; an empty field prints as a blank."""

    nama: str
    jabatan: str
    pangkat: str = ""
    nip: str = ""


@dataclass
class NaskahPerjanjian:
    """One agreement of the year as signed. `perjanjian` is its record (place, date,
    signatories), None when only its targets were entered: the document then says so."""

    jenis_pk: str
    judul: str
    instansi_nama: str
    tahun: int
    perjanjian: PerjanjianKinerja | None
    pihak_pertama: Pihak
    pihak_kedua: Pihak
    tempat_tanggal: str
    target: list[list[Sel]]
    anggaran: list[list[Sel]]
    jumlah_anggaran: Sel | None
    tahap_anggaran: str  # the budget stage its program budgets are, «DPA pengesahan»
    jenis = "perjanjian"

    @property
    def id(self) -> str:
        return f"naskah-pk-{self.jenis_pk}"

    @property
    def judul_lampiran(self) -> str:
        """The heading of its targets' page, as Lampung Barat's signed PK has it."""
        perubahan = " PERUBAHAN" if self.jenis_pk == PerjanjianKinerja.Jenis.PERUBAHAN else ""
        return f"PERJANJIAN KINERJA{perubahan} TINGKAT PERANGKAT DAERAH"


def _target(i: IndikatorTerukur, jenis: str):
    for sumber in SUMBER_TARGET[jenis]:
        if (nilai := i.target_per_sumber.get(sumber)) is not None:
            return nilai
    return None


def _baris_target(data: DataLaporan, jenis: str) -> list[list[Sel]]:
    """NO, sasaran, indikator, satuan, target: the agreement's table, one row per sasaran
    indicator with a target of this agreement; the sasaran spans its indicators' rows."""
    baris = []
    nomor = 0
    for s in data.sasaran:
        indikator = [(i, t) for i in s.indikator if (t := _target(i, jenis)) is not None]
        if indikator:
            nomor += 1
        for n, (i, target) in enumerate(indikator):
            depan = [Sel(f"{nomor}.", rowspan=len(indikator)), Sel(s.sasaran.uraian, rowspan=len(indikator))]
            baris.append(
                [*(depan if n == 0 else []), sel(i.nama), sel(i.indikator.satuan), nilai_indikator(i, target)]
            )
    return baris


def _pihak(p: PerjanjianKinerja | None) -> tuple[Pihak, Pihak]:
    if p is None:
        return Pihak("", ""), Pihak("", "")
    return (
        Pihak(p.pihak_pertama_nama, p.pihak_pertama_jabatan, p.pihak_pertama_pangkat, p.pihak_pertama_nip),
        Pihak(p.pihak_kedua_nama, p.pihak_kedua_jabatan),
    )


def naskah_perjanjian(data: DataLaporan) -> list[NaskahPerjanjian]:
    """Every agreement of the year, murni first: those with a record, and those whose
    targets were entered without one (a PK perubahan known only from its targets)."""
    tercatat = {p.jenis: p for p in data.perjanjian}
    hasil = []
    for jenis in PerjanjianKinerja.Jenis:
        target = _baris_target(data, jenis)
        sumber_sendiri = SUMBER_TARGET[jenis][0]
        ada_target = any(sumber_sendiri in i.target_per_sumber for s in data.sasaran for i in s.indikator)
        if jenis not in tercatat and not ada_target:
            continue
        tahap = TAHAP_ANGGARAN[jenis]
        # A program without money at this stage is not part of the agreement.
        program = [p for p in data.program if p.pagu(tahap)]
        perjanjian = tercatat.get(jenis)
        pertama, kedua = _pihak(perjanjian)
        judul = "PERJANJIAN KINERJA" + (" PERUBAHAN" if jenis == PerjanjianKinerja.Jenis.PERUBAHAN else "")
        hasil.append(
            NaskahPerjanjian(
                jenis_pk=jenis,
                judul=f"{judul} TAHUN {data.tahun}",
                instansi_nama=data.instansi.nama,
                tahun=data.tahun,
                perjanjian=perjanjian,
                pihak_pertama=pertama,
                pihak_kedua=kedua,
                tempat_tanggal=perjanjian.tempat_tanggal if perjanjian else "",
                target=target,
                anggaran=[
                    [sel(f"{n}."), sel(p.objek.nama), sel(p.pagu(tahap), RUPIAH)]
                    for n, p in enumerate(program, start=1)
                ],
                jumlah_anggaran=(
                    sel(jumlah(program, lambda p, t=tahap: p.pagu(t)), RUPIAH, tebal=True)
                    if program
                    else None
                ),
                tahap_anggaran=tahap.label,
            )
        )
    return hasil


def rencana_aksi(data: DataLaporan) -> list:
    """The lampiran «Rencana Aksi Kinerja»: every indicator with an action for a quarter,
    each quarter's target (of the agreement in force) and action. Nothing when no action
    was entered, so the lampiran is left out."""
    baris = []
    for i in data.semua_indikator():
        if not i.rencana_aksi:
            continue
        target = {tw: t for tw, t, _, _ in i.triwulan}
        kuartal = sorted(set(i.rencana_aksi) | set(target))
        for n, tw in enumerate(kuartal):
            depan = [
                Sel(i.nama, rowspan=len(kuartal)),
                Sel(i.indikator.satuan, rowspan=len(kuartal)),
                nilai_indikator(i, i.ukur.target, rowspan=len(kuartal)),
            ]
            baris.append(
                [
                    *(depan if n == 0 else []),
                    sel(label_triwulan(tw)),
                    nilai_indikator(i, target.get(tw)),
                    sel(i.rencana_aksi.get(tw) or "–"),
                ]
            )
    if not baris:
        return []
    return [
        Tabel(
            f"Rencana Aksi Kinerja Tahun {data.tahun}",
            [
                teks_sel(
                    "Indikator Kinerja",
                    "Satuan",
                    "Target Tahunan",
                    "Triwulan",
                    "Target",
                    "Rencana Aksi",
                    tebal=True,
                )
            ],
            baris,
            kunci="rencana-aksi",
        )
    ]
