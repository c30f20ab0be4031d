"""The report's build runs without the cyclic garbage collector (`render.tanpa_gc`), and
gives it back: also when builds overlap in threads, or one fails."""

import gc
import threading

from django.test import SimpleTestCase

from sakip.lkjip.render import tanpa_gc


class TanpaGcTests(SimpleTestCase):
    def setUp(self):
        self.addCleanup(gc.enable if gc.isenabled() else gc.disable)
        gc.enable()

    def test_off_while_building_and_on_again_after(self):
        with tanpa_gc():
            self.assertFalse(gc.isenabled())
        self.assertTrue(gc.isenabled())

    def test_overlapping_builds_leave_it_off_until_the_last_ends(self):
        dalam, lanjut = threading.Event(), threading.Event()

        def lain():
            with tanpa_gc():
                dalam.set()
                lanjut.wait(5)

        t = threading.Thread(target=lain)
        with tanpa_gc():
            t.start()
            dalam.wait(5)
        self.assertFalse(gc.isenabled())  # the other build is still running
        lanjut.set()
        t.join(5)
        self.assertTrue(gc.isenabled())

    def test_a_failed_build_gives_it_back(self):
        with self.assertRaises(ValueError), tanpa_gc():
            raise ValueError
        self.assertTrue(gc.isenabled())

    def test_left_off_when_it_was_off(self):
        gc.disable()
        with tanpa_gc():
            pass
        self.assertFalse(gc.isenabled())
