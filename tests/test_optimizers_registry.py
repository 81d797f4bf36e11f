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


_TEX = {"η": r"\eta", "μ": r"\mu", "ρ": r"\rho", "β₁": r"\beta_1", "β₂": r"\beta_2",
        "λ": r"\lambda"}


@pytest.mark.parametrize("name", list(opt.OPTIMIZERS))
def test_each_setting_has_one_symbol_from_control_to_update_rule(name):
    """The slider's symbol is the formula's (no α in a rule whose control says μ or η)."""
    spec = opt.OPTIMIZERS[name]
    tex = " ".join(spec.latex)
    for p in spec.params:
        if p.kind == "float":
            assert _TEX[p.symbol] in tex, (p.name, p.symbol)
    assert r"\alpha" not in tex


def test_adams_lambda_is_l2_in_the_gradient_and_adamws_is_decoupled():
    adam, adamw = opt.OPTIMIZERS["adam"], opt.OPTIMIZERS["adamw"]
    # the formulas: λW in Adam's gradient line, not in AdamW's; AdamW's λ in the W line
    assert r"\lambda W" in adam.latex[0] and r"\lambda" not in adamw.latex[0]
    assert r"\lambda" not in adam.latex[-1] and r"\lambda W" in adamw.latex[-1]
    l2, decay = adam.params[-1], adamw.params[-1]
    assert l2.name == decay.name == "weight_decay" and l2.symbol == decay.symbol == "λ"
    assert "L2" in l2.meaning_ja and "AdamW" in l2.meaning_ja and "L2" not in decay.meaning_ja
    # what the step functions do, as the formulas and labels say
    g, theta = np.array([1.0, -2.0]), np.array([0.5, 0.3])
    hyper = {"lr": 0.1, "beta1": 0.9, "beta2": 0.999}
    with_l2, _ = adam.step(g, {}, 1, theta, **hyper, weight_decay=0.2)
    plain_on_l2, _ = adam.step(g + 0.2 * theta, {}, 1, theta, **hyper, weight_decay=0.0)
    np.testing.assert_allclose(with_l2, plain_on_l2, rtol=1e-15)
    decoupled, _ = adamw.step(g, {}, 1, theta, **hyper, weight_decay=0.2)
    plain, _ = adam.step(g, {}, 1, theta, **hyper, weight_decay=0.0)
    np.testing.assert_allclose(decoupled, plain - 0.1 * 0.2 * theta, rtol=1e-15)
