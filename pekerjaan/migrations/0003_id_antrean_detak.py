import django.utils.timezone
from django.db import migrations, models


def detak_dari_dibuat(apps, schema_editor):
    # A job recorded before its line had a heartbeat: its last sign of life is its making.
    apps.get_model("pekerjaan", "Pekerjaan").objects.filter(detak__isnull=True).update(detak=models.F("dibuat"))


class Migration(migrations.Migration):
    dependencies = [
        ("pekerjaan", "0002_berkas"),
    ]

    operations = [
        migrations.AddField(
            model_name="pekerjaan",
            name="id_antrean",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.RunPython(detak_dari_dibuat, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="pekerjaan",
            name="detak",
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
    ]
