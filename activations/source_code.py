"""The code a page shows, read from the module that runs it, once per process.

``inspect.getsource`` of a class parses its whole module with ``ast`` (CPython 3.9-3.12), and
CPython 3.11 does not allow ``ast`` on two threads at once: with 100 learners on /loss, one
rerun in ~500 failed with "SystemError: AST constructor recursion depth mismatch"
(python/cpython#106905; bench/bench_sessions.py --pages loss --n 100). Each object's code is
read once, one thread at a time, and kept: it cannot change while the server runs.
"""

from __future__ import annotations

import inspect
import threading

_LOCK = threading.Lock()
_READ: dict[object, str] = {}


def source(obj) -> str:
    """``inspect.getsource(obj)``, read once."""
    with _LOCK:
        if obj not in _READ:
            _READ[obj] = inspect.getsource(obj)
        return _READ[obj]
