"""Reference data: the SAKIP evaluation scale (AA > 90 … D), editable in the admin."""

from decimal import Decimal

from django.db import migrations

SKALA = [
    ("AA", Decimal(90), "Istimewa"),
    ("A", Decimal(80), "Sangat baik"),
    ("BB", Decimal(70), "Baik"),
    ("B", Decimal(60), "Cukup baik"),
    ("CC", Decimal(50), "Cukup"),
    ("C", Decimal(30), "Kurang"),
    ("D", None, "Sangat kurang"),
]


def isi(apps, schema_editor):
    PredikatEvaluasi = apps.get_model("kinerja", "PredikatEvaluasi")
    for label, batas, keterangan in SKALA:
        PredikatEvaluasi.objects.update_or_create(
            label=label, defaults={"lebih_dari": batas, "keterangan": keterangan}
        )


def hapus(apps, schema_editor):
    apps.get_model("kinerja", "PredikatEvaluasi").objects.filter(
        label__in=[s[0] for s in SKALA]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("kinerja", "0001_initial")]
    operations = [migrations.RunPython(isi, hapus)]
