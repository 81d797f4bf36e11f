"""The unit's quiz figures the 390 px tests draw: one of each kind and view."""

SPECS = [
    {"kind": "loss", "loss": "bce", "target": 1, "over": "logit", "derivative": True},
    {"kind": "loss", "loss": "bce", "target": 0.3, "derivative": True},
    {"kind": "loss", "loss": "huber", "target": -2, "delta": 0.5},
    {"kind": "trajectory", "surface": "textbook", "optimizer": "momentum"},
    {"kind": "trajectory", "surface": "rosenbrock", "optimizer": "adam", "hyper": {"lr": 0.05},
     "steps": 200, "view": "loss"},
    {"kind": "trajectory", "surface": "ill_conditioned", "optimizer": "sgd",
     "hyper": {"lr": 0.25}},
    {"kind": "trajectory", "surface": "saddle", "optimizer": "momentum", "view": "loss"},
    {"kind": "init_histograms", "activation": "relu", "init": "xavier"},
    {"kind": "init_histograms", "activation": "tanh", "init": "std1", "batchnorm": True},
    {"kind": "overfit", "method": "none", "early_stopping": True},
    {"kind": "overfit", "method": "l2", "strength": 0.03, "view": "gap"},
    {"kind": "numdiff", "fn": "sigmoid", "at": 1.0},
    {"kind": "numdiff", "fn": "gelu", "at": -2.0, "method": "forward"},
]
