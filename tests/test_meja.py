"""The reviewer's desk: the agencies of the reviewer's regions with their report's state, the
waiting ones first, filtered and sorted, in a fixed number of queries."""

from html.parser import HTMLParser

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from instansi.models import Instansi, Pemda, Pemeriksa
from reviu.models import CatatanReviu, Status, StatusCatatan, StatusLaporan
from tests.test_alur import TAHUN, KasusReviu

MEJA = reverse("meja-reviu", args=[TAHUN])
# The session and user, the reviewer's regions (exists, then the filter's choices), the
# rows' count for the pages, the rows: whatever the number of agencies.
NUM_KUERI = 6


class _Baris(HTMLParser):
    """The body rows of the desk's table as cell texts."""

    def __init__(self):
        super().__init__()
        self.baris: list[list[str]] = []
        self._sel = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.baris.append([])
        elif tag == "td":
            self._sel = ""

    def handle_endtag(self, tag):
        if tag == "td":
            self.baris[-1].append(" ".join(self._sel.split()))
            self._sel = None

    def handle_data(self, data):
        if self._sel is not None:
            self._sel += data


def baris_meja(html: str) -> list[list[str]]:
    pembaca = _Baris()
    pembaca.feed(html.split('id="meja"', 1)[1].split("</table>", 1)[0])
    return [b for b in pembaca.baris if b]


def instansi_baru(pemda: Pemda, slug: str, nama: str) -> Instansi:
    return Instansi.objects.create(pemda=pemda, slug=slug, nama=nama)


class DeskTests(KasusReviu):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # a's region holds a second agency, whose report waits on the reviewer.
        cls.c = instansi_baru(cls.a.pemda, "dinas-c", "Dinas C")
        StatusLaporan.objects.create(
            instansi=cls.c, tahun=TAHUN, status=Status.DISAMPAIKAN, sejak=timezone.now(), jumlah_temuan=3
        )
        for status in (
            StatusCatatan.TERBUKA,
            StatusCatatan.TERBUKA,
            StatusCatatan.DIJAWAB,
            StatusCatatan.DITUTUP,
        ):
            CatatanReviu.objects.create(
                instansi=cls.c,
                tahun=TAHUN,
                label="Laporan",
                teks="…",
                status=status,
                dibuat_oleh=cls.pemeriksa,
                dibuat_pada=timezone.now(),
            )
        # Another year's note is not this year's.
        CatatanReviu.objects.create(
            instansi=cls.c,
            tahun=TAHUN - 1,
            label="L",
            teks="…",
            dibuat_oleh=cls.pemeriksa,
            dibuat_pada=timezone.now(),
        )

    def baris(self, url=MEJA) -> list[list[str]]:
        return baris_meja(self.client.get(url).content.decode())

    def test_the_reviewer_sees_the_region_waiting_reports_first(self):
        self.masuk(self.pemeriksa)
        baris = self.baris()
        self.assertEqual([b[1] for b in baris], ["Dinas C", "Dinas dinas-a"])
        c = baris[0]
        self.assertEqual(c[2], "Disampaikan")
        self.assertEqual(c[4:], ["2", "1", "3"])
        self.assertEqual(baris[1][2:], ["Draf", "–", "0", "0", "–"])
        r = self.client.get(MEJA)
        self.assertContains(r, f'href="{reverse("reviu-laporan", args=[self.c.slug, TAHUN])}"')
        self.assertNotContains(r, "dinas-b")

    def test_an_admin_sees_every_region(self):
        self.masuk(self.admin)
        self.assertEqual(len(self.baris()), 3)

    def test_filtered_by_state_and_by_pemda_and_sorted_by_name(self):
        self.masuk(self.admin)
        self.assertEqual(
            [b[1] for b in self.baris(MEJA + "?status=draf")], ["Dinas dinas-a", "Dinas dinas-b"]
        )
        self.assertEqual([b[1] for b in self.baris(MEJA + f"?pemda={self.b.pemda.pk}")], ["Dinas dinas-b"])
        self.assertEqual(
            [b[1] for b in self.baris(MEJA + "?urut=-nama")], ["Dinas dinas-b", "Dinas dinas-a", "Dinas C"]
        )

    def test_a_reviewer_cannot_filter_into_another_region(self):
        self.masuk(self.pemeriksa)
        r = self.client.get(MEJA + f"?pemda={self.b.pemda.pk}")
        self.assertNotContains(r, "Dinas dinas-b")

    def test_planners_are_refused_and_anonymous_visitors_sign_in(self):
        for user in (self.perencana, self.perencana_b):
            self.masuk(user)
            self.assertEqual(self.client.get(MEJA).status_code, 403)
        self.client.logout()
        self.assertEqual(self.client.get(MEJA).status_code, 302)


class DeskQueryTests(TestCase):
    def test_the_desk_takes_the_same_queries_for_ten_times_the_agencies(self):
        pemda = Pemda.objects.create(
            slug="kota-q", nama="Kota Q", jenis=Pemda.Jenis.KOTA, jabatan_kepala="Walikota"
        )
        pemeriksa = get_user_model().objects.create_user("pemeriksa-q", password="rahasia-q-1")
        Pemeriksa.objects.create(user=pemeriksa, pemda=pemda)
        self.client.force_login(pemeriksa)
        for n, banyak in enumerate((1, 10)):
            for k in range(banyak - Instansi.objects.count()):
                i = instansi_baru(pemda, f"dinas-{n}-{k}", f"Dinas {n} {k}")
                StatusLaporan.objects.create(
                    instansi=i, tahun=TAHUN, status=Status.DISAMPAIKAN, sejak=timezone.now(), jumlah_temuan=k
                )
                CatatanReviu.objects.create(
                    instansi=i,
                    tahun=TAHUN,
                    label="L",
                    teks="…",
                    dibuat_oleh=pemeriksa,
                    dibuat_pada=timezone.now(),
                )
            with self.assertNumQueries(NUM_KUERI):
                r = self.client.get(MEJA)
            self.assertEqual(len(baris_meja(r.content.decode())), banyak)
