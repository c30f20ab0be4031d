"""The layout holds what the README's architecture promises: dependencies point one way
(`inti ← instansi ← kinerja ← anggaran ← sakip ← publikasi ← reviu`), no screen module
imports another, and the lower apps' templates link up to the agency's year through
`url_tahun`, not through a URL name of the app above them."""

import ast
import re
from pathlib import Path

from django.test import SimpleTestCase, TestCase
from django.urls import reverse

from tests.factories import buat_instansi, buat_pemeran

AKAR = Path(__file__).resolve().parent.parent
LAPISAN = [
    "inti",
    "instansi",
    "kinerja",
    "anggaran",
    "evaluasi",
    "sakip",
    "publikasi",
    "reviu",
    "dasbor",
    "pekerjaan",
]
# URL names that belong to `sakip`, the top app.
URL_SAKIP = re.compile(r"""\{%\s*url\s+['"](instansi-tahun|naskah-lkjip|lkjip-\w+|excel-[\w-]+)['"]""")


def impor(berkas: Path) -> set[str]:
    """The top-level packages and the modules a Python file imports."""
    pohon = ast.parse(berkas.read_text())
    hasil = set()
    for simpul in ast.walk(pohon):
        if isinstance(simpul, ast.Import):
            hasil |= {a.name for a in simpul.names}
        elif isinstance(simpul, ast.ImportFrom) and simpul.module and simpul.level == 0:
            hasil.add(simpul.module)
            hasil |= {f"{simpul.module}.{a.name}" for a in simpul.names}
    return hasil


class LayoutTests(SimpleTestCase):
    def test_every_package_imports_only_from_the_packages_below_it(self):
        for n, paket in enumerate(LAPISAN):
            atas = set(LAPISAN[n + 1 :])
            for berkas in (AKAR / paket).rglob("*.py"):
                if "migrations" in berkas.parts:
                    continue
                with self.subTest(str(berkas.relative_to(AKAR))):
                    naik = {m for m in impor(berkas) if m.split(".")[0] in atas}
                    self.assertEqual(naik, set())

    def test_no_screen_module_imports_another_screen_module(self):
        for berkas in (b for paket in LAPISAN for b in (AKAR / paket).rglob("views.py")):
            with self.subTest(str(berkas.relative_to(AKAR))):
                proyek = {m for m in impor(berkas) if m.split(".")[0] in LAPISAN}
                layar = {m for m in proyek if m.endswith(".views") or ".views." in m}
                self.assertEqual(layar, set())

    def test_lower_apps_templates_link_up_through_a_context_value(self):
        for app in ("instansi", "kinerja", "anggaran"):
            for berkas in (AKAR / "templates" / app).rglob("*.html"):
                with self.subTest(str(berkas.relative_to(AKAR))):
                    self.assertEqual(URL_SAKIP.findall(berkas.read_text()), [])


class UrlTahunTests(TestCase):
    def test_a_lower_apps_page_links_back_to_the_agency_year(self):
        a = buat_instansi("dinas-a")
        perencana, _, _ = buat_pemeran(a, buat_instansi("dinas-b"))
        self.client.force_login(perencana)
        r = self.client.get(reverse("narasi-daftar", args=[a.slug, 2022]))
        self.assertContains(r, f'href="{reverse("instansi-tahun", args=[a.slug, 2022])}"')
