"""The router in a real browser: a deep link that is the very first request to a fresh server
still goes through app.py (navigation titles and the language toggle), for every route."""

import pytest

from routes import ROUTES
from tests.browser.conftest import open_app, serve_app

expect = pytest.importorskip("playwright.sync_api").expect


@pytest.mark.parametrize("path", [r.path for r in ROUTES if r.path != "/"])
def test_first_request_deep_link_goes_through_the_router(page, tmp_path, path):
    with serve_app(ACTLAB_DB=str(tmp_path / "h.sqlite3")) as url:
        open_app(page, url, path)
        sidebar = page.locator('[data-testid="stSidebar"]')
        expect(sidebar.get_by_text("English")).to_be_visible()  # the language radio
        expect(sidebar.get_by_text("関数エクスプローラ")).to_be_visible()  # titles, not file names
        assert page.url.startswith(url + path)
