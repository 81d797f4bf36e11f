"""An unknown URL is named for the router's own not-found page; a known one never is."""

import pytest

from routes import ROUTES, unknown_page


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.path)
def test_every_page_is_known(route):
    assert unknown_page(f"http://127.0.0.1:8501{route.path}") is None
    assert unknown_page(f"https://example.org/lab{route.path}", "/lab/") is None


@pytest.mark.parametrize(("url", "base", "name"), [
    ("http://127.0.0.1:8501/nothere", "", "nothere"),
    ("http://127.0.0.1:8501/Explorer", "", "Explorer"),  # Streamlit matches paths exactly
    ("https://example.org/lab/nothere", "lab", "nothere"),
    ("http://127.0.0.1:8501/a/b", "", None),  # nested: Streamlit routes one segment only
    (None, "", None),  # AppTest and the first run without a browser URL
    ("", "", None),
])
def test_unknown_pages(url, base, name):
    assert unknown_page(url, base) == name
