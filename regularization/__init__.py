"""Regularisation in the exam's form (pure NumPy): dropout and weight decay (L2, L1)."""

from .dropout import Dropout, InvertedDropout
from .weight_decay import l1_grad, l1_penalty, l2_grad, l2_penalty

__all__ = ["Dropout", "InvertedDropout", "l1_grad", "l1_penalty", "l2_grad", "l2_penalty"]
