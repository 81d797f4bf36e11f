"""Every chart has a description for screen readers (st.plotly_chart's alt), in the UI language."""

import re

import pytest

from routes import ROUTES
from tests.apptest import open_page

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
PAGES = [r.script.removeprefix("views/").removesuffix(".py") for r in ROUTES]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_chart_is_described(page, lang):
    at = open_page(page, lang=lang)
    assert not at.exception
    alts = [chart.proto.alt for chart in at.get("plotly_chart")]
    assert all(alt.strip() for alt in alts), alts
    if lang == "ja":
        assert all(JAPANESE.search(alt) for alt in alts), alts
    else:
        assert not any(JAPANESE.search(alt) for alt in alts), alts


def test_the_explorer_names_the_function_it_draws():
    at = open_page("explorer", query={"fn": "elu"})
    (chart,) = at.get("plotly_chart")
    assert "ELU" in chart.proto.alt and "h'(x)" in chart.proto.alt


def test_pages_with_charts_are_covered():
    """The parametrisation above is not vacuous: most pages draw at least one chart."""
    counts = {page: len(open_page(page).get("plotly_chart")) for page in PAGES}
    assert sum(1 for n in counts.values() if n) >= 5, counts
