"""Regularisation in the exam's form (pure NumPy): dropout, weight decay (L2, L1), early stopping."""

from .dropout import Dropout, InvertedDropout
from .early_stopping import EarlyStop, early_stopping
from .weight_decay import l1_grad, l1_penalty, l2_grad, l2_penalty

__all__ = [
    "Dropout",
    "EarlyStop",
    "InvertedDropout",
    "early_stopping",
    "l1_grad",
    "l1_penalty",
    "l2_grad",
    "l2_penalty",
]
