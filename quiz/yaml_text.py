"""Parsing bank files: ``yaml.safe_load`` only, so a tag such as ``!!python/object/apply``
cannot build an object or run anything; it becomes a problem report instead.

``safe_load`` silently keeps the last of two equal keys, which would hide a typo such as a
second ``answer:``; the composed node tree (never constructed) is walked to report them.
"""

from __future__ import annotations

from typing import Any

import yaml

from .problems import Problem

_STD_TAG = "tag:yaml.org,2002:"


def _where(mark: yaml.Mark | None) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}" if mark else "top level"


def _tag_problem(file: str, err: yaml.constructor.ConstructorError) -> Problem:
    tag = str(err.problem or "")
    start, end = tag.find("'"), tag.rfind("'")
    tag = tag[start + 1:end] if 0 <= start < end else tag
    tag = "!!" + tag.removeprefix(_STD_TAG) if tag.startswith(_STD_TAG) else tag
    return Problem(
        file, _where(err.problem_mark),
        f"YAML tag {tag} is not allowed: banks hold plain data only",
        f"YAML タグ {tag} は使えません（問題集には素のデータだけを書きます）",
    )


def _duplicate_keys(file: str, node: yaml.Node | None) -> list[Problem]:
    found: list[tuple[int, int, Problem]] = []
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        found.append((key.start_mark.line, key.start_mark.column, Problem(
                            file, _where(key.start_mark),
                            f"key {key.value!r} appears twice in one mapping",
                            f"キー {key.value!r} が同じ場所に2回あります",
                        )))
                    seen.add(key.value)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return [p for *_, p in sorted(found, key=lambda f: f[:2])]


def parse(file: str, text: str) -> tuple[Any, list[Problem]]:
    """The data in ``text`` (None on failure) and the problems found while parsing."""
    try:
        data = yaml.safe_load(text)
    except yaml.constructor.ConstructorError as err:
        return None, [_tag_problem(file, err)]
    except yaml.MarkedYAMLError as err:
        problem = err.problem or "unreadable"
        if err.context:  # e.g. "while scanning a quoted scalar", where that scalar began
            problem = f"{err.context} ({_where(err.context_mark)}): {problem}"
        mark = err.problem_mark or err.context_mark
        return None, [Problem(file, _where(mark), f"YAML syntax error: {problem}",
                              f"YAML の書式エラー: {problem}")]
    except yaml.YAMLError as err:
        return None, [Problem(file, "top level", f"YAML error: {err}", f"YAML エラー: {err}")]
    # Composing builds no objects; libyaml's composer, where present, makes this second
    # pass cheap next to safe_load's pure-Python one.
    composer = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return data, _duplicate_keys(file, yaml.compose(text, Loader=composer))
