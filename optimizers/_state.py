"""The optimizers' state, created lazily on the first ``update`` and keyed like the parameters."""

import numpy as np


def zeros_like_each(params: dict) -> dict:
    """One zero array per parameter, same key, shape and dtype (the textbook's ``np.zeros_like``)."""
    return {key: np.zeros_like(val) for key, val in params.items()}
