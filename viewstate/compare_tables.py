"""The study notes' three summary tables, built from the registry (no Streamlit here).

数式と微分 and 利点と問題点 are read from each ``Spec`` (its LaTeX and its study content), so
the tables cannot drift from the functions. 選択指針 has no home in the registry: its rows
live here, name registry functions by key, and the names shown come from the registry.
Corrections from CONTENT_NOTES.md: softmax's derivative is its Jacobian (the registry's
``latex_grad`` already is), and the gates of LSTM/GRU are sigmoids while tanh squashes the
candidate and the cell output (two rows, not the notes' 「Sigmoid/Tanh」).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import activations as act

LANGS = ("ja", "en")
_BULLET = {"ja": "・", "en": "• "}
# Marks a function outside the exam's usual range (the page caption says so).
_ADVANCED = {"ja": "（参考）", "en": " (extra)"}


@dataclass(frozen=True)
class GuideEntry:
    """One row of 選択指針: a use, the registry functions for it (best first), and why."""

    use_ja: str
    use_en: str
    fns: tuple[str, ...]
    reason_ja: str
    reason_en: str


SELECTION_GUIDE: tuple[GuideEntry, ...] = (
    GuideEntry("二値分類の出力層", "Output layer, binary classification", ("sigmoid",),
               "出力が 0〜1 で、クラス 1 の確率として解釈できる",
               "The output lies in (0, 1) and reads as the probability of class 1"),
    GuideEntry("多クラス分類の出力層", "Output layer, multi-class classification", ("softmax",),
               "出力が 0〜1 で合計 1 の確率分布になる（交差エントロピー誤差と組み合わせる）",
               "The outputs form a probability distribution summing to 1 (paired with cross-entropy)"),
    GuideEntry("回帰の出力層", "Output layer, regression", ("identity",),
               "出力値をそのまま実数として使える（範囲を制限しない）",
               "The output is used as a real number as it is (no range limit)"),
    GuideEntry("隠れ層（一般的な深層ネット・CNN）", "Hidden layers (deep nets in general, CNNs)",
               ("relu", "leaky_relu", "elu"),
               "計算が速く、正の領域で微分が 1 なので勾配消失問題を軽減する。Dying ReLU が気になるなら Leaky ReLU・ELU",
               "Cheap, and the derivative is 1 for x > 0, which mitigates vanishing gradients; "
               "Leaky ReLU or ELU where dying ReLU is a concern"),
    GuideEntry("LSTM・GRU のゲート（入力・忘却・出力、更新・リセット）",
               "LSTM/GRU gates (input, forget, output; update, reset)", ("sigmoid",),
               "ゲートは「どれだけ通すか」の 0〜1 の割合だから（「Sigmoid/Tanh」というよくある説明は不正確）",
               "A gate is a 0–1 proportion of what passes (the common answer 'Sigmoid/Tanh' is "
               "imprecise)"),
    GuideEntry("LSTM の候補セル状態・セル出力、RNN の隠れ状態",
               "LSTM candidate cell state and cell output, RNN hidden state", ("tanh",),
               "値を 0 中心の −1〜1 に押し込む",
               "Squashes values into the zero-centred range (−1, 1)"),
    GuideEntry("Transformer（BERT・GPT など）の隠れ層", "Transformer hidden layers (BERT, GPT, ...)",
               ("gelu",),
               "滑らかで負の入力にも小さな勾配があり、Transformer 系モデルの標準",
               "Smooth, with a small gradient for negative inputs; the Transformer standard"),
    GuideEntry("Attention の重み", "Attention weights", ("softmax",),
               "スコアを合計 1 の重みに変える",
               "Turns scores into weights that sum to 1"),
    GuideEntry("パーセプトロン（歴史的）", "Perceptron (historical)", ("step",),
               "0 / 1 のしきい値判定。微分がほぼ至るところ 0 なので誤差逆伝播法では学習できない",
               "A 0/1 threshold; its derivative is 0 almost everywhere, so backpropagation cannot train it"),
)


@dataclass(frozen=True)
class FormulaRow:
    name: str
    h: str  # Markdown with inline LaTeX: $...$
    dh: str
    range: str


@dataclass(frozen=True)
class StudyRow:
    name: str
    pros: str
    cons: str


@dataclass(frozen=True)
class GuideRow:
    use: str
    names: tuple[str, ...]  # the recommended functions' names, best first
    reason: str

    @property
    def fns(self) -> str:
        return " / ".join(self.names)


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    return lang


def display_name(name: str, lang: str) -> str:
    """The registry's name of a function in ``lang``."""
    spec = act.REGISTRY[name]
    return spec.name_en if _check_lang(lang) == "en" else spec.name_ja


def _inline(latex: str) -> str:
    # Display style: inline math would shrink the fractions to unreadable size in a cell.
    return f"$\\displaystyle {latex}$"


def _row_name(spec: act.Spec, lang: str) -> str:
    return display_name(spec.name, lang) + ("" if spec.in_notes else _ADVANCED[lang])


_MARKDOWN = re.compile(r"([\\`*_$~\[\]<>#])")


def escape_markdown(text: str) -> str:
    """Plain text for a Markdown cell: st.table would read $...$ as LaTeX and *...* as italics."""
    return _MARKDOWN.sub(r"\\\1", text)


def _bullets(items: tuple[str, ...], lang: str) -> str:
    """One Markdown cell, one line per item (a hard break is two spaces and a newline)."""
    return "  \n".join(f"{_BULLET[lang]}{escape_markdown(item)}" for item in items)


def formula_rows(lang: str = "ja") -> list[FormulaRow]:
    """数式と微分: h, h' (the Jacobian for vector functions) and the range, for every function."""
    _check_lang(lang)
    return [
        FormulaRow(_row_name(s, lang), _inline(s.latex), _inline(s.latex_grad),
                   _inline(s.range_latex))
        for s in act.REGISTRY.values()
    ]


def study_rows(lang: str = "ja") -> list[StudyRow]:
    """利点と問題点 for every function, from the registry's study content."""
    _check_lang(lang)
    rows = []
    for s in act.REGISTRY.values():
        study = s.study.for_lang(lang)
        rows.append(StudyRow(_row_name(s, lang), _bullets(study["pros"], lang),
                             _bullets(study["cons"], lang)))
    return rows


def guide_rows(lang: str = "ja") -> list[GuideRow]:
    """選択指針: use, recommended functions (registry names) and the reason."""
    _check_lang(lang)
    en = lang == "en"
    return [
        GuideRow(g.use_en if en else g.use_ja,
                 tuple(display_name(n, lang) for n in g.fns),
                 g.reason_en if en else g.reason_ja)
        for g in SELECTION_GUIDE
    ]
