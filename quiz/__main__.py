"""``python -m quiz validate [PATHS]``: print every bank problem as ``file: location: message``.
Exits 1 if there is any problem, 0 otherwise. The default path is quiz_data/.

``python -m quiz groups [PATHS]``: each group and its questions (a run draws one of each),
for writers choosing a group for a new question.
"""

from __future__ import annotations

import argparse
import sys

from .loader import load_paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quiz")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check question banks")
    validate.add_argument("paths", nargs="*", default=["quiz_data"],
                          help="bank files or directories (default: quiz_data)")
    validate.add_argument("--lang", choices=("en", "ja"), default="en",
                          help="language of the messages (default: en)")
    groups = commands.add_parser("groups", help="list the groups of questions (one per run)")
    groups.add_argument("paths", nargs="*", default=["quiz_data"],
                        help="bank files or directories (default: quiz_data)")
    args = parser.parse_args(argv)

    bank = load_paths(args.paths)
    if args.command == "groups":
        members: dict[str, list[str]] = {}
        for question in bank.questions:
            if question.group is not None:
                members.setdefault(question.group, []).append(question.id)
        for group in sorted(members):
            print(f"{group}: {', '.join(members[group])}")
        return 0
    for problem in bank.problems:
        print(problem.text(args.lang))
    count = len(bank.problems)
    summary = f"{len(bank.questions)} valid question(s), {count} problem(s)"
    print(summary, file=sys.stderr)
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main())
