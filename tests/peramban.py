"""What every browser test shares: Debian's headless Chromium, signing in through the login
page, and the console's Content-Security-Policy refusals.

The Makefile installs Debian's chromium and chromium-driver; nothing downloads a browser.
"""

import shutil
import tempfile

from django.contrib.staticfiles.testing import StaticLiveServerTestCase
from django.urls import reverse
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"


def chromium(profil: str) -> webdriver.Chrome:
    """Debian's headless Chromium with a fresh profile and no background traffic."""
    opsi = webdriver.ChromeOptions()
    opsi.binary_location = CHROMIUM
    opsi.add_argument(f"--user-data-dir={profil}")
    for argumen in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1600",
    ):
        opsi.add_argument(argumen)
    # The console, where Chromium reports every resource the Content-Security-Policy refused.
    opsi.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=opsi)


def masuk(b: webdriver.Chrome, alamat_server: str, nama: str, sandi: str) -> None:
    """Sign in as `nama` through the login page, as a new visitor (the cookies of whoever
    used the browser before are dropped), and wait for the home page."""
    b.delete_all_cookies()
    b.get(alamat_server + reverse("masuk"))
    b.find_element(By.NAME, "username").send_keys(nama)
    b.find_element(By.NAME, "password").send_keys(sandi)
    b.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(b, 5).until(EC.url_to_be(alamat_server + reverse("beranda")))


def pelanggaran_csp(b: webdriver.Chrome) -> list[str]:
    """What the console reported the Content-Security-Policy refused since it was last read."""
    return [e["message"] for e in b.get_log("browser") if "Content Security Policy" in e["message"]]


def tunggu_halaman_baru(b: webdriver.Chrome, lama, detik: int = 10) -> None:
    """Wait until `lama`, an element of the page before a submit, is gone: the answer page has
    replaced it, and what is read next is never the old page. Chromium reports a node of a
    page being replaced as stale or, mid-navigation, as «does not belong to the document»:
    `EC.staleness_of` knows only the first."""

    def hilang(_) -> bool:
        try:
            lama.is_enabled()
        except WebDriverException:  # StaleElementReferenceException among them
            return True
        return False

    WebDriverWait(b, detik).until(hilang)


class UjiPeramban(StaticLiveServerTestCase):
    """A live server and one headless Chromium per test class, with a fresh profile and a
    download folder of its own (`unduhan`: attachments land there unasked); both removed
    at the end."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.profil = tempfile.mkdtemp()
        cls.unduhan = tempfile.mkdtemp()
        cls.browser = chromium(cls.profil)
        cls.browser.implicitly_wait(2)
        cls.browser.execute_cdp_cmd(
            "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": cls.unduhan}
        )

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        shutil.rmtree(cls.profil, ignore_errors=True)
        shutil.rmtree(cls.unduhan, ignore_errors=True)
        super().tearDownClass()
