"""Drives Debian's headless Chromium through Talon's web pages with Selenium.

Run by BrowserTests.swift with the test virtual environment's python:

    python3 browser_scenarios.py <settings.json>

The settings name the server's base URL, the staff user and password, the photos to upload
and the folders for downloads and screenshots. The script walks every scenario in one
browser session with JavaScript switched off (the pages claim to need none) and prints one
JSON report on standard output: what each page showed, which files were downloaded and
which pages overflow a phone's width. The Swift test judges the report; this script only
fails on its own when the browser cannot be driven at all.
"""

import base64
import json
import os
import signal
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1100, "height": 900}


def replaced(element):
    """Whether the page holding `element` is gone. Chromium may answer for a node of the
    page being replaced with an "unknown error" rather than a stale-element error while the
    next page loads: either means the old page is gone."""
    try:
        element.tag_name
        return False
    except WebDriverException:
        return True


def start_browser(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--lang=en-US", "--window-size=%d,%d" % (DESKTOP["width"], DESKTOP["height"]),
                     "--no-first-run", "--disable-extensions", "--disable-background-networking"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": downloads,
        "download.prompt_for_download": False,
        "plugins.always_open_pdf_externally": True,
        "profile.managed_default_content_settings.javascript": 2,
        "intl.accept_languages": "en-US,en",
    })
    # The system's chromedriver: Selenium Manager is never asked to download one.
    driver = webdriver.Chrome(options=options, service=Service(executable_path="/usr/bin/chromedriver"))
    driver.set_page_load_timeout(60)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver


class Session:
    def __init__(self, driver, settings):
        self.driver = driver
        self.base = settings["base"]
        self.screenshots = settings["screenshots"]
        self.downloads = settings["downloads"]
        self.width = DESKTOP["width"]
        self.overflow = []

    def open(self, path):
        self.driver.get(self.base + path)

    def find(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def texts(self, css):
        return [element.text for element in self.driver.find_elements(By.CSS_SELECTOR, css)]

    def value(self, css):
        return self.find(css).get_attribute("value")

    def fill(self, values):
        for name, value in values.items():
            field = self.find("#" + name)
            field.clear()
            field.send_keys(value)

    def fill_date(self, name, iso):
        # Chromium's date field takes the digits in the browser language's order (en-US: m/d/y).
        year, month, day = iso.split("-")
        self.find("#" + name).send_keys(month + day + year)

    def submit(self, css="main form:not(.logout) button[type=submit]"):
        """Clicks and waits until the next page has replaced this one."""
        page = self.find("html")
        self.find(css).click()
        WebDriverWait(self.driver, 60).until(lambda driver: replaced(page))
        WebDriverWait(self.driver, 60).until(
            lambda driver: driver.execute_script("return document.readyState") == "complete")

    def emulate(self, size, mobile):
        self.width = size["width"]
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": size["width"], "height": size["height"], "deviceScaleFactor": 1, "mobile": mobile})

    def shot(self, name):
        """Full-page PNGs at the desktop and the phone width (`phone-<name>.png`); notes
        the page when it is wider than the window."""
        self.capture(name)
        self.emulate(PHONE, True)
        self.capture("phone-" + name)
        self.emulate(DESKTOP, False)

    def capture(self, name):
        metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        content = metrics.get("cssContentSize") or metrics["contentSize"]
        width, height = int(content["width"]), int(content["height"])
        if width > self.width:
            self.overflow.append({"page": name, "width": width})
        picture = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": max(width, self.width), "height": height, "scale": 1}})
        with open(os.path.join(self.screenshots, name + ".png"), "wb") as file:
            file.write(base64.b64decode(picture["data"]))

    def download(self, css, name, timeout=60):
        """Clicks a link and waits for the browser to finish saving `name`."""
        target = os.path.join(self.downloads, name)
        self.find(css).click()
        deadline = time.time() + timeout
        while time.time() < deadline:
            if os.path.exists(target) and not os.path.exists(target + ".crdownload"):
                return target
            time.sleep(0.1)
        return None

    def download_in_new_tab(self, css, name):
        """Clicks a button that opens its answer in a new tab (a PDF, saved by the browser),
        then closes that tab and comes back: the form stays as it was filled."""
        home = self.driver.current_window_handle
        target = self.download(css, name)
        for handle in self.driver.window_handles:
            if handle != home:
                self.driver.switch_to.window(handle)
                self.driver.close()
        self.driver.switch_to.window(home)
        return target

    def field_state(self, name):
        element = self.find("#" + name)
        errors = self.texts("#%s-error" % name)
        return {"value": element.get_attribute("value"), "error": errors[0] if errors else None,
                "invalid": element.get_attribute("aria-invalid") == "true"}


def customer_sends_the_form(session, settings):
    customer = settings["customer"]
    session.open("/rma?lang=en")
    report = {"title": session.driver.title, "scripts": len(session.driver.find_elements(By.TAG_NAME, "script"))}
    session.fill_date("received", customer["received"])
    session.fill({name: value for name, value in customer.items() if name != "received"})
    session.find("#files").send_keys("\n".join(settings["photos"]))
    session.shot("rma-form-filled")
    session.submit()
    report["heading"] = session.find("h1").text
    report["rma"] = session.find("#rma-number").text
    session.shot("rma-done")
    report["pdf"] = session.download("#download", report["rma"] + ".pdf")
    return report


def customer_forgets_a_required_field(session, settings):
    customer = settings["customer"]
    session.open("/rma?lang=uk")
    session.fill_date("received", customer["received"])
    session.fill({name: value for name, value in customer.items() if name not in ("received", "failure")})
    session.submit()
    report = {"status_heading": session.find("h1").text, "summary": session.texts(".summary li"),
              "fields": {name: session.field_state(name) for name in customer}}
    session.shot("rma-error-uk")
    session.open("/rma?lang=uk")
    session.shot("rma-form-uk")
    return report


def seller_issues_a_card(session, settings):
    report = {}
    session.open("/staff")
    report["redirected_to"] = session.driver.current_url.replace(session.base, "")
    session.shot("staff-login")
    session.fill({"user": settings["user"], "password": settings["password"]})
    session.submit()
    report["after_login"] = session.driver.current_url.replace(session.base, "")
    session.shot("staff-card-form")
    card = settings["card"]
    session.fill_date("sale_date", card["sale_date"])
    session.fill({name: value for name, value in card.items() if name != "sale_date"})
    report["preview"] = session.download_in_new_tab("#card-preview", "card-preview.pdf")
    report["kept_after_preview"] = {name: session.value("#" + name) for name in card}
    session.submit()
    report["card"] = session.find("#card-number").text
    report["claims"] = session.texts("table.claims tbody tr")
    session.shot("staff-card-issued")
    report["pdf"] = session.download("#card-pdf", report["card"] + ".pdf")
    session.open("/staff?lang=uk")
    session.shot("staff-uk")
    return report


def staff_walks_a_claim(session, settings):
    """From the claim list to the returned device, one step form after the other."""
    session.open("/staff?lang=en")
    session.submit("table.claims a")
    report = {"title": session.find("h1").text, "steps": []}
    session.shot("staff-claim-received")
    for step in settings["steps"]:
        for name, iso in step.get("dates", {}).items():
            session.fill_date(name, iso)
        session.fill(step.get("values", {}))
        for name, value in step.get("radios", {}).items():
            session.find("input[name='%s'][value='%s']" % (name, value)).click()
        for number in step.get("clauses", []):
            session.find("input[name='clauses'][value='%d']" % number).click()
        form = session.find("#step-title").text
        session.submit("#" + step.get("button", "step-submit"))
        done = {"form": form, "state": session.find("#claim-state").text, "errors": session.texts(".field .error")}
        if step.get("shot"):
            session.shot("staff-claim-" + step["shot"])
        links = session.texts("#step-document")
        if links:
            number = links[0].split(" ")[-1]
            done["document"] = number
            done["pdf"] = session.download("#step-document", number.replace("/", "-") + ".pdf")
        report["steps"].append(done)
    report["history"] = session.texts("table.history tbody tr")
    report["next_form"] = session.texts("#step-title")
    session.open(session.driver.current_url.replace(session.base, "").split("&")[0].replace("lang=en", "lang=uk"))
    session.shot("staff-claim-uk")
    return report


def main():
    with open(sys.argv[1], encoding="utf-8") as file:
        settings = json.load(file)
    # The test stops this process group in every case, chromium and chromedriver with it;
    # SIGTERM (its time limit) ends the session through `finally` first.
    os.setpgrp()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(3))
    driver = start_browser(settings["downloads"])
    report = {}
    try:
        session = Session(driver, settings)
        for scenario in (customer_sends_the_form, customer_forgets_a_required_field, seller_issues_a_card,
                         staff_walks_a_claim):
            try:
                report[scenario.__name__] = scenario(session, settings)
            except WebDriverException as error:
                report[scenario.__name__] = {"failed": "%s at %s" % (error.msg, driver.current_url)}
        report["overflow"] = session.overflow
    finally:
        driver.quit()
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
