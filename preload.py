"""Imported by app.py, so Python runs it once per server process, not once per rerun.

It imports what the first page run needs anyway (NumPy, SciPy, Plotly, the activations)
and then moves every object alive at that point (modules, functions, the libraries' tables:
some 90,000 with Streamlit's) into the collector's permanent generation with
``gc.freeze()``. They live as long as the process; left in place, every full collection
would walk them all. With ``runner.postScriptGC = false`` (.streamlit/config.toml),
Python's own generational collector is what keeps memory bounded, and its full passes
then walk only what the learners' runs allocated. pandas is left out: only the pages with
a table need it, and it would add ~60 MB and its import time to every cold start.
"""

import gc
import os

# One BLAS thread per matrix product. A server answers many learners at once on few cores:
# OpenBLAS's own threads then spin against each other and against the server (under load,
# a rerun of ② took 550 ms of CPU with two threads and 35 ms with one;
# bench/bench_gradients.py). Must be set before NumPy loads OpenBLAS; an operator's own
# setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy  # noqa: E402, F401
import plotly.graph_objects  # noqa: E402, F401
import scipy.special  # noqa: E402, F401

import activations  # noqa: E402, F401
import plots.style  # noqa: E402, F401

gc.collect()  # start-up garbage goes now, not into the permanent generation
gc.freeze()
