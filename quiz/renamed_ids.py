"""Question ids that were renamed (they stated their answer), old -> new. A learner's history
follows the question: the database is migrated once (quiz/migrations.py), and an imported CSV
or a browser's copy written before the rename is read with the new ids."""

RENAMED: dict[str, str] = {
    "fm-elu-smooth-alpha1": "fm-elu-grad-continuity",
    "fm-gelu-not-monotone": "fm-gelu-monotonicity",
    "im-softmax-max": "im-softmax-shift",
    "rs-sigmoid-not-zero-centred": "rs-sigmoid-slow-convergence",
    "sm-derivative-is-jacobian": "sm-derivative-form",
    "sm-scale-not-invariant": "sm-scale-by-two",
    "us-rnn-hidden-tanh": "us-rnn-hidden-activation",
    "us-transformer-gelu": "us-transformer-ffn",
    "us-softplus-positive": "us-positive-output",
    "us-perceptron-step": "us-perceptron-output",
    "vg-relu-not-panacea": "vg-relu-sufficiency",
    "vg-step-untrainable": "vg-step-backprop",
}
