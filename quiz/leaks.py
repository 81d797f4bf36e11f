"""Checks that a question does not give its answer away before it is answered, and that a
numeric tolerance agrees with the precision the text asks for.

What a learner sees before answering is the text and the options (shuffled); the
explanation and the link come only with the feedback. So the checks read the text and
the options:

- a numeric key written in the text (「例: −0.632」, or any number within the tolerance);
- a choice key written in an example of the text (「例: …」, "e.g. …");
- a single-choice key that stands out by its length (twice the next longest option), by
  being the only option with a formula (``$``), or by being written to two or more decimal
  places more than any other option (the one option that looks computed);
- 「小数第N位まで」/「有効数字N桁」: the tolerance must reject the neighbours at that
  precision (at most half a unit of the last digit) and accept the key rounded to it;
- a text that asks for a precision also says that the answer is rounded (四捨五入): the
  tolerance accepts only the rounded value, so a truncated answer would be marked wrong.
"""

from __future__ import annotations

import math
import re

from .answers import parse_number
from .schema import Issue, MultipleQuestion, NumericQuestion, Question, SingleQuestion

# A number as written in a text: 0.25, −0.632, 1/4, 2.5e-3 (not a digit inside a word).
_NUMBER = re.compile(r"(?<![\w.^_{])[-−]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?:\s*/\s*\d+)?(?![\w.])")
# An example in a text: from 例 / e.g. to the end of the bracket or sentence.
_EXAMPLE = re.compile(r"(?:例[えばはとして]*|e\.g\.|for example)[:：,、]?\s*([^）)。\n]*)")
_DECIMALS = re.compile(r"小数第\s*([0-9０-９]+)\s*位まで|to\s+(\d+)\s+decimal\s+places?")
_ROUNDED = re.compile(r"四捨五入|\bround(?:ed|ing)?\b", re.IGNORECASE)
_SIGNIFICANT = re.compile(r"有効数字\s*([0-9０-９]+)\s*桁|to\s+(\d+)\s+significant\s+(?:figures|digits)")
# What a learner sees of an option: a LaTeX command shows as about one glyph.
_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+")
_INVISIBLE = re.compile(r"\\[,;!: ]|[{}$\s]")
LENGTH_RATIO = 2.0
_DECIMAL_PLACES = re.compile(r"\d\.(\d+)")
_SLACK = 1 + 1e-9  # the same relative slack as answers.is_correct


def visible_length(option: str) -> int:
    return len(_LATEX_COMMAND.sub("x", _INVISIBLE.sub("", option)))


def numbers_in(text: str) -> list[tuple[str, float]]:
    found = []
    for match in _NUMBER.finditer(text):
        value = parse_number(match.group())
        if value is not None:
            found.append((match.group(), value))
    return found


def half_unit(written: str) -> float:
    """Half a unit of the last digit written: '0.665' -> 0.0005, what rounds to it."""
    mantissa = written.strip().replace("−", "-").lower().split("e")[0].split("/")[0]
    return 0.5 * 10.0 ** -(len(mantissa.split(".")[1]) if "." in mantissa else 0)


def examples_in(text: str) -> list[str]:
    return [m.group(1) for m in _EXAMPLE.finditer(text)]


def _digits(match: re.Match) -> int:
    return int(next(g for g in match.groups() if g is not None).translate(
        str.maketrans("０１２３４５６７８９", "0123456789")))


def stated_decimals(question: NumericQuestion) -> int | None:
    """The decimal place the text asks for (小数第3位まで → 3; 有効数字3桁 of 0.000977 → 6)."""
    match = _DECIMALS.search(question.text)
    if match:
        return _digits(match)
    match = _SIGNIFICANT.search(question.text)
    if match and question.answer != 0:
        return _digits(match) - 1 - math.floor(math.log10(abs(question.answer)))
    return None


def _precision_issues(question: NumericQuestion) -> list[Issue]:
    places = stated_decimals(question)
    if places is None:
        return []
    unit = 10.0 ** -places
    issues: list[Issue] = []
    if not _ROUNDED.search(question.text):
        issues.append(("text", "the text does not say that the answer is rounded (四捨五入): "
                       "a truncated answer would be marked wrong without warning",
                       "四捨五入することが本文にありません（切り捨てた答えが予告なく不正解になります）"))
    if question.tolerance > unit / 2 * _SLACK:
        issues.append(("tolerance",
                       f"tolerance {question.tolerance:g} accepts answers off by one in the "
                       f"digit the text asks for (at most {unit / 2:g})",
                       f"許容誤差 {question.tolerance:g} では本文の求める桁で 1 違う答えも正解に"
                       f"なります（{unit / 2:g} 以下にしてください）"))
    rounded = round(question.answer, places)
    if abs(rounded - question.answer) > question.tolerance * _SLACK:
        issues.append(("tolerance",
                       f"the key rounded as the text asks ({rounded:g}) is not accepted",
                       f"本文の求める桁に丸めた正解 {rounded:g} が正解になりません"))
    return issues


def _numeric_leaks(question: NumericQuestion) -> list[Issue]:
    shown = [s for s, v in numbers_in(question.text)
             if abs(v - question.answer) <= question.tolerance * _SLACK]
    if not shown:
        return []
    return [("text", f"the text shows the key ({shown[0]})",
             f"本文に正解 {shown[0]} が書かれています")]


def _choice_leaks(question: SingleQuestion | MultipleQuestion) -> list[Issue]:
    keys = [question.answer] if isinstance(question, SingleQuestion) else question.answer
    issues: list[Issue] = []
    for example in examples_in(question.text):
        for key in keys:
            if key.strip() and key.strip() in example:
                issues.append(("text", f"an example in the text is the key {key!r}",
                               f"本文の例が正解 {key!r} になっています"))
    if isinstance(question, SingleQuestion):
        issues += _stand_out_issues(question)
    return issues


def _places(option: str) -> int:
    return max((len(m.group(1)) for m in _DECIMAL_PLACES.finditer(option)), default=0)


def _stand_out_issues(question: SingleQuestion) -> list[Issue]:
    """A key that a learner can pick without knowing the answer: it looks unlike the rest."""
    key, others = question.answer, [o for o in question.options if o != question.answer]
    issues: list[Issue] = []
    lengths = sorted(visible_length(o) for o in others)
    if lengths and visible_length(key) >= LENGTH_RATIO * max(lengths[-1], 1):
        issues.append(("options", "the key is by far the longest option",
                       "正解だけが目立って長い選択肢です"))
    if "$" in key and not any("$" in o for o in others):
        issues.append(("options", "the key is the only option with a formula or parameter ($…$)",
                       "正解だけが数式やパラメータ（$…$）を含む選択肢です"))
    if others and _places(key) >= max(map(_places, others)) + 2:
        issues.append(("options", "the key is the only option written to many decimal places",
                       "正解だけが細かい小数まで書かれた選択肢です"))
    return issues


def leak_issues(question: Question) -> list[Issue]:
    """Every way ``question`` tells its answer before it is answered, and every tolerance
    that disagrees with the precision its text asks for."""
    if isinstance(question, NumericQuestion):
        return _numeric_leaks(question) + _precision_issues(question)
    if isinstance(question, SingleQuestion | MultipleQuestion):
        return _choice_leaks(question)
    return []
