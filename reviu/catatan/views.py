"""One reviewer note: what it says and about what, the planner's answer, and the steps the
user may take (`reviu.alur.AKSI_CATATAN`: answer, close, reopen)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from instansi import akses
from inti.versi import Konflik
from reviu import alur
from reviu.catatan.forms import AksiCatatanForm
from reviu.models import CatatanReviu


@login_required
def catatan(request, slug: str, tahun: int, pk: int):
    ruang = akses.buka(request, slug, tahun, menulis=False)
    c = get_object_or_404(
        CatatanReviu.objects.select_related("dibuat_oleh", "dijawab_oleh", "ditutup_oleh"),
        pk=pk,
        instansi=ruang.instansi,
        tahun=tahun,
    )
    peran = alur.peran(request.user, ruang.instansi)
    form = AksiCatatanForm(request.POST or None, initial={"versi": c.versi, "jawaban": c.jawaban})
    galat, konflik, kode_status = "", [], 200
    if form.is_valid():
        try:
            alur.ubah_catatan(
                request.user,
                c,
                form.cleaned_data["aksi"],
                form.cleaned_data["jawaban"],
                form.cleaned_data["versi"],
            )
            aksi = alur.AKSI_CATATAN[form.cleaned_data["aksi"]]
            messages.success(request, f"Catatan «{c.label}»: {aksi.nama.lower()} — tersimpan.")
            return redirect("reviu-laporan", slug=slug, tahun=tahun)
        except alur.TahapSalah as exc:
            galat, kode_status = str(exc), 409
        except alur.SyaratBelum as exc:
            form.add_error("jawaban", str(exc))
        except Konflik as exc:
            konflik, kode_status = exc.daftar, 409
    return render(
        request,
        "reviu/catatan.html",
        ruang.konteks()
        | {
            "c": c,
            "aksi": alur.aksi_catatan_bagi(peran, c),
            "form": form,
            "galat": galat,
            "konflik": konflik,
        },
        status=kode_status,
    )
