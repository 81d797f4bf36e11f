"""The validator's leak and precision checks (quiz/leaks.py) on fixtures: each rule reports
its question with its message, the fair look-alikes report nothing, and the real banks pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.answers import is_correct
from quiz.leaks import stated_decimals, visible_length
from quiz.loader import DEFAULT_BANK_DIR, load_paths

LEAKS = Path(__file__).parent / "fixtures" / "quiz" / "leaks"
CROSS = Path(__file__).parent / "fixtures" / "quiz" / "cross"


def test_each_leak_fixture_is_reported_with_its_field_and_message():
    bank = load_paths([LEAKS / "leaks.yaml"])
    found = {p.location: p.message for p in bank.problems}
    assert found == {
        "questions[0] (id=numeric-example-is-key) → text": "the text shows the key (−0.632)",
        "questions[1] (id=loose-tolerance) → tolerance":
            "tolerance 0.001 accepts answers off by one in the digit the text asks for "
            "(at most 0.0005)",
        "questions[2] (id=key-not-rounded) → tolerance":
            "the key rounded as the text asks (0.88) is not accepted",
        "questions[3] (id=significant-figures) → tolerance":
            "tolerance 5e-06 accepts answers off by one in the digit the text asks for "
            "(at most 5e-07)",
        "questions[4] (id=choice-example-is-key) → text": "an example in the text is the key 'ReLU'",
        "questions[5] (id=key-by-far-longest) → options": "the key is by far the longest option",
        "questions[6] (id=not-said-rounded) → text":
            "the text does not say that the answer is rounded (四捨五入): a truncated answer "
            "would be marked wrong without warning",
        "questions[7] (id=key-only-formula) → options":
            "the key is the only option with a formula or parameter ($…$)",
        "questions[8] (id=key-only-precise) → options":
            "the key is the only option written to many decimal places",
        "questions[9] (id=graph-value-only-key) → text":
            "the text gives 0.84, its maximum of the keyed figure and of no other option",
        "questions[10] (id=graph-minimum-only-key) → text":
            "the text gives -0.17, its minimum of the keyed figure and of no other option",
    }
    assert bank.questions == ()  # a question that tells its answer is not asked


def test_fair_look_alikes_are_not_reported():
    bank = load_paths([LEAKS / "fair.yaml"])
    assert bank.problems == () and len(bank.questions) == 8


def test_the_japanese_message_names_the_bound():
    [problem] = [p for p in load_paths([LEAKS / "leaks.yaml"]).problems
                 if "loose-tolerance" in p.location]
    assert "0.0005 以下にしてください" in problem.message_ja


def test_a_fair_precision_accepts_exactly_the_answers_at_that_precision():
    """小数第3位まで with the key 0.841: 0.84 and 0.842 are wrong, 0.841 and 0.8413 right."""
    [q] = [q for q in load_paths([LEAKS / "fair.yaml"]).questions if q.id == "fair-precision"]
    assert stated_decimals(q) == 3
    assert [is_correct(q, v) for v in (0.84, 0.842, 0.841, 0.8413)] == [False, False, True, True]


def test_significant_figures_count_from_the_first_digit():
    [q] = [q for q in load_paths([LEAKS / "fair.yaml"]).questions if q.id == "fair-significant"]
    assert stated_decimals(q) == 6  # 0.000977: three significant figures end at 10⁻⁶
    assert is_correct(q, 0.000977) and is_correct(q, 1 / 1024) and not is_correct(q, 0.000976)


@pytest.mark.parametrize(("option", "length"), [
    ("abc", 3), (r"$\sigma(x)$", 4), (r"$\sigma(x)\,(1 - \sigma(x))$", 12), ("a b", 2)])
def test_visible_length_counts_a_latex_command_as_one_glyph(option, length):
    assert visible_length(option) == length


def test_the_real_banks_pass_the_leak_checks():
    assert load_paths([DEFAULT_BANK_DIR]).problems == ()


def test_a_key_shown_by_another_question_is_reported_where_it_shows():
    bank = load_paths([CROSS / "leak.yaml"])
    found = {p.location: p.message for p in bank.problems}
    assert found == {
        "questions[1] (id=cx-shows-value) → text":
            "shows the key of cx-value (0.6652): reword it, or put both questions in one group",
        "questions[3] (id=cx-shows-mask) → code":
            "shows the key of cx-mask (`(x <= 0)`): reword it, or put both questions in one "
            "group",
    }
    # both questions of a pair stay askable: they leak only when drawn together
    assert len(bank.questions) == 5


def test_the_same_number_in_a_question_about_another_function_is_no_leak():
    bank = load_paths([CROSS / "leak.yaml"])
    assert not any("cx-same-number" in p.location for p in bank.problems)


def test_a_grouped_pair_is_accepted():
    bank = load_paths([CROSS / "grouped.yaml"])
    assert bank.problems == () and len(bank.questions) == 5


def test_the_cross_check_reads_the_learners_language_too():
    [problem, _] = load_paths([CROSS / "leak.yaml"]).problems
    assert "cx-value の正解（0.6652）が見えています" in problem.message_ja


def test_a_negated_key_is_found_as_a_negation_not_inside_a_subtraction():
    """−y² (a key) is shown by 「−y² を掛ける」 or 「(−y^2)」, not by the saddle x² − y²."""
    from quiz.cross_leaks import _written_in, normal_form

    key = normal_form("$-y^2$")
    assert _written_in(key, normal_form(r"局所的な微分 $-y^2$ を掛ける"))
    assert _written_in(key, normal_form(r"上流の勾配 $\times (-y^2)$"))
    assert _written_in(key, normal_form(r"$= -y^2$"))
    assert not _written_in(key, normal_form(r"鞍点 $f(x, y) = x^2 - y^2$"))
    assert not _written_in(key, normal_form(r"$x_1 - y^2 + (a) - y^2$"))
    assert _written_in(normal_form("$y^2$"), normal_form(r"$x^2 - y^2$"))  # no sign: as before
