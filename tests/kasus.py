"""The cast of the screen tests, built once per test class, and what those tests share.

`KasusInstansi` is the base of every test class that signs people in to an agency's
screens: agency a (the one under test) and agency b, a planner of each — `perencana_b`
is the outsider who must get 404 from a's pages — a reviewer of a's region
(`pemeriksa`, reads but may not write) and a site `admin` (may unlock a year).
"""

from django.contrib.auth import get_user_model
from django.test import TestCase

from tests.factories import buat_instansi, buat_pemeran


def isian(response) -> dict:
    """What the browser would post back for a page's form as it was served."""
    data = {}
    for bf in response.context["form"]:
        nilai = bf.field.prepare_value(bf.value())
        data[bf.html_name] = "" if nilai is None else nilai
    return data


def isian_forms(forms) -> dict:
    """What the browser posts back for several forms (a grid's cells) as they were served."""
    data = {}
    for form in forms:
        for bf in form:
            nilai = bf.field.prepare_value(bf.value())
            data[bf.html_name] = "" if nilai is None else nilai
    return data


def utama(response) -> str:
    """The page's own content, without the site header (whose logout form has an input)."""
    return response.content.decode().split("<main>", 1)[1]


class KasusInstansi(TestCase):
    """Agency a (`ukuran_a` programs) and b, their planners, a reviewer of a's region and an
    admin; every test begins signed in as a's planner."""

    ukuran_a = 1

    @classmethod
    def setUpTestData(cls):
        cls.a = buat_instansi("dinas-a", ukuran=cls.ukuran_a)
        cls.b = buat_instansi("dinas-b")
        cls.perencana, cls.perencana_b, cls.pemeriksa = buat_pemeran(cls.a, cls.b)
        cls.admin = get_user_model().objects.create_superuser("admin", password="rahasia-admin-1")

    def setUp(self):
        self.client.force_login(self.perencana)

    def masuk(self, user):
        self.client.force_login(user)
