"""The public pages under /publik/: no login, only what was published."""

from django.urls import path

from publikasi import views

LAPORAN = "publik/<slug:pemda>/<slug:slug>/<tahun:tahun>/"
VERSI = LAPORAN + "v<int:versi>/"

urlpatterns = [
    path("publik/", views.indeks, name="publik-indeks"),
    # Before the pemda's page, which would otherwise take «verifikasi» for a pemda's slug.
    path("publik/verifikasi/", views.verifikasi, name="publik-verifikasi"),
    path("publik/<slug:pemda>/", views.pemda, name="publik-pemda"),
    path("publik/<slug:pemda>/<tahun:tahun>/data.csv", views.pemda_csv, name="publik-pemda-csv"),
    path("publik/<slug:pemda>/<tahun:tahun>/data.json", views.pemda_json, name="publik-pemda-json"),
    path(LAPORAN, views.laporan, name="publik-laporan"),
    path(VERSI, views.baca, name="publik-baca"),
    path(VERSI + "lkjip.html", views.html, name="publik-html"),
    path(VERSI + "lkjip.pdf", views.pdf, name="publik-pdf"),
    path(VERSI + "data.csv", views.data_csv, name="publik-csv"),
    path(VERSI + "data.json", views.data_json, name="publik-json"),
]
