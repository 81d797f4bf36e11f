"""Early stopping on validation losses worked by hand."""

import pytest

from regularization import EarlyStop, early_stopping

# epoch:   0    1    2    3     4     5     6
LOSSES = [1.0, 0.8, 0.7, 0.75, 0.72, 0.71, 0.9]


@pytest.mark.parametrize(
    ("patience", "expected"),
    [
        # best at epoch 2 (0.7); epochs 3, 4, 5 do not beat it: the 3rd miss is epoch 5
        (3, EarlyStop(best_epoch=2, stop_epoch=5, stopped=True)),
        (4, EarlyStop(best_epoch=2, stop_epoch=6, stopped=True)),
        # 5 misses would need epoch 7: the losses end first
        (5, EarlyStop(best_epoch=2, stop_epoch=6, stopped=False)),
        (1, EarlyStop(best_epoch=2, stop_epoch=3, stopped=True)),
    ],
)
def test_stop_and_best_epochs_by_hand(patience, expected):
    assert early_stopping(LOSSES, patience) == expected


def test_min_delta_ignores_tiny_improvements():
    # 0.995 is below 1.0 by 0.005 < min_delta 0.01: not an improvement
    assert early_stopping([1.0, 0.995, 0.99, 0.5], patience=2, min_delta=0.01) == EarlyStop(
        0, 2, True
    )


def test_nan_never_improves():
    assert early_stopping([1.0, float("nan"), float("nan")], patience=2) == EarlyStop(0, 2, True)


@pytest.mark.parametrize(("losses", "patience"), [([], 3), ([1.0], 0)])
def test_bad_arguments_are_refused(losses, patience):
    with pytest.raises(ValueError):
        early_stopping(losses, patience)
