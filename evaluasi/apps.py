"""App config for `evaluasi`: the inspectorate's yearly SAKIP evaluation (LKE), between
`anggaran` and `sakip`: instruments as data, an evaluation's frozen copy, the answers of both
sides, their scores, consistency rules and the evaluation's life."""

from django.apps import AppConfig


class EvaluasiConfig(AppConfig):
    name = "evaluasi"
    verbose_name = "Evaluasi SAKIP (LKE)"
