"""What the gradient-flow lab offers (no Streamlit): every choice of its controls, in one
place, so that bench/bench_gradients.py times the largest setting the page can ask for.

② and ③ run a random network whose cost is depth × width² × batch per pass; ④ trains a
2-h-h-1 net for a number of steps. The ends are chosen so that the largest setting answers
within 1 s on one core of the 2-core reference machine (④ trains in chunks under a
progress bar that can be stopped); 512 units with batches of 256 took 10 s and more.
"""

from __future__ import annotations

DEPTH_L = (1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100)  # ①: log-spaced, 1 to 100 layers
MAX_DEPTH = 100  # ② layers
WIDTHS = (16, 32, 64, 128, 256)  # ② units per layer
BATCHES = (16, 32, 64)  # ② inputs per batch
STDS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0)  # ② custom weight scale
MAX_FNS = 4  # ② activations side by side
LRS = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)  # ④
STEPS = (100, 200, 500, 1000, 2000, 3000)  # ④
HIDDEN = (2, 4, 8, 16, 32, 64)  # ④ units per hidden layer
CHUNKS = 20  # ④ progress-bar updates per training run; each chunk is cached on its own
# ④ trains in slices, one per run of a fragment: a click (停止) lands between two slices.
TRAIN_SLICE_S = 0.5  # training per slice (at least one chunk): each slice redraws the charts
BOUNDARY_EVERY = 5  # chunks between two redraws of ④'s boundary while a run goes on
TRAIN_TICK_S = 0.2  # the fragment's timer: the next slice starts once this one has ended
NETWORKS_KEPT = 3  # ② weight sets the server caches, for all learners together
NETWORK_RUNS = 2  # ② ③ networks computed at once, for all learners together (2 cores)


def network_mb(depth: int, width: int) -> float:
    """The memory of one cached network's weights (float32)."""
    return depth * width * width * 4 / 2**20
