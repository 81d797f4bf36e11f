"""The registry the pages build on: formulas to show, offered settings, recorded state."""

import numpy as np
import pytest

import optimizers as opt

pytestmark = pytest.mark.filterwarnings("error")


@pytest.mark.parametrize("name", list(opt.OPTIMIZERS))
def test_spec_is_complete(name):
    spec = opt.OPTIMIZERS[name]
    assert spec.name == name and spec.name_ja and spec.name_en
    assert spec.latex and all(r"\leftarrow" in line or "=" in line for line in spec.latex)
    assert spec.params[0].name == "lr"
    for p in spec.params:
        assert p.check(p.default) == p.default  # defaults lie in their ranges
    assert isinstance(spec.make(), spec.cls)
    # the step records exactly the state the spec announces
    _, state = spec.step(np.array([1.0, -2.0]), {}, 1, np.zeros(2), **spec.defaults())
    assert set(state) == set(spec.state_keys)


def test_the_two_nesterovs_show_their_own_update_lines():
    assert opt.OPTIMIZERS["nesterov"].latex[1] == (
        r"W \leftarrow W + \mu v - \eta \frac{\partial L}{\partial W}"
    )
    assert opt.OPTIMIZERS["nesterov_textbook"].latex[1] == (
        r"W \leftarrow W + \mu^2 v - (1 + \mu)\eta \frac{\partial L}{\partial W}"
    )


def test_lab_learning_rates_are_the_textbooks_comparison():
    # ch06 optimizer_compare_naive.py: SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3
    lrs = {n: opt.OPTIMIZERS[n].defaults()["lr"] for n in ("sgd", "momentum", "adagrad", "adam")}
    assert lrs == {"sgd": 0.95, "momentum": 0.1, "adagrad": 1.5, "adam": 0.3}


def test_make_checks_the_ranges():
    with pytest.raises(ValueError, match="beta2"):
        opt.OPTIMIZERS["adam"].make(beta2=1.0)
