"""The tiny classifier: backprop against finite differences, XOR needs a nonlinearity,
resumable training, and the toy data sets."""

import numpy as np
import pytest

from gradflow import toydata, train


def _loss(params, X, y, name):
    return train.bce(train.logits(params, X, name), y)


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "gelu", "softplus", "elu", "identity"])
def test_backprop_matches_finite_differences(name):
    rng = np.random.default_rng(4)
    X = rng.standard_normal((7, 2))
    y = (rng.random(7) > 0.5).astype(float)
    state = train.init_state(train.TrainConfig(activation=name, hidden=(3, 4), seed=2))
    params = [p + 0.1 * rng.standard_normal(p.shape) for p in state.params]  # non-zero biases
    loss, grads = train.loss_and_grads(params, X, y, name)
    assert loss == pytest.approx(_loss(params, X, y, name), rel=1e-14)
    h = 1e-6
    for p, g in zip(params, grads, strict=True):
        fd = np.zeros_like(p)
        for idx in np.ndindex(p.shape):
            original = p[idx]
            p[idx] = original + h
            up = _loss(params, X, y, name)
            p[idx] = original - h
            down = _loss(params, X, y, name)
            p[idx] = original
            fd[idx] = (up - down) / (2 * h)
        np.testing.assert_allclose(g, fd, rtol=1e-6, atol=1e-10)


def test_bce_is_the_textbook_formula_and_does_not_overflow():
    s = np.array([-3.0, 0.0, 2.0])
    y = np.array([0.0, 1.0, 1.0])
    p = 1 / (1 + np.exp(-s))
    want = np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p)))
    assert train.bce(s, y) == pytest.approx(want, rel=1e-14)
    assert train.bce(np.array([1000.0, -1000.0]), np.array([1.0, 0.0])) == 0.0


XOR = toydata.make("xor", 400, seed=0)


def test_identity_cannot_fit_xor():
    cfg = train.TrainConfig(activation="identity", optimizer="adam", lr=0.03, seed=0)
    state = train.train(*XOR, cfg, 600)
    assert train.accuracy(state, *XOR, "identity") <= 0.75


@pytest.mark.parametrize("name", ["tanh", "relu"])
def test_a_nonlinearity_fits_xor(name):
    cfg = train.TrainConfig(activation=name, optimizer="adam", lr=0.03, seed=0)
    state = train.train(*XOR, cfg, 600)
    assert train.accuracy(state, *XOR, name) >= 0.95


def test_stacked_identity_layers_collapse_into_one_affine_map():
    """Whatever the weights, an identity net's logit is exactly affine in the input."""
    state = train.init_state(train.TrainConfig(activation="identity", hidden=(8, 8), seed=9))
    rng = np.random.default_rng(0)
    X = rng.uniform(-2, 2, size=(50, 2))
    s = train.logits(state.params, X, "identity")
    design = np.column_stack([X, np.ones(len(X))])
    coef, *_ = np.linalg.lstsq(design, s, rcond=None)
    np.testing.assert_allclose(design @ coef, s, atol=1e-12)
    tanh = train.logits(state.params, X, "tanh")
    coef, *_ = np.linalg.lstsq(design, tanh, rcond=None)
    assert np.max(np.abs(design @ coef - tanh)) > 1e-3  # tanh is not affine


def test_gradient_descent_learns_too():
    X, y = toydata.make("moons", 200, seed=1)
    cfg = train.TrainConfig(activation="tanh", optimizer="gd", lr=0.5, seed=1)
    state = train.train(X, y, cfg, 300)
    assert state.losses[-1] < 0.5 * state.losses[0]


def test_training_in_chunks_equals_training_at_once():
    cfg = train.TrainConfig(activation="relu", optimizer="adam", lr=0.01, seed=3)
    whole = train.train(*XOR, cfg, 50)
    first = train.train(*XOR, cfg, 20)
    rest = train.advance(first, *XOR, cfg, 30)
    assert first.step == 20 and len(first.losses) == 20  # advance left its input alone
    for a, b in zip(whole.params, rest.params, strict=True):
        np.testing.assert_array_equal(a, b)
    assert whole.losses == rest.losses


def test_progress_callback_reports_every_chunk_and_the_end():
    seen = []
    cfg = train.TrainConfig(activation="tanh", seed=0)
    train.train(*XOR, cfg, 120, callback=lambda step, loss: seen.append((step, loss)), every=50)
    assert [s for s, _ in seen] == [50, 100, 120]
    assert all(np.isfinite(loss) for _, loss in seen)


def test_divergence_is_reported_not_warned():
    cfg = train.TrainConfig(activation="identity", hidden=(8, 8), optimizer="gd", lr=1e6)
    state = train.train(*XOR, cfg, 20)
    assert not train.finite(state)


def test_decision_grid_covers_the_data():
    cfg = train.TrainConfig(activation="tanh", seed=0)
    state = train.train(*XOR, cfg, 10)
    grid = train.decision_grid(state, XOR[0], "tanh", resolution=40)
    assert grid.proba.shape == (40, 40)
    assert grid.xs[0] < XOR[0][:, 0].min() and grid.xs[-1] > XOR[0][:, 0].max()
    assert np.all((grid.proba >= 0) & (grid.proba <= 1))


@pytest.mark.parametrize("name", toydata.DATASETS)
def test_toy_data_is_balanced_seeded_and_two_dimensional(name):
    X, y = toydata.make(name, 301, seed=5)
    assert X.shape == (301, 2) and y.shape == (301,)
    assert set(np.unique(y)) == {0.0, 1.0} and abs(y.sum() - 150) == 0
    X2, y2 = toydata.make(name, 301, seed=5)
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(y, y2)
    assert not np.array_equal(X, toydata.make(name, 301, seed=6)[0])
    assert np.all(np.abs(X) < 3)


def test_xor_labels_follow_the_signs():
    X, y = toydata.xor(400, noise=0.1, seed=0)
    np.testing.assert_array_equal(y, (np.sign(X[:, 0]) != np.sign(X[:, 1])).astype(float))


def test_circles_inner_ring_is_class_one():
    X, y = toydata.circles(400, noise=0.0, seed=0)
    r = np.hypot(X[:, 0], X[:, 1])
    np.testing.assert_allclose(r[y == 1], 0.45)
    np.testing.assert_allclose(r[y == 0], 1.0)


def test_unknown_names_are_refused():
    with pytest.raises(ValueError):
        toydata.make("swiss-roll")
    with pytest.raises(ValueError):
        train.TrainConfig(activation="softmax")
    with pytest.raises(ValueError):
        train.TrainConfig(optimizer="sgd")
