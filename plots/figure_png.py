"""A question's Plotly figure as a PNG, for an Anki card.

Plotly's own static export (kaleido) drives a Chrome binary, which a learner's machine or
Community Cloud may not have; matplotlib (Agg) draws anywhere Python runs. It draws the
traces of the very Plotly figure the page shows (plots/quiz_figures.py), so no maths is
done twice: lines, markers (○ open, ● filled), bars with their labels, panels side by side,
the axes' ranges, log scale and ticks, the option letter and the panel titles.

Japanese labels need a CJK font; where none is installed they are drawn in English
(「クラス1」 as "class 1"), never as empty boxes."""

from __future__ import annotations

import io
import re
from functools import lru_cache

import matplotlib
import numpy as np
import plotly.graph_objects as go
from matplotlib import font_manager
from matplotlib.figure import Figure

from plots.quiz_figures import CUT_NOTE
from plots.quiz_figures_unit import ENGLISH as UNIT_ENGLISH

CJK_FONTS = ("Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "IPAGothic", "Hiragino Sans",
             "Yu Gothic", "Meiryo", "TakaoGothic", "VL Gothic")
DPI = 150
_TAG = re.compile(r"<[^>]+>")
# The labels plots/quiz_figures.py writes, in English for a machine without a CJK font.
_ENGLISH = ((re.compile(r"クラス(\d+)"), r"class \1"), (re.compile(r"(\d+)層目"), r"layer \1"),
            (re.compile("層の数"), "layers"), (re.compile(re.escape(CUT_NOTE)), "first bar cut"),
            *((re.compile(re.escape(ja)), en) for ja, en in UNIT_ENGLISH.items()))


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The first installed font that draws Japanese, if any."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def _text(text: str | None, font: str | None) -> str:
    plain = _TAG.sub("", text or "")
    if font:
        return plain
    for pattern, english in _ENGLISH:
        plain = pattern.sub(english, plain)
    return "".join(c for c in plain if c.isascii()).strip()


def _axis_names(trace) -> tuple[str, str]:
    """The layout keys of a trace's axes: 'x2' -> 'xaxis2'."""
    return (f"xaxis{(trace.xaxis or 'x')[1:]}", f"yaxis{(trace.yaxis or 'y')[1:]}")


def _contour(ax, trace) -> None:
    """Contour lines at the trace's own levels (start, end, size), in its one colour."""
    c = trace.contours
    levels = np.arange(c.start, c.end + c.size / 2, c.size)
    ax.contour(np.asarray(trace.x), np.asarray(trace.y), np.asarray(trace.z, dtype=float),
               levels=levels, colors=[trace.colorscale[0][1]], linewidths=0.7, zorder=0)


_DASH = {"dash": "--", "dot": ":", "dashdot": "-."}


def _draw_trace(ax, trace, font: str | None) -> None:
    if trace.type == "contour":
        _contour(ax, trace)
        return
    x = np.asarray(trace.x) if trace.x is not None else None
    y = np.asarray(trace.y, dtype=float)
    color = trace.marker.color if trace.marker and trace.marker.color else "#2563EB"
    if trace.type == "bar":
        labels = [_text(str(v), font) for v in x] if x.dtype.kind in "OUS" else x
        width = np.asarray(trace.width) if trace.width is not None else 0.8
        bars = ax.bar(labels, y, width=width, color=color)
        if trace.text is not None:
            ax.bar_label(bars, labels=list(trace.text), fontsize=9)
        return
    mode = trace.mode or "lines"
    line_color = trace.line.color if trace.line and trace.line.color else color
    if "lines" in mode:
        ax.plot(x, y, color=line_color, linewidth=2.2, marker="o" if "markers" in mode else None,
                markersize=3, linestyle=_DASH.get(trace.line.dash, "-"))
    elif "markers" in mode:
        symbols = trace.marker.symbol
        symbols = list(symbols) if isinstance(symbols, list | tuple) else [symbols] * len(x)
        for xi, yi, symbol in zip(x, y, symbols, strict=True):
            open_ = isinstance(symbol, str) and symbol.endswith("-open")
            cross = symbol == "x"  # a minimum's ✕
            ax.plot([xi], [yi], "X" if cross else "o", markersize=8 if cross else 7,
                    markeredgecolor=color, markerfacecolor="white" if open_ else color,
                    markeredgewidth=1.5, zorder=3)


def _scale(set_scale, set_lim, axis) -> None:
    """An axis's scale and range (a Plotly log range is in decades)."""
    if axis.type == "log":
        set_scale("log")
        if axis.range:
            set_lim(10 ** axis.range[0], 10 ** axis.range[1])
    elif axis.range:
        set_lim(*axis.range)


def _style_axes(ax, xaxis, yaxis, font: str | None) -> None:
    _scale(ax.set_xscale, ax.set_xlim, xaxis)
    _scale(ax.set_yscale, ax.set_ylim, yaxis)
    if xaxis.tickvals is not None:
        ax.set_xticks(list(xaxis.tickvals),
                      [_text(str(v), font) for v in (xaxis.ticktext or xaxis.tickvals)])
        # the ends' labels inside their panel, clear of the next panel's
        labels = ax.get_xticklabels()
        labels[0].set_horizontalalignment("left")
        labels[-1].set_horizontalalignment("right")
    if yaxis.showticklabels is False:
        ax.tick_params(axis="y", labelleft=False)
    if xaxis.title and xaxis.title.text:
        ax.set_xlabel(_text(xaxis.title.text, font))
    if yaxis.title and yaxis.title.text:
        ax.set_ylabel(_text(yaxis.title.text, font))
    if xaxis.zeroline or yaxis.zeroline:
        ax.axhline(0, color="#888", linewidth=0.8, zorder=0)
        ax.axvline(0, color="#888", linewidth=0.8, zorder=0)
    if xaxis.showgrid is not False:  # a contour plot has no grid: its lines are the guide
        ax.grid(True, color="#ddd", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _annotations(fig: go.Figure, panels: dict, mpl: Figure, font: str | None) -> None:
    """Panel titles over their panel; a note placed on a single panel (「発散」) where the
    page shows it; any other note under the figure, at its right."""
    for note in fig.layout.annotations:
        text = _text(note.text, font)
        if not text:
            continue
        panel = next((ax for name, ax in panels.items()
                      if note.y == 1.0 and (fig.layout[name].domain or (0, 1))[0] <= note.x
                      <= (fig.layout[name].domain or (0, 1))[1]), None)
        colour = note.font.color if note.font and note.font.color else "black"
        if panel is not None:
            panel.set_title(text, fontsize=9)
        elif len(panels) == 1 and note.xref == "paper" and note.yref == "paper":
            ax = next(iter(panels.values()))
            ax.text(note.x, note.y, text, transform=ax.transAxes, fontsize=9, color=colour,
                    ha=note.xanchor if note.xanchor in ("left", "right") else "center",
                    va=note.yanchor if note.yanchor in ("top", "bottom") else "center")
        elif len(panels) == 1 and note.xref == "x" and note.yref == "y":
            ax = next(iter(panels.values()))
            ax.text(note.x, note.y, text, fontsize=9, color=colour,
                    ha=note.xanchor if note.xanchor in ("left", "right") else "center",
                    va=note.yanchor if note.yanchor in ("top", "bottom") else "center")
        else:
            mpl.text(0.99, 0.98, text, ha="right", va="top", fontsize=8)


def _draw(fig: go.Figure, font: str | None) -> bytes:
    names = list(dict.fromkeys(_axis_names(tr) for tr in fig.data))
    width, height = max(4.8, 1.5 * len(names)), 2.8
    mpl = Figure(figsize=(width, height), dpi=DPI)
    # margins in inches, set once: a layout engine would draw the figure twice
    xlabel = any(fig.layout[x].title.text for x, _ in names if fig.layout[x].title)
    ylabel = any(fig.layout[y].title.text for _, y in names if fig.layout[y].title)
    top = 0.45 + 0.25 * bool(fig.layout.annotations)
    mpl.subplots_adjust(left=(0.62 + 0.2 * ylabel) / width, right=1 - 0.15 / width, top=1 - top / height,
                        bottom=(0.42 + 0.25 * xlabel) / height, wspace=0.12)
    axes = mpl.subplots(1, len(names), sharey=len(names) > 1, squeeze=False)[0]
    panels = {}
    for ax, (xname, yname) in zip(axes, names, strict=True):
        panels[xname] = ax
        for trace in fig.data:
            if _axis_names(trace) == (xname, yname):
                _draw_trace(ax, trace, font)
        _style_axes(ax, fig.layout[xname], fig.layout[yname], font)
    _annotations(fig, panels, mpl, font)
    title = _text(fig.layout.title.text, font) if fig.layout.title else ""
    if title:
        mpl.suptitle(title, x=0.02, y=0.98, ha="left", va="top", fontweight="bold",
                     fontsize=14)
    out = io.BytesIO()
    mpl.savefig(out, format="png", metadata={"Software": None})
    return out.getvalue()


def figure_png(fig: go.Figure) -> bytes:
    """The Plotly figure drawn by matplotlib, as PNG bytes."""
    font = cjk_font()
    # a text takes its font when it is made: the whole drawing is inside the context
    with matplotlib.rc_context({"font.family": [font, "DejaVu Sans"]} if font else {}):
        return _draw(fig, font)
