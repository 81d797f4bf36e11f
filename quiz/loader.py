"""Loading question banks: every file, every question, every problem at once.

A bad file or a bad question never stops the rest from loading: the question is left out
and each problem is reported with its file, question id and field. After the schema, the
checks it cannot express run across all files: ids unique, functions in the registry,
links to pages that exist, and no answer given away, neither by its own question
(quiz/leaks.py: the question is left out) nor by another one outside its group
(quiz/cross_leaks.py: reported, both questions kept, since they only leak when drawn together).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from pydantic import ValidationError

from activations import REGISTRY
from routes import PATHS

from . import messages
from .cross_leaks import cross_leaks
from .figure_leaks import figure_value_leaks
from .figures import FIGURE_KINDS
from .leaks import leak_issues
from .problems import Problem, field_path, question_location
from .schema import QUESTION_ADAPTER, QUESTION_TYPES, GraphQuestion, Question
from .topics import known_topic
from .yaml_text import parse

BANK_SUFFIXES = (".yaml", ".yml")
BANK_DIR_ENV = "ACTLAB_QUIZ_DIR"  # lets tests (and authors) point the page at other banks
DEFAULT_BANK_DIR = Path(__file__).resolve().parent.parent / "quiz_data"


def bank_dir() -> Path:
    return Path(os.environ.get(BANK_DIR_ENV) or DEFAULT_BANK_DIR)


@dataclass(frozen=True)
class Bank:
    questions: tuple[Question, ...] = ()
    problems: tuple[Problem, ...] = ()
    by_id: dict[str, Question] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, questions: list[Question], problems: list[Problem]) -> Bank:
        return cls(tuple(questions), tuple(problems), {q.id: q for q in questions})


def bank_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Problem]]:
    """The bank files named by ``paths`` (directories give their *.yaml), sorted."""
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in BANK_SUFFIXES)
            if not found:
                problems.append(Problem(path.as_posix(), "top level",
                                        "no question banks (*.yaml) here",
                                        "問題集（*.yaml）がありません"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(path.as_posix(), "top level", "no such file or directory",
                                    "ファイルもディレクトリもありません"))
    return files, problems


def _link_issues(link: str) -> list[tuple[str, str]]:
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not link.startswith("/"):
        return [("link must be an app path such as /explorer?fn=sigmoid",
                 "link はアプリ内のパス（例: /explorer?fn=sigmoid）にしてください")]
    issues = []
    if parts.path not in PATHS:
        pages = ", ".join(sorted(PATHS))
        issues.append((f"unknown page {parts.path!r} (pages: {pages})",
                       f"ページ {parts.path!r} はありません（ページ: {pages}）"))
    for fn in parse_qs(parts.query).get("fn", []):
        if fn not in REGISTRY:
            issues.append((f"unknown function {fn!r} in fn=",
                           f"fn= の関数 {fn!r} はレジストリにありません"))
    return issues


def _without_figure_kinds(loc: tuple) -> tuple:
    """pydantic puts a figure's kind in the path (``figure.layers.init``): drop it there."""
    out: list = []
    for i, part in enumerate(loc):
        before = loc[max(0, i - 2):i]
        at_figure = before[-1:] in (("figure",), ("answer",)) or (
            len(before) == 2 and before[0] == "options" and isinstance(before[1], int))
        if not (at_figure and part in FIGURE_KINDS):
            out.append(part)
    return tuple(out)


def _question_problems(file: str, index: int, raw: object) -> tuple[Question | None, list[Problem]]:
    if not isinstance(raw, dict):
        return None, [Problem(file, question_location(index, None),
                              "must be a mapping of key: value", "「キー: 値」の形式にしてください")]
    qid = raw.get("id")
    try:
        question = QUESTION_ADAPTER.validate_python(raw)
    except ValidationError as err:
        problems = []
        for error in err.errors():
            loc = error["loc"]
            if loc and loc[0] in QUESTION_TYPES:  # drop the union's tag from the path
                loc = loc[1:]
            loc = _without_figure_kinds(loc)
            tag = "type"
            if error["type"].startswith("union_tag"):
                # a question's type, or the kind of a figure inside it
                loc, tag = (loc + ("kind",), "kind") if loc else (("type",), "type")
            en, ja = messages.from_pydantic(error, tag)
            problems.append(Problem(file, question_location(index, qid, field_path(loc)), en, ja))
        return None, problems
    issues = list(question.rule_issues()) + leak_issues(question)
    if isinstance(question, GraphQuestion) and not issues:  # its figures are valid
        issues += figure_value_leaks(question)
    for i, fn in enumerate(question.functions):
        if not known_topic(fn):
            issues.append((f"functions[{i}]", f"unknown topic {fn!r} (not an activation, "
                           "optimizer or concept of quiz/topics.py)",
                           f"{fn!r} は活性化関数・最適化手法・quiz/topics.py の項目のどれでもありません"))
    if question.link is not None:
        issues += [("link", en, ja) for en, ja in _link_issues(question.link)]
    problems = [Problem(file, question_location(index, qid, f), en, ja) for f, en, ja in issues]
    return (None if problems else question), problems


def load_file(path: Path) -> tuple[list[tuple[int, Question]], list[Problem]]:
    """The valid questions of one file (with their index) and its problems."""
    file = path.as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return [], [Problem(file, "top level", "not UTF-8 text", "UTF-8 のテキストではありません")]
    except OSError as err:
        return [], [Problem(file, "top level", f"cannot read: {err.strerror}",
                            f"読み込めません: {err.strerror}")]
    data, problems = parse(file, text)
    if data is None and problems:
        return [], problems
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        problems.append(Problem(file, "top level", "expected a mapping with a list under 'questions'",
                                "最上位は questions: のリストにしてください"))
        return [], problems
    for key in data:
        if key != "questions":
            problems.append(Problem(file, f"top level → {key}", "unknown key", "未知のキーです"))
    valid = []
    for index, raw in enumerate(data["questions"]):
        question, found = _question_problems(file, index, raw)
        problems += found
        if question is not None:
            valid.append((index, question))
    return valid, problems


def load_paths(paths: Iterable[str | Path]) -> Bank:
    """Every valid question under ``paths``, and every problem, ids unique across files."""
    files, problems = bank_files(paths)
    questions: list[Question] = []
    first_seen: dict[str, str] = {}
    places: dict[str, tuple[str, int]] = {}
    for path in files:
        valid, found = load_file(path)
        problems += found
        for index, question in valid:
            where = f"{path.as_posix()} questions[{index}]"
            if question.id in first_seen:
                problems.append(Problem(
                    path.as_posix(), question_location(index, question.id, "id"),
                    f"duplicate id {question.id!r} (first in {first_seen[question.id]})",
                    f"id {question.id!r} が重複しています（最初は {first_seen[question.id]}）",
                ))
                continue
            first_seen[question.id] = where
            places[question.id] = (path.as_posix(), index)
            questions.append(question)
    for question, field_name, en, ja in cross_leaks(questions):
        file, index = places[question.id]
        problems.append(Problem(file, question_location(index, question.id, field_name), en, ja))
    return Bank.of(questions, problems)
