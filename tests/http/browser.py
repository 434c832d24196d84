"""A small wrapper over Debian's chromium and chromium-driver (python3-selenium)
for the real-browser walk: headless, --no-sandbox (the tests run as root), one
browser per window size (a start costs about two seconds), every wait bounded,
and the browser always quit (use it as a context manager).  The viewport is set
through the DevTools protocol: headless chromium will not make a window narrower
than 500 px, but a phone's 375 px is what the walk must check."""
import base64, re
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

TIMEOUT = 15        # seconds, for every page load, script and wait


class Browser:
    def __init__(self, base, width, height=900):
        self.base, self.width, self.height = base.rstrip("/"), width, height
        self.d = None

    def __enter__(self):
        o = webdriver.ChromeOptions()
        o.binary_location = "/usr/bin/chromium"
        for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--disable-extensions", "--no-first-run", "--lang=zh-CN",
                  "--window-size=%d,%d" % (max(self.width, 500), self.height)):
            o.add_argument(a)
        self.d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
        try:
            self.d.set_page_load_timeout(TIMEOUT)
            self.d.set_script_timeout(TIMEOUT)
            self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": self.width, "height": self.height, "deviceScaleFactor": 1,
                "mobile": self.width < 500})
        except Exception:
            self.d.quit()
            raise
        return self

    def __exit__(self, *exc):
        self.d.quit()
        return False

    def go(self, path):
        self.d.get(self.base + path)

    def path(self):
        u = self.d.current_url
        return u[len(self.base):] if u.startswith(self.base) else u

    def wait(self, pred, what):
        return WebDriverWait(self.d, TIMEOUT).until(lambda d: pred(), message=what)

    def wait_path(self, prefix):
        self.wait(lambda: self.path().startswith(prefix) and
                  self.d.execute_script("return document.readyState") == "complete",
                  "page %s (at %s)" % (prefix, self.path()))

    def css(self, sel):
        return self.d.find_elements(By.CSS_SELECTOR, sel)

    def one(self, sel):
        els = self.wait(lambda: self.css(sel), "element %s on %s" % (sel, self.path()))
        return els[0]

    def xpath(self, xp):
        return self.wait(lambda: self.d.find_elements(By.XPATH, xp), "element %s on %s" % (xp, self.path()))[0]

    def click(self, el):
        # scrolled into view first: at 375 px a button may sit below the fold
        self.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
        el.click()

    def text(self):
        return self.d.find_element(By.TAG_NAME, "body").text

    def overflow(self):
        """(scrollWidth, innerWidth): wider than the window means a horizontal scroll."""
        return tuple(self.d.execute_script(
            "return [document.scrollingElement.scrollWidth, window.innerWidth]"))

    def pdf_pages(self, landscape=False):
        """Prints the page as chromium would to A4 and counts the PDF's pages."""
        r = self.d.execute_cdp_cmd("Page.printToPDF", {
            "paperWidth": 8.27, "paperHeight": 11.69, "landscape": landscape,
            "printBackground": True, "preferCSSPageSize": True})
        pdf = base64.b64decode(r["data"])
        assert pdf.startswith(b"%PDF"), pdf[:20]
        return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
