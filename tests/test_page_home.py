"""The home page through the real router (AppTest): roles, chart, a link to every page, English."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from routes import ROUTES
from tests.apptest import APP, open_page

ROLES_JA = ("非線形性の導入", "勾配の制御", "出力の正規化")


def page_links(block) -> list[str]:
    return [link.proto.page for link in block.get("page_link")]


def test_home_is_the_default_page_and_shows_the_three_roles():
    at = AppTest.from_file(APP, default_timeout=60).run()  # no switch: "/" opens home
    assert not at.exception and not at.warning
    text = " ".join(md.value for md in at.markdown)
    for role in ROLES_JA:
        assert role in text
    assert len(at.latex) == 3
    assert len(at.get("plotly_chart")) == 1


def test_links_to_every_other_page():
    at = open_page("home")
    assert not at.exception
    # a page link names its target by URL path
    assert page_links(at.main) == [r.path.strip("/") for r in ROUTES if r.path != "/"]


def test_the_menu_lists_every_page_under_its_part_of_the_unit():
    at = open_page("home")
    assert page_links(at.sidebar) == [r.path.strip("/") for r in ROUTES]
    headings = [md.value for md in at.sidebar.markdown]
    assert headings == ["**活性化関数**", "**損失関数と誤差逆伝播**", "**最適化と正則化**", "**演習**"]
    main = " ".join(md.value for md in at.main.markdown)
    for heading in headings:  # the home page is the same map
        assert heading.strip("*") in " ".join(h.value for h in at.main.subheader) + main


def test_english_toggle():
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.radio(key="lang").set_value("en").run()
    assert not at.exception
    text = " ".join(md.value for md in at.markdown)
    assert "Introducing nonlinearity" in text and "非線形性の導入" not in text
    at.radio(key="lang").set_value("ja").run()
    assert "非線形性の導入" in " ".join(md.value for md in at.markdown)


def test_chart_legend_follows_the_language():
    def names(lang):
        spec = json.loads(open_page("home", lang=lang).get("plotly_chart")[0].proto.spec)
        return [tr["name"] for tr in spec["data"]]

    assert names("ja")[0] == "シグモイド関数" and names("en")[0] == "Sigmoid"
