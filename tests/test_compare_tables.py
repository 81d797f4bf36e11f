"""The three summary tables: every registry function in them, and the notes' corrections."""

import pytest

import activations as act
from viewstate import compare_tables as ct


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_formula_and_study_tables_have_one_row_per_registry_function(lang):
    names = [act.REGISTRY[n].name_en if lang == "en" else act.REGISTRY[n].name_ja
             for n in act.REGISTRY]
    for rows in (ct.formula_rows(lang), ct.study_rows(lang)):
        assert len(rows) == len(act.REGISTRY)
        for row, name in zip(rows, names, strict=True):
            assert row.name.startswith(name)


def test_functions_outside_the_notes_are_marked_as_extra():
    rows = {r.name: r for r in ct.formula_rows("ja")}
    assert "ソフトプラス関数（参考）" in rows
    assert "シグモイド関数" in rows  # in the notes: no mark


def test_formula_cells_are_the_registry_latex_in_inline_math():
    for row, spec in zip(ct.formula_rows("ja"), act.REGISTRY.values(), strict=True):
        for cell, latex in ((row.h, spec.latex), (row.dh, spec.latex_grad),
                            (row.range, spec.range_latex)):
            assert cell.startswith("$") and cell.endswith("$") and cell.count("$") == 2
            assert latex in cell


def test_softmax_derivative_is_the_jacobian_not_the_notes_diagonal():
    """CONTENT_NOTES correction 1: the notes' table gives h(x)(1 − h(x)) for softmax."""
    row = next(r for r in ct.formula_rows("ja") if r.name == "ソフトマックス関数")
    assert r"\delta_{ij}" in row.dh
    assert r"\partial x_j" in row.dh
    assert row.dh.replace(" ", "") != "$h'(x)=h(x)(1-h(x))$"


def test_study_cells_hold_every_pro_and_con_of_the_registry():
    for row, spec in zip(ct.study_rows("en"), act.REGISTRY.values(), strict=True):
        for item in spec.study.pros_en:
            assert item in row.pros
        for item in spec.study.cons_en:
            assert item in row.cons
        assert row.pros.count("\n") == len(spec.study.pros_en) - 1


def test_identity_con_is_the_corrected_one():
    """CONTENT_NOTES correction 3: unsuited where a transformation IS needed."""
    row = next(r for r in ct.study_rows("ja") if r.name == "恒等関数")
    assert "必要な場合に不向き" in row.cons
    assert "不要な場合" not in row.cons


def test_selection_guide_names_only_registry_functions():
    for entry in ct.SELECTION_GUIDE:
        assert entry.fns and all(n in act.REGISTRY for n in entry.fns)


def _recommended(use_fragment: str) -> str:
    return next(r.fns for r in ct.guide_rows("ja") if use_fragment in r.use)


def test_selection_guide_follows_the_exam_facts():
    """Output layers: binary → sigmoid, multi-class → softmax, regression → identity."""
    assert _recommended("二値分類") == "シグモイド関数"
    assert _recommended("多クラス分類") == "ソフトマックス関数"
    assert _recommended("回帰") == "恒等関数"
    assert _recommended("隠れ層（一般").startswith("ReLU関数")
    assert _recommended("Transformer") == "GELU"


def test_lstm_gates_are_sigmoid_and_tanh_is_for_the_candidate():
    """CONTENT_NOTES correction 5: the notes' 「Sigmoid/Tanh」 for gates is imprecise."""
    assert _recommended("ゲート") == "シグモイド関数"
    assert "tanh" in _recommended("候補セル状態")


def test_guide_rows_follow_the_language():
    ja, en = ct.guide_rows("ja"), ct.guide_rows("en")
    assert len(ja) == len(en) == len(ct.SELECTION_GUIDE)
    assert en[0].fns == "Sigmoid" and ja[0].fns == "シグモイド関数"
    assert not any(r.use.isascii() for r in ja)


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="lang"):
        ct.formula_rows("fr")


@pytest.mark.parametrize(("text", "escaped"), [
    ("costs $5 and $6", r"costs \$5 and \$6"),
    ("x_i * y_j", r"x\_i \* y\_j"),
    ("0.25^L, |x|, σ(x)", "0.25^L, |x|, σ(x)"),
])
def test_study_text_is_escaped_for_markdown(text, escaped):
    assert ct.escape_markdown(text) == escaped
