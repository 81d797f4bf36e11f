"""The banks cover what issues 4 and 11 ask: enough questions per exam theme, every registry
function several times, every question type (multi-blank and code tracing in number), and ids
unique across files."""

import re
from collections import Counter

import yaml

import activations as act
from quiz.schema import QUESTION_TYPES
from quiz.topics import known_topic

from .test_bank_values import BANK_DIR

EXAM_THEMES = ("relu_sigmoid", "softmax", "vanishing_gradient", "usage")
UNIT_THEMES = ("loss", "backprop", "optimizers", "regularization")  # issues 17 and 18
ALL_THEMES = (*EXAM_THEMES, "formulas", "implementation", *UNIT_THEMES)


def all_questions() -> list[dict]:
    """Every question of every file, duplicates kept (load_bank would merge them by id)."""
    out = []
    for path in sorted(BANK_DIR.glob("*.yaml")):
        out.extend(yaml.safe_load(path.read_text(encoding="utf-8"))["questions"])
    return out


QUESTIONS = all_questions()


def test_at_least_220_questions():
    assert len(QUESTIONS) >= 220


def test_each_exam_theme_has_at_least_30():
    counts = Counter(q["theme"] for q in QUESTIONS)
    short = {t: counts[t] for t in EXAM_THEMES if counts[t] < 30}
    assert not short, f"exam themes with fewer than 30 questions: {short}"


def test_each_unit_theme_has_40_in_the_exam_formats():
    """Issues 17 and 18: >= 40 questions per new theme, of which >= 8 graph, >= 5 multi-blank
    and >= 5 code tracing."""
    short = {}
    for theme in UNIT_THEMES:
        qs = [q for q in QUESTIONS if q["theme"] == theme]
        counts = (len(qs), sum(q["type"] == "graph" for q in qs),
                  sum(q["type"] == "blanks" for q in qs), sum("code" in q for q in qs))
        if not (counts[0] >= 40 and counts[1] >= 8 and counts[2] >= 5 and counts[3] >= 5):
            short[theme] = counts
    assert not short, f"(questions, graph, blanks, code) short of (40, 8, 5, 5): {short}"


def test_multi_blank_and_code_tracing_questions():
    assert sum(q["type"] == "blanks" for q in QUESTIONS) >= 15
    assert sum("code" in q for q in QUESTIONS) >= 12


def test_themes_are_known():
    assert {q["theme"] for q in QUESTIONS} <= set(ALL_THEMES)


def test_ids_unique_across_files():
    dupes = [i for i, n in Counter(q["id"] for q in QUESTIONS).items() if n > 1]
    assert not dupes


def test_every_registry_function_has_at_least_3_questions():
    counts = Counter(name for q in QUESTIONS for name in set(q["functions"]))
    thin = {name: counts[name] for name in act.REGISTRY if counts[name] < 3}
    assert not thin, f"functions with fewer than 3 questions: {thin}"
    unknown = {name for name in counts if not known_topic(name)}
    assert not unknown


def test_all_types_present_and_four_choice_is_the_majority():
    counts = Counter(q["type"] for q in QUESTIONS)
    assert {"single", "multiple", "numeric", "truefalse", "blanks", "graph"} <= set(counts)
    assert set(counts) <= set(QUESTION_TYPES)
    four_choice = counts["single"] + counts["blanks"] + counts["graph"]
    assert four_choice > len(QUESTIONS) / 2  # the exam's four-choice format


def test_all_three_difficulties_present():
    assert {q["difficulty"] for q in QUESTIONS} == {1, 2, 3}


def test_keyed_position_and_length_give_nothing_away():
    """In single choice, the key must not sit in one position or be the longest option."""
    singles = [q for q in QUESTIONS if q["type"] == "single"]
    positions = Counter(q["options"].index(q["answer"]) for q in singles)
    assert max(positions.values()) < 0.4 * len(singles), positions
    # strictly longest: options of equal length (values, formulas) give nothing away
    longest = sum(
        all(len(q["answer"]) > len(o) for o in q["options"] if o != q["answer"]) for q in singles
    )
    assert longest < 0.3 * len(singles), (
        f"the key is the longest option in {longest}/{len(singles)}"
    )


def test_exam_corrections_are_taught():
    """The corrections in CONTENT_NOTES.md each have a question that teaches them."""
    ids = {q["id"] for q in QUESTIONS}
    assert {
        "sm-derivative-form",  # softmax's derivative is a Jacobian
        "sm-jacobian-row-sum",  # the row sum is always 0, not "the derivative"
        "us-identity-weakness",  # identity: unsuited where a transformation IS needed
        "us-lstm-gates",  # gates are sigmoid, tanh for candidate and cell output
        "vg-remedy-inappropriate",  # dropout is not a remedy for vanishing gradients
        "fm-gelu-formula",  # GELU's formula, missing from the notes
    } <= ids


def test_explanations_name_options_by_content():
    """Options are shuffled and questions drawn alone: no "2 つ目" or "上の問題"."""
    positional = re.compile(
        r"[1-4１-４一二三四] ?つ目|最初の選択肢|最後の選択肢|(?<!以)上の[^。]{0,12}(問題|コード|レイヤ|実装)|前問"
    )
    offenders = [
        q["id"]
        for q in QUESTIONS
        if positional.search(q["text"]) or positional.search(q["explanation"])
    ]
    assert not offenders


def test_true_false_keys_are_balanced():
    """A learner who always answers 「正しい」 must not pass: at least 40 % of the true/false
    keys each way."""
    keys = Counter(q["answer"] for q in QUESTIONS if q["type"] == "truefalse")
    assert min(keys[True], keys[False]) >= 0.4 * sum(keys.values()), keys
