"""High-precision references for the loss tests, written from the definitions with mpmath.

They share no code with `losses`: each is the textbook definition at 50 significant digits,
so cancellation, overflow or a lost 0·log 0 in double precision cannot hide here.
"""

from __future__ import annotations

import mpmath as mp

DPS = 50


def _log_sigmoid(a):
    """log σ(a) = −log(1 + e^{−a}), exact for any size of a at this precision."""
    return -mp.log1p(mp.exp(-a))


def bce(p, t):
    with mp.workdps(DPS):
        p, t = mp.mpf(p), mp.mpf(t)
        first = 0 if t == 0 else t * mp.log(p)
        second = 0 if t == 1 else (1 - t) * mp.log1p(-p)
        return -(first + second)


def bce_grad(p, t):
    with mp.workdps(DPS):
        p, t = mp.mpf(p), mp.mpf(t)
        return (0 if t == 0 else -t / p) + (0 if t == 1 else (1 - t) / (1 - p))


def bce_logits(a, t):
    with mp.workdps(DPS):
        a, t = mp.mpf(a), mp.mpf(t)
        return -(t * _log_sigmoid(a) + (1 - t) * _log_sigmoid(-a))


def bce_logits_grad(a, t):
    with mp.workdps(DPS):
        a, t = mp.mpf(a), mp.mpf(t)
        return 1 / (1 + mp.exp(-a)) - t


def softmax_ce(logits, label):
    """−log softmax(a)[label] = logsumexp(a) − a[label], for one sample: (m − a[label]) +
    log1p(Σ over all but one top entry of e^{a−m}), so no digit is lost to 1 + tiny."""
    with mp.workdps(DPS):
        a = [mp.mpf(v) for v in logits]
        top = a.index(max(a))
        rest = mp.fsum(mp.exp(v - a[top]) for k, v in enumerate(a) if k != top)
        return (a[top] - a[label]) + mp.log1p(rest)


def softmax_ce_grad(logits, label):
    """y − t; at the label −Σ_{k≠label} y_k, summed directly (y − 1 would cancel)."""
    with mp.workdps(DPS):
        a = [mp.mpf(v) for v in logits]
        m = max(a)
        e = [mp.exp(v - m) for v in a]
        s = mp.fsum(e)
        others = mp.fsum(v for k, v in enumerate(e) if k != label)
        return [-others / s if k == label else e[k] / s for k in range(len(a))]


def huber(y, t, delta):
    with mp.workdps(DPS):
        r = abs(mp.mpf(y) - mp.mpf(t))
        d = mp.mpf(delta)
        return r**2 / 2 if r <= d else d * (r - d / 2)


def kl(p, q):
    with mp.workdps(DPS):
        return mp.fsum(0 if pk == 0 else mp.mpf(pk) * mp.log(mp.mpf(pk) / mp.mpf(qk))
                       for pk, qk in zip(p, q, strict=True))


def entropy(p):
    with mp.workdps(DPS):
        return -mp.fsum(0 if pk == 0 else mp.mpf(pk) * mp.log(mp.mpf(pk)) for pk in p)
