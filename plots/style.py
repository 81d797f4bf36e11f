"""What every figure shares: the font, and one colour per activation on every page."""

from __future__ import annotations

import activations as act

FONT = "Noto Sans CJK JP, Noto Sans JP, Hiragino Sans, Yu Gothic, Meiryo, sans-serif"
# Mid-tone colours that read on the light and the dark theme, one per elementwise activation.
_PALETTE = ("#3B82F6", "#F97316", "#16A34A", "#E11D48", "#9333EA", "#0891B2",
            "#CA8A04", "#DB2777", "#65A30D", "#64748B", "#7C3AED", "#EA580C",
            "#0D9488", "#B45309", "#4F46E5", "#BE185D")


def colour(name: str) -> str:
    """The colour of an activation, fixed by its place in the registry."""
    names = act.ELEMENTWISE
    i = names.index(name) if name in names else len(names)
    return _PALETTE[i % len(_PALETTE)]


# A swipe over a chart on a phone scrolls the page. Plotly's default drag draws a zoom box
# instead (and then asks, in English, for a double-click to zoom back out); on every page
# the ranges are the controls' to set, so no chart zooms or pans by dragging.
def still_layout(layout: dict) -> dict:
    """``layout`` (a dict) with dragging off: no drag mode, every axis fixed."""
    out = {"xaxis": {}, "yaxis": {}, **layout, "dragmode": False}
    for key, axis in out.items():
        if key.startswith(("xaxis", "yaxis")):
            out[key] = {**axis, "fixedrange": True}
    return out


def still(fig):
    """The figure with dragging off (as :func:`still_layout`), for figures built by calls."""
    fig.update_layout(dragmode=False)
    fig.update_xaxes(fixedrange=True)
    fig.update_yaxes(fixedrange=True)
    return fig
