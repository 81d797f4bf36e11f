"""Optimizers: exam-style classes (``update(params, grads)`` on dicts of arrays, as in
ゼロから作るDeep Learning chapter 6), pure step functions, test surfaces and whole
trajectories for the labs.

Pure NumPy: no Streamlit, no Plotly.
"""

from . import steps
from .adagrad import AdaGrad, RMSProp, RMSprop
from .adam import Adam, AdamTextbook, AdamW
from .nesterov import Nesterov, NesterovTextbook
from .registry import OPTIMIZERS, OptimizerSpec
from .sgd import SGD, Momentum
from .surfaces import SURFACES, Surface, with_noise
from .trajectory import ESCAPE, Trajectory, trajectory

__all__ = [name for name in dir() if not name.startswith("_")]
