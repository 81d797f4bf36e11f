r"""A deep MLP with random weights: how activations and gradients fare layer by layer.

Every layer is square (width → width): :math:`z_l = a_{l-1} W_l + b_l`, :math:`a_l = h(z_l)`,
with :math:`a_0` a batch of standard Gaussian inputs. Nothing is trained: the point is what
the initial network does to a signal on the way forward and to a gradient on the way back.

Backward, the output receives a fixed random gradient of unit norm,
:math:`\partial L/\partial a_L = r`, and the chain rule gives the backpropagated gradient

.. math:: \delta_l = \frac{\partial L}{\partial z_l}
          = \left(\delta_{l+1} W_{l+1}^{\top}\right) \odot h'(z_l)

whose norm per layer is what vanishes (sigmoid) or explodes (too large a weight scale).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

import activations as act

INITS = ("xavier", "he", "custom")
QUANTILES = (5.0, 25.0, 50.0, 75.0, 95.0)
_SAMPLE = 4096  # activations per layer the quantiles are estimated from
_BIG = 1e150  # beyond this a square overflows: treat the signal as exploded


@dataclass(frozen=True)
class MLPConfig:
    """The random network and its input batch; the same seed gives the same weights and inputs."""

    depth: int = 50
    width: int = 256
    batch: int = 256
    init: str = "he"  # "xavier", "he" or "custom"
    std: float = 0.1  # weight standard deviation when init == "custom"
    bias: float = 0.0  # every bias; a negative shift kills ReLU units
    seed: int = 0
    # The page runs float32 (BLAS twice as fast); the backward pass rescales every layer,
    # so gradient norms far below float32's range are still reported (see backward_norms).
    dtype: str = "float64"

    def __post_init__(self):
        if not 1 <= self.depth <= 1000:
            raise ValueError(f"depth must be in [1, 1000], got {self.depth}")
        if self.width < 1 or self.batch < 1:
            raise ValueError("width and batch must be positive")
        if self.init not in INITS:
            raise ValueError(f"init must be one of {INITS}, got {self.init!r}")
        if not (np.isfinite(self.std) and self.std > 0):
            raise ValueError(f"std must be a positive number, got {self.std}")
        if not np.isfinite(self.bias):
            raise ValueError(f"bias must be finite, got {self.bias}")
        if self.dtype not in ("float32", "float64"):
            raise ValueError(f"dtype must be float32 or float64, got {self.dtype!r}")


def init_std(init: str, fan_in: int, fan_out: int, custom: float = 0.1) -> float:
    """Weight standard deviation: Xavier (Glorot) √(2/(fan_in+fan_out)), He √(2/fan_in)."""
    if init == "xavier":
        return float(np.sqrt(2.0 / (fan_in + fan_out)))
    if init == "he":
        return float(np.sqrt(2.0 / fan_in))
    if init == "custom":
        return float(custom)
    raise ValueError(f"init must be one of {INITS}, got {init!r}")


@dataclass
class Network:
    weights: list[np.ndarray]
    biases: list[np.ndarray]
    inputs: np.ndarray
    upstream: np.ndarray  # ∂L/∂a_L: fixed random direction of unit norm


def make_network(cfg: MLPConfig) -> Network:
    """Seeded weights, inputs and output gradient. Only the scale depends on the init,
    so Xavier and He runs with one seed differ by a constant factor per layer."""
    rng = np.random.default_rng(cfg.seed)
    n = cfg.width
    std = init_std(cfg.init, n, n, cfg.std)
    inputs = rng.standard_normal((cfg.batch, n))
    upstream = rng.standard_normal((cfg.batch, n))
    upstream /= np.linalg.norm(upstream)
    weights = [(std * rng.standard_normal((n, n))).astype(cfg.dtype) for _ in range(cfg.depth)]
    biases = [np.full(n, float(cfg.bias), dtype=cfg.dtype) for _ in range(cfg.depth)]
    return Network(weights, biases, inputs.astype(cfg.dtype), upstream.astype(cfg.dtype))


def with_bias(net: Network, bias: float) -> Network:
    """The same weights and inputs with every bias set to ``bias`` (the weights are shared)."""
    return Network(net.weights, [np.full_like(b, float(bias)) for b in net.biases], net.inputs,
                   net.upstream)


def safe_norm(x: np.ndarray) -> float:
    """Frobenius norm without overflow or underflow in the squares (inf/nan stay so)."""
    flat = np.ravel(x)
    if not flat.size:
        return 0.0
    with np.errstate(over="ignore", under="ignore"):
        squares = float(np.dot(flat, flat))  # one BLAS pass, no temporary array
    if np.isfinite(squares) and squares > 1e-290:
        return float(np.sqrt(squares))
    m = float(max(-flat.min(), flat.max()))  # rescale only when the squares left the range
    if m == 0.0 or not np.isfinite(m):
        return m
    return m * float(np.linalg.norm(flat / m))


def _finite(x: np.ndarray) -> bool:
    """Every entry finite and below 1e150 in size, by one BLAS pass: the sum of squares
    stays below 1e300 exactly then (it is inf past the range, and NaN fails the test).
    Summed in float64: float32 squares would overflow long before the values do."""
    flat = np.ravel(x).astype(np.float64, copy=False)
    with np.errstate(over="ignore", invalid="ignore"):
        return bool(np.dot(flat, flat) < _BIG * _BIG)


@dataclass(frozen=True)
class LayerStats:
    """Per-layer statistics, index 0 = layer 1 (next to the input). NaN past an overflow."""

    quantiles: np.ndarray  # (depth, len(QUANTILES)) of the activations a_l
    mean: np.ndarray
    std: np.ndarray
    dead: np.ndarray  # fraction of units whose output is 0 for every input in the batch
    grad_norm: np.ndarray  # ‖δ_l‖ = ‖∂L/∂z_l‖ (NaN when the backward pass was skipped)
    forward_overflow: int | None  # first layer (1-based) whose activations left float range
    backward_overflow: int | None  # first layer (1-based, counted from the input) likewise


def forward(x: np.ndarray, weights, biases, name: str, params: dict | None = None,
            with_gradient: bool = True):
    """Activations a_1..a_L and derivatives h'(z_1)..h'(z_L); stops at the first overflow.

    Returns (activations, derivatives, overflow_layer or None); no derivatives when
    ``with_gradient`` is False.
    """
    spec = act.REGISTRY[name]
    p = {**spec.defaults(), **(params or {})}
    acts, derivs = [], []
    a = x
    # Exploding nets are a lesson here, not an error: overflow is detected, not warned about.
    with np.errstate(over="ignore", invalid="ignore"):
        for layer, (w, b) in enumerate(zip(weights, biases, strict=True), start=1):
            z = a @ w
            z += b
            # Every registry activation has |h(z)| ≤ 1.06|z| + 1.8, so a finite z is enough.
            if not _finite(z):
                return acts, derivs, layer
            a = spec.fn(z, **p)
            acts.append(a)
            if with_gradient:
                derivs.append(spec.grad(z, **p))
    return acts, derivs, None


def backward(upstream: np.ndarray, weights, derivs):
    """δ_L..δ_1 (returned input-first) for ∂L/∂a_L = upstream; stops at the first overflow.

    Returns (deltas, overflow_layer or None); deltas[i] is δ_{i+1}, None past an overflow.
    """
    depth = len(weights)
    deltas: list[np.ndarray | None] = [None] * depth
    g = upstream
    with np.errstate(over="ignore", invalid="ignore"):
        for i in range(depth - 1, -1, -1):
            d = g * derivs[i]
            if not _finite(d):
                return deltas, i + 1
            deltas[i] = d
            if i > 0:  # ∂L/∂x, past the first layer, is not needed
                g = d @ weights[i].T
    return deltas, None


def backward_norms(upstream: np.ndarray, weights, derivs):
    """‖δ_l‖ for every layer (input-first) without ever storing a tiny or huge δ.

    Each δ_l is divided by its norm before it is passed down and the norm is carried as a
    log, so float32 loses nothing to underflow (a sigmoid net reaches 1e-70 and below).
    Returns (norms, overflow_layer or None); an overflow is a norm past 1e150, as forward.
    """
    depth = len(weights)
    norms = np.full(depth, np.nan)
    g, log_scale = upstream, 0.0
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for i in range(depth - 1, -1, -1):
            d = g * derivs[i]
            n = safe_norm(d)
            if not np.isfinite(n) or log_scale + np.log(max(n, 1e-300)) > np.log(_BIG):
                return norms, i + 1
            norms[i] = np.exp(log_scale) * n if n > 0 else 0.0
            if n == 0:  # every later δ is 0 too (ReLU killed the signal)
                norms[:i] = 0.0
                break
            log_scale += float(np.log(n))
            if i > 0:
                g = (d / d.dtype.type(n)) @ weights[i].T
    return norms, None


def loss(net: Network, name: str, params: dict | None = None) -> float:
    """L = Σ r ⊙ a_L: the scalar whose gradient ``probe`` backpropagates."""
    acts, _, overflow = forward(net.inputs, net.weights, net.biases, name, params)
    if overflow is not None:
        return float("nan")
    return float(np.sum(net.upstream * acts[-1]))


def _layer_sample(cfg: MLPConfig) -> np.ndarray | None:
    """A fixed subset of activation positions for the quantiles (all of them if few)."""
    total = cfg.batch * cfg.width
    if total <= _SAMPLE:
        return None
    return np.random.default_rng(cfg.seed + 1).choice(total, _SAMPLE, replace=False)


def probe(cfg: MLPConfig, name: str, params: dict | None = None,
          with_gradient: bool = True, net: Network | None = None) -> LayerStats:
    """Run the random network once forward (and backward) and summarise every layer."""
    net = net or make_network(cfg)
    acts, derivs, f_over = forward(net.inputs, net.weights, net.biases, name, params,
                                   with_gradient)
    depth = cfg.depth
    q = np.full((depth, len(QUANTILES)), np.nan)
    mean, std, dead = (np.full(depth, np.nan) for _ in range(3))
    sample = _layer_sample(cfg)
    for i, a in enumerate(acts):
        flat = a.reshape(-1).astype(np.float64, copy=False)  # float32 squares overflow early
        q[i] = np.percentile(flat if sample is None else flat[sample], QUANTILES)
        # two passes (a sum and a BLAS dot) instead of a.std()'s four; |a| < 1e150 here
        mean[i] = flat.sum() / flat.size
        std[i] = np.sqrt(max(np.dot(flat, flat) / flat.size - mean[i] ** 2, 0.0))
        dead[i] = np.mean(np.all(a == 0.0, axis=0))
    grad_norm = np.full(depth, np.nan)
    b_over = None
    if with_gradient and f_over is None:
        grad_norm, b_over = backward_norms(net.upstream, net.weights, derivs)
    return LayerStats(q, mean, std, dead, grad_norm, f_over, b_over)


VANISH, EXPLODE = 1e-3, 1e3  # ratio thresholds of the verdict: a rule of thumb, not a law


def gradient_ratio(stats: LayerStats) -> float:
    """‖δ_1‖ / ‖δ_L‖: how much the gradient grew (> 1) or shrank (< 1) on its way back."""
    first, last = stats.grad_norm[0], stats.grad_norm[-1]
    if not (np.isfinite(first) and np.isfinite(last)) or last == 0:
        return float("nan")
    return float(first / last)


def verdict(stats: LayerStats) -> str:
    """"overflow", "vanish", "explode" or "steady", from the gradient ratio."""
    if stats.forward_overflow is not None or stats.backward_overflow is not None:
        return "overflow"
    ratio = gradient_ratio(stats)
    if not np.isfinite(ratio) or ratio < VANISH:
        return "vanish"
    return "explode" if ratio > EXPLODE else "steady"


def nan_mean(values: np.ndarray) -> float:
    """Mean of the layers that were computed (NaN marks layers past an overflow)."""
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    return float(v.mean()) if v.size else float("nan")
