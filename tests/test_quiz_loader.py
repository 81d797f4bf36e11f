"""The bank loader on broken fixtures: each problem with its exact message, all at once,
and the good questions still loaded."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from quiz.loader import DEFAULT_BANK_DIR, load_paths

FIXTURES = Path(__file__).parent / "fixtures" / "quiz"
BROKEN = FIXTURES / "broken"
TAG_MARKER = Path("/tmp/actlab_quiz_tag_ran")  # what python_tag.yaml would touch if it ran


def problems_of(name: str) -> list[str]:
    return [str(p) for p in load_paths([BROKEN / name]).problems]


@pytest.mark.parametrize(("name", "expected"), [
    ("bad_yaml.yaml", "line 5, column 1: YAML syntax error: while scanning a quoted scalar "
                      "(line 3, column 11): found unexpected end of stream"),
    ("unknown_key.yaml", "questions[0] (id=unknown-key) → hint: unknown key"),
    ("duplicate_id.yaml", f"questions[1] (id=same-id) → id: duplicate id 'same-id' "
                          f"(first in {(BROKEN / 'duplicate_id.yaml').as_posix()} questions[0])"),
    ("answer_out_of_options.yaml",
     "questions[0] (id=answer-out) → answer: answer '0.5' is not one of the options"),
    ("missing_explanation.yaml",
     "questions[0] (id=no-explanation) → explanation: required field is missing"),
    ("python_tag.yaml", "line 7, column 11: YAML tag !!python/object/apply:os.system is not "
                        "allowed: banks hold plain data only"),
])
def test_each_broken_fixture_gives_its_exact_message(name, expected):
    assert problems_of(name) == [f"{(BROKEN / name).as_posix()}: {expected}"]


def test_a_python_tag_runs_nothing(monkeypatch):
    TAG_MARKER.unlink(missing_ok=True)
    calls = []
    monkeypatch.setattr(os, "system", lambda *a: calls.append(a) or 0)
    bank = load_paths([BROKEN / "python_tag.yaml"])
    assert calls == [] and not TAG_MARKER.exists()
    assert bank.questions == ()


def test_every_problem_in_one_run_and_the_good_questions_still_load():
    bank = load_paths([FIXTURES / "good", BROKEN])
    assert len(bank.problems) == 6
    assert {p.file.rsplit("/", 1)[-1] for p in bank.problems} == {
        p.name for p in BROKEN.glob("*.yaml")}
    # 5 good questions plus the first same-id (the second is the duplicate, left out).
    assert len(bank.questions) == 6 and "same-id" in bank.by_id
    assert "fx-sigmoid-grad-max" in bank.by_id


def write(tmp_path: Path, text: str, name: str = "bank.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


Q = """  - id: {qid}
    theme: softmax
    functions: [{fn}]
    difficulty: 1
    type: truefalse
    text: 本文
    answer: true
    explanation: 説明
"""


def test_cross_file_checks_functions_and_links(tmp_path):
    path = write(tmp_path, "questions:\n" + Q.format(qid="a", fn="softmax")
                 + "    link: /nowhere?fn=sigmoid\n" + Q.format(qid="b", fn="swishy")
                 + "    link: /explorer?fn=nope\n" + Q.format(qid="c", fn="relu")
                 + "    link: https://example.com/explorer\n")
    got = [f"{p.location}: {p.message}" for p in load_paths([path]).problems]
    pages = ", ".join(sorted(["/", "/explorer", "/compare", "/softmax", "/gradients", "/loss",
                              "/backprop", "/optimizers", "/regularization", "/quiz"]))
    assert got == [
        f"questions[0] (id=a) → link: unknown page '/nowhere' (pages: {pages})",
        "questions[1] (id=b) → functions[0]: unknown topic 'swishy' (not an activation, "
        "optimizer or concept of quiz/topics.py)",
        "questions[1] (id=b) → link: unknown function 'nope' in fn=",
        "questions[2] (id=c) → link: link must be an app path such as /explorer?fn=sigmoid",
    ]


def test_duplicate_ids_across_two_files(tmp_path):
    write(tmp_path, "questions:\n" + Q.format(qid="x", fn="relu"), "a.yaml")
    write(tmp_path, "questions:\n" + Q.format(qid="x", fn="relu"), "b.yaml")
    bank = load_paths([tmp_path])
    assert [p.file.rsplit("/", 1)[-1] for p in bank.problems] == ["b.yaml"]
    assert len(bank.questions) == 1


def test_every_error_of_one_question_is_reported(tmp_path):
    path = write(tmp_path, """questions:
  - id: many
    theme: misc
    functions: [relu]
    difficulty: 9
    type: single
    text: ""
    options: [a, b, c]
    answer: a
    explanation: ok
""")
    fields = [p.location.split("→ ")[1] for p in load_paths([path]).problems]
    assert sorted(fields) == ["difficulty", "options", "text", "theme"]


@pytest.mark.parametrize(("text", "expected"), [
    ("", "top level: expected a mapping with a list under 'questions'"),
    ("- a\n- b\n", "top level: expected a mapping with a list under 'questions'"),
    ("questions: []\nextra: 1\n", "top level → extra: unknown key"),
    ("questions:\n  - 3\n", "questions[0]: must be a mapping of key: value"),
    ("questions:\n  - id: a\n    id: b\n", "line 3, column 5: key 'id' appears twice in one mapping"),
])
def test_top_level_shape(tmp_path, text, expected):
    path = write(tmp_path, text)
    assert expected in [f"{p.location}: {p.message}" for p in load_paths([path]).problems]


def test_missing_path_non_utf8_and_empty_directory(tmp_path):
    (tmp_path / "empty").mkdir()
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("questions: [é]".encode("latin-1"))
    bank = load_paths([tmp_path / "nope.yaml", tmp_path / "empty", latin])
    assert [p.message for p in bank.problems] == [
        "no such file or directory", "no question banks (*.yaml) here", "not UTF-8 text"]


def test_japanese_messages_exist_for_every_fixture_problem():
    for problem in load_paths([BROKEN]).problems:
        assert problem.message_ja and problem.message_ja != problem.message
        assert problem.text("ja").startswith(problem.file)


def test_loading_a_copy_with_one_file_removed_still_loads_the_rest(tmp_path):
    shutil.copytree(FIXTURES / "good", tmp_path / "banks")
    shutil.copy(BROKEN / "bad_yaml.yaml", tmp_path / "banks")
    bank = load_paths([tmp_path / "banks"])
    assert len(bank.questions) == 5 and len(bank.problems) == 1


def test_every_real_bank_validates_clean():
    bank = load_paths([DEFAULT_BANK_DIR])
    assert [str(p) for p in bank.problems] == []
    assert len(bank.questions) >= 120
