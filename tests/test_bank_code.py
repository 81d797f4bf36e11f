"""Code-tracing questions: every ``code`` snippet in quiz_data/ is run, and what it prints
is the key. The key is never typed by hand: this test is what checks it.

All snippets run in one fresh interpreter (not this test process, whose NumPy print options
other tests may have changed), each in its own namespace with the print options reset to
NumPy's defaults.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.test_bank_values import BANK

CODE = {qid: q for qid, q in BANK.items() if "code" in q}

_RUNNER = r"""
import contextlib, io, json, sys
import numpy as np
defaults = np.get_printoptions()
out = {}
for qid, code in json.load(sys.stdin).items():
    np.set_printoptions(**defaults)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(code, qid, "exec"), {"__name__": "__snippet__"})
    out[qid] = buf.getvalue()
print(json.dumps(out))
"""


def run_snippets(snippets: dict[str, str]) -> dict[str, str]:
    done = subprocess.run([sys.executable, "-c", _RUNNER], input=json.dumps(snippets),
                          capture_output=True, text=True, check=True, timeout=120)
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def printed() -> dict[str, str]:
    return run_snippets({qid: q["code"] for qid, q in CODE.items()})


def test_the_runner_sees_what_a_learner_would_see():
    got = run_snippets({"a": "import numpy as np\nprint(np.array([1/3, 2.0]))",
                        "b": "import numpy as np\nnp.set_printoptions(precision=2)\nprint(1)",
                        "c": "import numpy as np\nprint(np.array([1/3]))"})
    assert got == {"a": "[0.33333333 2.        ]\n", "b": "1\n", "c": "[0.33333333]\n"}


@pytest.mark.parametrize("qid", sorted(CODE))
def test_the_printed_output_is_the_key_and_no_other_option(qid, printed):
    q = CODE[qid]
    assert q["type"] == "single"
    output = printed[qid].strip()
    assert output == q["answer"], f"{qid}: the snippet prints {output!r}"
    others = [o for o in q["options"] if o != q["answer"] and o.strip() == output]
    assert not others, f"{qid}: another option equals the output: {others}"
