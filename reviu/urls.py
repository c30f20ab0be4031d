"""The review's URLs: a report's review page, its transitions and notes, the reviewer's desk."""

from django.urls import path

from inti.alamat import AWALAN_TAHUN
from reviu.catatan import views as catatan
from reviu.laporan import views as laporan
from reviu.meja import views as meja

urlpatterns = [
    path("reviu/<tahun:tahun>/", meja.meja, name="meja-reviu"),
    path(AWALAN_TAHUN + "reviu/", laporan.laporan, name="reviu-laporan"),
    path(AWALAN_TAHUN + "reviu/<slug:kode>/", laporan.transisi, name="reviu-transisi"),
    path(AWALAN_TAHUN + "reviu/catatan/<int:pk>/", catatan.catatan, name="reviu-catatan"),
]
