"""What a question is about (its ``functions:``): an activation of the registry, an
optimizer of ``optimizers.OPTIMIZERS``, or one of the unit's other concepts below.

The validator refuses a name outside this vocabulary (a typo would silently weaken the
cross-question leak check, which compares questions that share a topic).
"""

from __future__ import annotations

from activations import REGISTRY
from optimizers import OPTIMIZERS

CONCEPTS: dict[str, str] = {
    # losses
    "squared_error": "二乗和誤差・平均二乗誤差",
    "binary_cross_entropy": "2値交差エントロピー",
    "cross_entropy": "交差エントロピー誤差",
    "softmax_cross_entropy": "ソフトマックス＋交差エントロピー",
    "huber": "Huber 損失",
    "kl_divergence": "KL ダイバージェンス",
    "entropy": "エントロピー",
    # backpropagation
    "chain_rule": "連鎖律",
    "computational_graph": "計算グラフ",
    "add_node": "加算ノード",
    "mul_node": "乗算ノード",
    "branch_node": "分岐ノード",
    "affine": "Affine レイヤ",
    "relu_layer": "ReLU レイヤ",
    "sigmoid_layer": "Sigmoid レイヤ",
    "softmax_with_loss": "Softmax-with-Loss レイヤ",
    "numerical_gradient": "数値微分",
    "gradient_check": "勾配確認",
    # optimisation
    "learning_rate": "学習率",
    "saddle_point": "鞍点",
    "weight_init": "重みの初期値",
    # regularisation and normalisation
    "batch_normalization": "バッチ正規化",
    "layer_normalization": "レイヤ正規化",
    "dropout": "ドロップアウト",
    "weight_decay": "荷重減衰（L2 正則化）",
    "l1_regularization": "L1 正則化",
    "early_stopping": "早期終了",
    "data_augmentation": "データ拡張",
    "noise_injection": "ノイズの付加",
}


def known_topic(name: str) -> bool:
    return name in REGISTRY or name in OPTIMIZERS or name in CONCEPTS
