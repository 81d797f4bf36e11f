"""Early stopping: where training stops, read off the validation losses."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EarlyStop:
    best_epoch: int  # the lowest validation loss so far when training stopped (weights kept)
    stop_epoch: int  # the last epoch trained
    stopped: bool  # True if patience ran out before the losses did


def early_stopping(val_losses, patience=5, min_delta=0.0) -> EarlyStop:
    """Stop when the validation loss has not improved for ``patience`` epochs in a row.

    An epoch improves when its loss is below the best so far by more than ``min_delta``
    (as Keras's ``EarlyStopping`` counts); the weights kept are the best epoch's. Epochs are
    0-based indices into ``val_losses``; a NaN loss never improves.
    """
    if patience < 1:
        raise ValueError(f"patience must be at least 1, got {patience!r}")
    losses = [float(v) for v in val_losses]
    if not losses:
        raise ValueError("val_losses is empty")
    best, best_epoch, wait = float("inf"), 0, 0
    for epoch, loss in enumerate(losses):
        if loss < best - min_delta:
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
            if wait >= patience:
                return EarlyStop(best_epoch, epoch, True)
    return EarlyStop(best_epoch, len(losses) - 1, False)
