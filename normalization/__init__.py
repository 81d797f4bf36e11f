"""Normalisation layers in the exam's form (pure NumPy): batch normalisation."""

from .batchnorm import BatchNormalization

__all__ = ["BatchNormalization"]
