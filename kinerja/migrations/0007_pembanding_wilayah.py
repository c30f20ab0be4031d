from django.db import migrations, models


class Migration(migrations.Migration):
    """Pembanding.tingkat becomes `wilayah` (province or nation): «tingkat» is the cascade's
    level everywhere else. A rename, so stored comparisons keep their values."""

    dependencies = [
        ("kinerja", "0006_desimal_indikator"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="pembanding", name="pembanding_unik"),
        migrations.RenameField(model_name="pembanding", old_name="tingkat", new_name="wilayah"),
        migrations.RenameField(model_name="historicalpembanding", old_name="tingkat", new_name="wilayah"),
        migrations.AlterModelOptions(
            name="pembanding",
            options={
                "ordering": ["indikator_id", "tahun", "wilayah"],
                "verbose_name": "pembanding",
                "verbose_name_plural": "pembanding",
            },
        ),
        migrations.AddConstraint(
            model_name="pembanding",
            constraint=models.UniqueConstraint(
                fields=("indikator", "tahun", "wilayah"), name="pembanding_unik"
            ),
        ),
    ]
