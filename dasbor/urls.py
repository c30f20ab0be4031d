"""The dashboards' URLs: a region's agencies, and the regions side by side."""

from django.urls import path

from dasbor import views

urlpatterns = [
    path("dasbor/<tahun:tahun>/", views.dasbor_nasional, name="dasbor-nasional"),
    path("dasbor/<slug:pemda>/<tahun:tahun>/", views.dasbor_pemda, name="dasbor-pemda"),
]
