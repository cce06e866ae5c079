"""A parent on a 375 px phone: who to call and when is on the home page, and the questionnaire and the consent
form are two taps away (the «Как стать участником» button, then the step's link), each a real file of the site."""

from __future__ import annotations

import pytest
from test_browser import base, browser, context, site  # noqa: F401 - the module's fixtures, shared

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = 375


def test_curator_phone_and_hours_are_on_the_home_page_before_the_sections(context, base):  # noqa: F811
    page = context(width=PHONE).new_page()
    page.goto(base)
    contact = page.locator(".nv-contact").first
    phone = contact.locator(".nv-contact__phone a")
    hours = contact.locator(".nv-contact__hours")
    assert phone.is_visible() and hours.is_visible()
    assert phone.get_attribute("href").startswith("tel:+7")
    assert "Приём:" in hours.inner_text() and any(ch.isdigit() for ch in hours.inner_text())
    sections = page.locator("#razdely")
    assert contact.bounding_box()["y"] < sections.bounding_box()["y"]  # the curator comes before the tiles
    assert contact.bounding_box()["width"] <= PHONE
    assert contact.locator("img.nv-contact__photo").is_visible()


@pytest.mark.parametrize("link", ["анкет", "соглас"])
def test_questionnaire_and_consent_form_in_two_taps(context, base, link):  # noqa: F811
    page = context(width=PHONE).new_page()
    page.goto(base)
    page.get_by_role("link", name="Как стать участником").first.click()  # tap 1
    page.wait_for_url("**/parents/#kak-stat-uchastnikom")
    step = page.locator("ol.nv-steps a.nv-steps__link", has_text=link).first
    assert step.is_visible()
    with page.expect_download() as download:
        step.click()  # tap 2
    assert download.value.suggested_filename.endswith((".docx", ".pdf", ".doc", ".odt"))
    response = page.request.get(download.value.url)
    assert response.status == 200 and len(response.body()) > 1000


def test_application_says_where_the_data_goes_and_posts_nowhere(context, base):  # noqa: F811
    page = context(width=PHONE).new_page()
    page.goto(base + "parents/")
    assert page.locator("form[method=post i]").count() == 0  # nothing on the page posts personal data
    where = page.locator(".nv-application__where")
    assert where.is_visible() and "не хранит" in where.inner_text()
    mail = page.locator("a[href^='mailto:'][href*='subject=']").first
    assert mail.is_visible()
