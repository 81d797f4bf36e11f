"""The compare page through the real router (AppTest): widgets by key, warnings, language."""

from __future__ import annotations

import re

import plotly.io as pio
import pytest

import activations as act
from tests.apptest import open_page


def figure(at):
    """The lab's chart (the gated activations' figure, folded below it, is another)."""
    charts = [c for c in at.get("plotly_chart") if c.proto.id.endswith("-compare.figure")]
    assert len(charts) == 1
    return pio.from_json(charts[0].proto.spec)


def curve_names(fig) -> list[str]:
    return [tr.name for tr in fig.data if tr.showlegend is not False]


def test_default_view():
    at = open_page("compare")
    assert not at.exception and not at.warning
    assert at.title[0].value == "活性化関数の比較"
    assert curve_names(figure(at)) == ["シグモイド関数", "双曲線正接関数 (tanh)", "ReLU関数", "GELU"]
    assert len(at.table) == 0  # cards and lists: a table breaks names inside a word on a phone
    # the formula table is one card per function, each with its name, h, h' and range
    markdown = [md.value for md in at.markdown]
    for spec in act.REGISTRY.values():
        (i,) = [i for i, v in enumerate(markdown[:-1]) if v.startswith(f"**{spec.name_ja}")
                and spec.latex in markdown[i + 1]]  # not its pros/cons card
        text = markdown[i:i + 4]
        assert spec.latex in text[1] and spec.latex_grad in text[2]
        assert text[3] == f"値域: $\\displaystyle {spec.range_latex}$"


def test_every_function_selected_in_both_views():
    at = open_page("compare")
    at.multiselect(key="compare.fns").set_value(list(act.ELEMENTWISE)).run()
    assert not at.exception and not at.warning
    names = [act.REGISTRY[n].name_ja for n in act.ELEMENTWISE]
    assert curve_names(figure(at)) == names
    at.radio(key="compare.which").set_value("grad").run()
    assert not at.exception
    assert figure(at).layout.yaxis.title.text == "h'(x)"


@pytest.mark.parametrize("xrange", [(-20.0, 20.0), (-20.0, -19.5), (19.5, 20.0), (0.0, 0.5)])
def test_x_range_at_the_ends(xrange):
    at = open_page("compare")
    at.slider(key="compare.xrange").set_value(xrange).run()
    assert not at.exception and not at.warning
    assert tuple(figure(at).layout.xaxis.range) == xrange


@pytest.mark.parametrize("xrange", [(-20.0, -20.0), (20.0, 20.0), (3.0, 3.0)])
def test_an_empty_range_warns_and_falls_back(xrange):
    at = open_page("compare")
    at.slider(key="compare.xrange").set_value(xrange).run()
    assert not at.exception
    assert "最小値 < 最大値" in at.warning[0].value
    assert "xmin" not in at.query_params  # the URL keeps the range actually drawn
    assert tuple(figure(at).layout.xaxis.range) == (-6.0, 6.0)


def test_no_function_selected_warns_and_shows_the_default_set():
    at = open_page("compare")
    at.multiselect(key="compare.fns").set_value([]).run()
    assert not at.exception
    assert "1 つも選ばれていません" in at.warning[0].value
    assert len(curve_names(figure(at))) == 4


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def regions(at) -> dict[str, str]:
    """The saturation list: one "- **name**：regions" line per function."""
    (md,) = [m.value for m in at.markdown if m.value.startswith("- **")]
    return dict(re.fullmatch(r"- \*\*(.+?)\*\*：(.*)", _unescape(line)).groups()
                for line in md.splitlines())


def test_saturation_regions_list_reads_like_the_figure():
    at = open_page("compare")
    at.multiselect(key="compare.fns").set_value(["sigmoid", "identity", "step"]).run()
    cells = regions(at)
    assert cells["恒等関数"] == "なし"
    assert cells["ステップ関数"] == "範囲全体"
    assert cells["シグモイド関数"] == "[-6, -4.585] ∪ [4.585, 6]"  # σ'(4.585) = 0.01


def test_english():
    at = open_page("compare", lang="en")
    assert not at.exception
    assert at.title[0].value == "Comparing activation functions"
    assert curve_names(figure(at))[0] == "Sigmoid"
    markdown = [m.value for m in at.markdown]
    assert "Recommended：**Softmax**" in markdown
    assert any(v.startswith("Why：") for v in markdown)
    assert any(v.startswith("Pros  \n• ") for v in markdown)


def test_study_and_guide_cards_hold_every_row():
    """利点と問題点 and 選択指針 as cards: every function's pros and cons, every use."""
    from viewstate.compare_tables import guide_rows, study_rows

    at = open_page("compare")
    markdown = [m.value for m in at.markdown]
    for row in study_rows("ja"):  # the formula cards carry the same names: the one with 利点
        (i,) = [i for i, v in enumerate(markdown[:-1])
                if v == f"**{row.name}**" and markdown[i + 1].startswith("利点")]
        assert markdown[i + 1] == f"利点  \n{row.pros}" and markdown[i + 2] == f"問題点  \n{row.cons}"
    for row in guide_rows("ja"):
        i = markdown.index(f"**{row.use}**")
        assert markdown[i + 1] == "推奨活性化関数：" + " / ".join(f"**{n}**" for n in row.names)
        assert markdown[i + 2] == f"理由：{row.reason}"


def test_deep_link_sets_the_view():
    at = open_page("compare", query={"fns": "elu,selu", "which": "grad", "xmin": "-4",
                                     "xmax": "2"})
    assert not at.exception and not at.warning
    assert at.multiselect(key="compare.fns").value == ["elu", "selu"]
    assert at.radio(key="compare.which").value == "grad"
    fig = figure(at)
    assert curve_names(fig) == ["ELU", "SELU"]
    assert tuple(fig.layout.xaxis.range) == (-4.0, 2.0)


@pytest.mark.parametrize(("query", "message"), [
    ({"fns": "nosuch"}, "「nosuch」という関数はありません"),
    ({"fns": "softmax"}, "ベクトル全体に働く関数"),
    ({"which": "both"}, "選べません"),
    ({"xmin": "abc"}, "数値ではありません"),
    ({"xmax": "1e300"}, "範囲外"),
    ({"xmin": "5", "xmax": "-5"}, "最小値 < 最大値"),
])
def test_bad_query_params_warn_and_fall_back(query, message):
    at = open_page("compare", query=query)
    assert not at.exception
    assert any(message in w.value for w in at.warning)
    fig = figure(at)
    assert len(curve_names(fig)) >= 1
    assert tuple(fig.layout.xaxis.range) == (-6.0, 6.0)


def test_the_view_goes_into_the_url():
    at = open_page("compare")
    at.multiselect(key="compare.fns").set_value(["relu", "leaky_relu"]).run()
    at.slider(key="compare.xrange").set_value((-2.0, 3.0)).run()
    assert at.query_params["fns"] == "relu,leaky_relu"
    assert (at.query_params["xmin"], at.query_params["xmax"]) == ("-2", "3")


def test_language_switch_keeps_the_view():
    at = open_page("compare", query={"fns": "elu,selu", "which": "grad"})
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception and not at.warning
    assert curve_names(figure(at)) == ["ELU (Exponential Linear Unit)", "SELU (Scaled ELU)"]
    assert figure(at).layout.yaxis.title.text == "h'(x)"
