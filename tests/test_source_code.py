"""The code pages show is read once per object: reading a class parses its module with ast,
which CPython 3.11 does not allow on two threads at once (activations/source_code.py)."""

from __future__ import annotations

import inspect
import threading

import activations.source_code as sc
from activations import REGISTRY, exam_style
from backprop.bugs import BUGGY_LAYERS, bug_source
from viewstate.loss_lab import exam_source


def test_each_object_is_read_once_whatever_the_threads(monkeypatch):
    reads = []
    read = inspect.getsource

    def counted(obj):
        reads.append(obj)
        return read(obj)

    monkeypatch.setattr(sc, "_READ", {})
    monkeypatch.setattr(sc.inspect, "getsource", counted)
    objects = [exam_style.SoftmaxWithLoss, exam_style.cross_entropy_error, exam_style.Relu]
    threads = [threading.Thread(target=lambda: [sc.source(o) for o in objects * 20])
               for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(map(id, reads)) == sorted(map(id, objects))


def test_the_pages_code_is_the_modules_own():
    assert exam_source().startswith(inspect.getsource(exam_style.cross_entropy_error))
    assert "class SoftmaxWithLoss" in exam_source()
    for bug in BUGGY_LAYERS:
        assert "def backward" in bug_source(bug)
    for spec in REGISTRY.values():
        for obj in spec.exam_code:
            assert inspect.getsource(obj).rstrip() in spec.exam_source()
