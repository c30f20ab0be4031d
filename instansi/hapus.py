"""Deleting one row a planner maintains (a unit, a position, an uploaded image): a
confirmation page (GET), then the deletion (POST) through the one write path, checked
against the version the planner saw, so a row changed meanwhile is a conflict (409)."""

from django.contrib import messages
from django.db.models import ProtectedError
from django.shortcuts import redirect, render

from instansi.akses import Akses
from inti.forms import VersiField
from inti.versi import Bentrok, Konflik, Tulis, tulis_semua


def hapus(request, ruang: Akses, obj, kembali: str, penghalang: str = ""):
    """Confirm and delete `obj`, then go to `kembali`; `penghalang` says why it may not be
    deleted (shown instead of the button)."""
    konflik: list[Bentrok] = []
    if request.method == "POST" and not penghalang:
        try:
            versi = VersiField().clean(request.POST.get("versi"))
            tulis_semua([Tulis(type(obj), str(obj), {"pk": obj.pk}, versi, None)])
        except Konflik as exc:
            konflik = exc.daftar
        except ProtectedError:
            # Something was placed under it while it was being deleted.
            konflik = [Bentrok(str(obj), "(data baru baru saja dicatat di bawahnya)", None, None)]
        else:
            messages.success(request, f"{obj._meta.verbose_name.capitalize()} «{obj}» dihapus.")
            return redirect(kembali)
    konteks = ruang.konteks() | {
        "obj": obj,
        "jenis": obj._meta.verbose_name,
        "konflik": konflik,
        "penghalang": penghalang,
        "kembali": kembali,
    }
    status = 409 if konflik else 200
    return render(request, "instansi/hapus.html", konteks, status=status)
