r"""Weight decay as a penalty on the loss: L2 (the textbook's) and L1, with their gradients.

For a network, the penalty is summed over the weight matrices (not the biases) and added
to the loss; each matrix's gradient gets its own term.
"""

import numpy as np


def l2_penalty(W, weight_decay_lambda):
    r"""The L2 term the textbook adds to the loss.

    .. math:: \frac{1}{2}\lambda \sum_{i} W_i^2
    """
    return 0.5 * weight_decay_lambda * np.sum(W**2)


def l2_grad(W, weight_decay_lambda):
    r"""Its gradient, added to dL/dW: the weights shrink in proportion to their size.

    .. math:: \lambda W
    """
    return weight_decay_lambda * W


def l1_penalty(W, weight_decay_lambda):
    r"""The L1 term (Lasso): it drives weights to exactly 0, so the solution is sparse.

    .. math:: \lambda \sum_{i} |W_i|
    """
    return weight_decay_lambda * np.sum(np.abs(W))


def l1_grad(W, weight_decay_lambda):
    r"""A subgradient of the L1 term: every weight is pulled by the same λ towards 0.

    .. math:: \lambda\, \operatorname{sign}(W)

    |W| has no derivative at 0; we take sign(0) = 0 (NumPy's, and PyTorch's
    ``torch.sign``), a valid subgradient since 0 ∈ [−λ, λ].
    """
    return weight_decay_lambda * np.sign(W)
