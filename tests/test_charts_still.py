"""No chart on any page zooms or pans when dragged: a swipe over a chart on a phone scrolls the
page (Plotly's default drag draws a zoom box, then asks in English for a double-click)."""

from __future__ import annotations

import json

import pytest

from tests.apptest import open_page

PAGES = ("home", "explorer", "compare", "softmax", "gradients", "loss", "optimizers",
         "regularization")


def _axes(layout: dict) -> dict:
    axes = {k: v for k, v in layout.items() if k.startswith(("xaxis", "yaxis"))}
    return {"xaxis": {}, "yaxis": {}, **axes}  # the default axes exist even when unnamed


@pytest.mark.parametrize("page", PAGES)
def test_every_chart_stands_still_under_a_finger(page):
    at = open_page(page)
    assert not at.exception, at.exception
    charts = at.get("plotly_chart")
    assert charts, f"/{page} draws no chart"
    for chart in charts:
        layout = json.loads(chart.proto.spec)["layout"]
        assert layout.get("dragmode") is False, (page, layout.get("dragmode"))
        for name, axis in _axes(layout).items():
            assert axis.get("fixedrange") is True, (page, name)
