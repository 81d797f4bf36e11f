"""Imported by app.py, so Python runs it once per server process, not once per rerun.

It imports what the pages share and then moves every object alive at that point (modules,
functions, the libraries' tables) into the collector's permanent
generation with ``gc.freeze()``. They live as long as the process anyway; left in place,
every full collection would walk them all. With ``runner.postScriptGC = false`` in
.streamlit/config.toml, Python's own collector is what keeps memory bounded, and frozen,
each of its full passes walks only what the learners' runs allocated.
"""

import gc

import numpy  # noqa: F401
import pandas  # noqa: F401
import plotly.graph_objects  # noqa: F401
import scipy.special  # noqa: F401

import activations  # noqa: F401
import plots.style  # noqa: F401

gc.collect()  # start-up garbage goes now, not into the permanent generation
gc.freeze()
