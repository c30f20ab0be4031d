"""One follow-up per recommendation (`TindakLanjutLke.rekomendasi` becomes one-to-one).

Before the unique key, a double submit could create a second row. Of a recommendation's
rows the one kept is the first by id: the one every screen, list and LHE showed and edited
(each read the first). The others, never shown, are deleted with a history record that says
into which row they were merged, so what they held stays readable in the history."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Count
from django.utils import timezone


def satukan_ganda(apps, schema_editor):
    TindakLanjut = apps.get_model("evaluasi", "TindakLanjutLke")
    Riwayat = apps.get_model("evaluasi", "HistoricalTindakLanjutLke")
    ganda = (
        TindakLanjut.objects.values("rekomendasi_id")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .values_list("rekomendasi_id", flat=True)
    )
    for rekomendasi_id in list(ganda):
        tetap, *lebih = TindakLanjut.objects.filter(rekomendasi_id=rekomendasi_id).order_by("id")
        for t in lebih:
            Riwayat.objects.create(
                id=t.id,
                versi=t.versi,
                rekomendasi_id=t.rekomendasi_id,
                tindak_lanjut=t.tindak_lanjut,
                rencana_aksi=t.rencana_aksi,
                batas_waktu=t.batas_waktu,
                status=t.status,
                history_date=timezone.now(),
                history_type="-",
                history_change_reason=f"Ganda: disatukan ke tindak lanjut #{tetap.id}",
            )
            t.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("evaluasi", "0003_bukti_simpulan"),
    ]

    operations = [
        migrations.RunPython(satukan_ganda, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="tindaklanjutlke",
            name="rekomendasi",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="tindak_lanjut",
                to="evaluasi.rekomendasilke",
            ),
        ),
    ]
