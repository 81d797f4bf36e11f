"""Input handling shared by every function: dtype rule and ndarray output."""

from __future__ import annotations

import numpy as np


def as_float_array(x) -> np.ndarray:
    """float32 stays float32; everything else (ints, lists, float16, ...) becomes float64."""
    arr = np.asarray(x)
    if arr.dtype == np.float32:
        return arr
    return arr.astype(np.float64, copy=False)


def like(out, x: np.ndarray) -> np.ndarray:
    """Ufuncs on 0-d input return NumPy scalars; the contract is an ndarray of x's shape."""
    return np.asarray(out, dtype=x.dtype).reshape(x.shape)


def keep_nan(out: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Comparisons turn NaN into False; put NaN back where the input had it."""
    return np.where(np.isnan(x), x, out)
