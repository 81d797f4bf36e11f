"""Overfitting and its cures (gradflow.overfit): each claim the page makes, computed."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from gradflow import overfit
from gradflow.overfit import OverfitConfig, train
from layers import TwoLayerNet
from losses import softmax_cross_entropy
from regularization import InvertedDropout, early_stopping

BASE = OverfitConfig()


@pytest.fixture(scope="module")
def base():
    return train(BASE)


def test_without_regularisation_the_net_overfits(base):
    assert base.train_loss[-1] < 0.2 * base.val_loss[-1]  # computed: 0.037 vs 0.389
    assert base.train_acc == 1.0
    assert base.val_loss.min() < base.val_loss[-1] - 0.1  # validation got worse again
    assert np.argmin(base.val_loss) < BASE.epochs // 2


def test_data_and_loss():
    X, y, Xv, yv = overfit.data(BASE)
    assert (X.shape, Xv.shape) == ((30, 2), (200, 2))
    assert set(y) == set(yv) == {0, 1}
    assert not np.isin(X, Xv).all(axis=1).any()  # two independent draws
    t = np.array([1, 0])
    for s in (np.array([[1.0, -2.0], [0.5, 3.0]]), np.array([[800.0, -800.0], [0.0, 0.0]])):
        assert overfit.loss(s, t) == pytest.approx(softmax_cross_entropy(s, t), rel=1e-12)


def test_the_first_update_is_the_textbook_two_layer_nets_sgd_step():
    cfg = replace(BASE, epochs=1)
    X, y, Xv, yv = overfit.data(cfg)
    net = overfit.Net(cfg.hidden, 0.0, cfg.seed)
    reference = TwoLayerNet(2, cfg.hidden, 2)
    for key in reference.params:
        reference.params[key][...] = net.params[key]
    grads = reference.gradient(X, y)
    p = {k: v - cfg.lr * grads[k] for k, v in reference.params.items()}
    run = train(cfg)
    assert run.train_loss[0] == pytest.approx(overfit.loss(overfit.scores(p, X), y), rel=1e-12)
    assert run.val_loss[0] == pytest.approx(overfit.loss(overfit.scores(p, Xv), yv), rel=1e-12)


@pytest.mark.parametrize("lam", [0.001, 0.003, 0.01, 0.03])
def test_l2_shrinks_the_weights_and_closes_the_gap(base, lam):
    run = train(OverfitConfig("l2", lam))
    assert run.weight_norm < 0.75 * base.weight_norm
    assert run.val_loss[-1] - run.train_loss[-1] < base.val_loss[-1] - base.train_loss[-1]


def test_a_stronger_l2_shrinks_more():
    norms = [train(OverfitConfig("l2", lam)).weight_norm for lam in (0.001, 0.003, 0.01, 0.03)]
    assert np.all(np.diff(norms) < 0)


@pytest.mark.parametrize("lam", [0.001, 0.003, 0.01])
def test_l1_makes_more_weights_near_zero_than_l2_of_the_same_strength(base, lam):
    l1, l2 = train(OverfitConfig("l1", lam)), train(OverfitConfig("l2", lam))
    assert l1.near_zero > 3 * l2.near_zero
    assert l1.near_zero > 0.3 and base.near_zero < 0.02
    assert lam * BASE.lr < overfit.NEAR_ZERO  # the L1 step's dither fits inside "≈ 0"


def test_the_objective_includes_the_penalty():
    lam = 0.01
    for method, term in (("l2", lambda w: 0.5 * lam * np.sum(w**2)),
                         ("l1", lambda w: lam * np.sum(np.abs(w)))):
        cfg = OverfitConfig(method, lam, epochs=1)
        net = overfit.Net(cfg.hidden, 0.0, cfg.seed)
        X, y, _, _ = overfit.data(cfg)
        data_loss = softmax_cross_entropy(net.predict(X), y)
        want = data_loss + term(net.params["W1"]) + term(net.params["W2"])
        assert train(cfg).objective[0] == pytest.approx(want, rel=1e-12)


def test_dropout_is_inverted_scaled_in_training_identity_at_inference():
    net = overfit.Net(BASE.hidden, 0.5, BASE.seed)
    assert isinstance(net.dropout, InvertedDropout)
    X, _, _, _ = overfit.data(BASE)
    h = np.maximum(X @ net.params["W1"] + net.params["b1"], 0.0)
    trained = net.predict(X, train_flg=True)
    mask = net.dropout.mask
    np.testing.assert_allclose(trained, (h * mask / 0.5) @ net.params["W2"] + net.params["b2"])
    np.testing.assert_allclose(net.predict(X), h @ net.params["W2"] + net.params["b2"])
    np.testing.assert_allclose(overfit.scores(net.params, X), net.predict(X))


def test_dropout_trains_with_noise_so_its_objective_differs_from_its_training_loss():
    run = train(OverfitConfig("dropout", 0.5))
    assert not np.allclose(run.objective[1:], run.train_loss[:-1])
    assert np.all(np.isfinite(run.val_loss))


@pytest.mark.parametrize("patience", [10, 20, 50, 100])
def test_early_stopping_keeps_the_validation_minimum_within_patience(base, patience):
    stop = base.stop(patience)
    assert stop == early_stopping(base.val_loss, patience)
    best = stop.best_epoch
    assert base.val_loss[best] == base.val_loss[: stop.stop_epoch + 1].min()
    assert stop.stopped and stop.stop_epoch == best + patience
    # training to the best epoch gives those weights: the same losses at that epoch
    short = train(BASE.until(best))
    assert short.val_loss[-1] == pytest.approx(base.val_loss[best], rel=1e-12)


def test_the_boundary_grid_is_the_nets_probability(base):
    axis = np.linspace(*overfit.PLANE, overfit.GRID)
    assert base.grid.shape == (overfit.GRID, overfit.GRID)
    assert np.all((base.grid >= 0) & (base.grid <= 1))
    # the training points sit on their class's side (the net fits them all)
    i = np.clip(np.searchsorted(axis, base.X[:, 0]), 0, overfit.GRID - 1)
    j = np.clip(np.searchsorted(axis, base.X[:, 1]), 0, overfit.GRID - 1)
    assert np.mean((base.grid[j, i] > 0.5) == (base.y == 1)) > 0.85


@pytest.mark.parametrize("bad", [dict(method="l3"), dict(strength=-1.0),
                                 dict(method="dropout", strength=1.0), dict(n_train=2),
                                 dict(strength=float("nan")), dict(lr=0.0)])
def test_bad_configs_are_refused(bad):
    with pytest.raises(ValueError):
        OverfitConfig(**bad)


def test_l1_weights_hop_around_zero_rather_than_land_on_it():
    run = train(OverfitConfig("l1", 0.003))
    assert np.count_nonzero(run.weights == 0.0) == 0  # never exactly 0 ...
    assert run.near_zero > 0.5  # ... yet most are within NEAR_ZERO of it


def test_verdict_compares_the_final_validation_losses(base):
    dropout = train(OverfitConfig("dropout", 0.5))
    # computed: 0.393 against 0.389 without regularisation, 1 % apart
    assert abs(dropout.val_loss[-1] / base.val_loss[-1] - 1) < 0.05
    assert overfit.verdict(dropout, base) == "same"
    l2 = train(OverfitConfig("l2", 0.003))
    assert l2.val_loss[-1] < 0.95 * base.val_loss[-1]  # 0.211 against 0.389
    assert overfit.verdict(l2, base) == "helps"
    assert overfit.verdict(base, l2) == "hurts"
    assert overfit.verdict(base, base) == "same"


def test_the_verdicts_on_the_page_state_the_threshold():
    from ui.strings import CATALOGUE
    for key in ("same", "hurts"):
        for text in CATALOGUE[f"reg.fit.verdict.{key}"]:
            assert f"{overfit.CLEAR:.0%}" in text
