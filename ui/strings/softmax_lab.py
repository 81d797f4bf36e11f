"""UI strings for the softmax lab page: key -> (Japanese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "softmax.title": ("ソフトマックス・ラボ", "Softmax lab"),
    "softmax.intro": (
        "ロジット（スコア）のベクトルを、合計 1 の確率分布に変えるのがソフトマックス関数です。"
        "値を書き換えたり温度を動かしたりして、確率・ヤコビ行列・数値的安定性を確かめましょう。",
        "Softmax turns a vector of logits (scores) into a probability distribution summing to 1. "
        "Edit the values and move the temperature to see the probabilities, the Jacobian and "
        "numerical stability.",
    ),
    "softmax.formula": ("定義（右辺は最大値 c を引いた安定な形）", "Definition (right: the stable form, with the max c subtracted)"),
    "softmax.logits": ("ロジット x（2〜10 個、カンマ区切り）", "Logits x (2 to 10 numbers, comma-separated)"),
    "softmax.logits_help": (
        "例：2, 1, 0.1。全角数字や「、」区切りも使えます。|x| は {max_abs:g} 以下。",
        "e.g. 2, 1, 0.1. Values must satisfy |x| ≤ {max_abs:g}.",
    ),
    "softmax.temperature": ("温度 T", "Temperature T"),
    "softmax.temperature_help": (
        "softmax(x / T) を計算します。T が大きいほど一様に、小さいほど最大のクラスに集中します。",
        "Computes softmax(x / T). Large T flattens the distribution; small T concentrates it on the largest logit.",
    ),
    "softmax.problem.empty": ("ロジットが空です。既定値 {default} を使います。",
                              "No logits were entered. Using the default {default}."),
    "softmax.problem.not_number": ("「{detail}」は数値として読めません。既定値 {default} を使います。",
                                   "'{detail}' is not a number. Using the default {default}."),
    "softmax.problem.not_finite": ("「{detail}」は有限の数ではありません（NaN・inf は使えません）。既定値 {default} を使います。",
                                   "'{detail}' is not a finite number (NaN and inf are not allowed). Using the default {default}."),
    "softmax.problem.too_large": ("「{detail}」は大きすぎます（|x| ≤ {max_abs:g}）。既定値 {default} を使います。",
                                  "'{detail}' is too large (|x| ≤ {max_abs:g}). Using the default {default}."),
    "softmax.problem.too_few": ("クラスは 2 個以上必要です（入力は {detail} 個）。既定値 {default} を使います。",
                                "At least 2 classes are needed ({detail} given). Using the default {default}."),
    "softmax.problem.too_many": ("クラスは 10 個までです（入力は {detail} 個）。最初の 10 個を使います。",
                                 "At most 10 classes ({detail} given). Using the first 10."),
    "softmax.bad_temperature": ("温度 T は {lo} 以上 {hi} 以下にしてください。T = 1 を使います。",
                                "The temperature must be between {lo} and {hi}. Using T = 1."),
    "softmax.probabilities": ("確率 softmax(x / T)", "Probabilities softmax(x / T)"),
    "softmax.series_t": ("T = {t:g}", "T = {t:g}"),
    "softmax.series_t1": ("T = 1（基準）", "T = 1 (reference)"),
    "softmax.axis_prob": ("確率", "Probability"),
    "softmax.col_class": ("クラス", "Class"),
    "softmax.col_quantity": ("項目", "Quantity"),
    "softmax.col_logit": ("ロジット x", "Logit x"),
    "softmax.col_scaled": ("x / T", "x / T"),
    "softmax.col_prob": ("確率", "Probability"),
    "softmax.sum_note": ("確率の合計 = {total:.12g}、最大のクラス = {top}（argmax は T によらず同じ）",
                         "Sum of probabilities = {total:.12g}; largest class = {top} (argmax does not depend on T)"),
    "softmax.jacobian": ("ヤコビ行列", "The Jacobian"),
    "softmax.jacobian_intro": (
        "ソフトマックスの微分は 1 つの数ではなく行列です（よく見かける h(x)(1 − h(x)) はその対角成分だけ）。"
        "ここでは z = x / T での ∂s_i/∂z_j を示します。",
        "The derivative of softmax is a matrix, not one number (the often-quoted h(x)(1 − h(x)) is only "
        "its diagonal). Shown here: ∂s_i/∂z_j at z = x / T.",
    ),
    "softmax.jacobian_colorbar": ("∂s_i/∂z_j", "∂s_i/∂z_j"),
    "softmax.jacobian_rows": (
        "各行の和（計算値）の最大絶対値 = {worst:.2e}：行の和は 0（全体に c を足しても出力が変わらないことの裏返し）。"
        "Σ_j ∂s_i/∂z_j を「微分」とするのは誤りです。T を小さくすると出力が飽和し、（最大のロジットが 1 つなら）ヤコビ行列は 0 に近づきます。",
        "Largest |row sum| (computed) = {worst:.2e}: every row sums to 0 (the flip side of shift "
        "invariance), so Σ_j ∂s_i/∂z_j is not 'the derivative'. Small T saturates the output and, with "
        "a unique largest logit, the Jacobian tends to 0.",
    ),
    "softmax.overflow": ("オーバーフロー：素朴な式と最大値を引いた式", "Overflow: the naive formula and the max-subtracted one"),
    "softmax.overflow_intro": (
        "float64 で表せる exp の上限は e^709.78 ほどです。素朴な式では e^1010 が inf になり、inf / inf = NaN になります。"
        "最大値 c を引くと指数は 0 以下になり、あふれません（結果は数学的に同じ）。",
        "In float64, exp overflows beyond about e^709.78. The naive formula turns e^1010 into inf, and "
        "inf / inf is NaN. Subtracting the max c makes every exponent ≤ 0, so nothing overflows (and the "
        "result is mathematically the same).",
    ),
    "softmax.big_logits": ("大きなロジット", "Large logits"),
    "softmax.naive": ("素朴な式", "Naive formula"),
    "softmax.stable": ("最大値を引いた式", "Max-subtracted formula"),
    "softmax.col_naive_exp": ("exp(x)", "exp(x)"),
    "softmax.col_naive": ("素朴な式の結果", "Naive result"),
    "softmax.col_stable_exp": ("exp(x − c)", "exp(x − c)"),
    "softmax.col_stable": ("安定な式の結果", "Stable result"),
    "softmax.naive_failed": ("素朴な式は失敗しました：exp の合計 = {total}、結果に NaN・inf が出ています。",
                             "The naive formula failed: the sum of exp is {total}, and the result holds NaN/inf."),
    "softmax.naive_ok": ("この入力では素朴な式もあふれません（両者は一致）。1010, 1000, 990 を試してください。",
                         "No overflow for this input (both agree). Try 1010, 1000, 990."),
    "softmax.stable_note": ("c = max x = {c:g}。安定な式の合計 = {total:.12g}",
                            "c = max x = {c:g}. Sum of the stable result = {total:.12g}"),
    "softmax.shift": ("全体に c を足しても変わらない", "Adding c to every logit changes nothing"),
    "softmax.shift_c": ("足す定数 c", "Constant c"),
    "softmax.series_x": ("softmax(x)", "softmax(x)"),
    "softmax.series_xc": ("softmax(x + c)", "softmax(x + c)"),
    "softmax.shift_diff": ("最大の差 |softmax(x + c) − softmax(x)| = {diff:.2e}（浮動小数点の丸め誤差のみ）",
                           "Largest difference |softmax(x + c) − softmax(x)| = {diff:.2e} (floating-point rounding only)"),
    "softmax.shift_note": ("ここでは上のロジット x（T = 1）を使います。",
                           "Uses the logits x above (T = 1)."),
    "softmax.two": ("2 クラスのソフトマックス = ロジットの差のシグモイド", "Two-class softmax = sigmoid of the difference"),
    "softmax.two_a": ("ロジット a", "Logit a"),
    "softmax.two_b": ("ロジット b", "Logit b"),
    "softmax.two_softmax": ("softmax([a, b])₁", "softmax([a, b])₁"),
    "softmax.two_sigmoid": ("σ(a − b)", "σ(a − b)"),
    "softmax.two_diff": ("差 = {diff:.1e}", "Difference = {diff:.1e}"),
    "softmax.code": ("E資格スタイルの実装（NumPy）", "Exam-style implementation (NumPy)"),
    "softmax.code_note": (
        "穴埋めで問われやすいのは、最大値を引く 2 行（`c = np.max(a, ...)` と `np.exp(a - c)`）と、"
        "SoftmaxWithLoss の逆伝播 `dx = (self.y - self.t) / batch_size` です。ソフトマックスと"
        "交差エントロピー誤差を合わせた勾配は $y - t$ になり、ミニバッチの平均をとるので"
        " batch_size で割ります。",
        "The lines fill-in questions ask for most: the two that subtract the max "
        "(`c = np.max(a, ...)` and `np.exp(a - c)`) and SoftmaxWithLoss's backward, "
        "`dx = (self.y - self.t) / batch_size`. Softmax followed by cross-entropy has the gradient "
        "$y - t$; the loss is the mean over the mini-batch, hence the division by batch_size."),
    "softmax.prob_alt": ("各クラスの確率 softmax(x / T) の棒グラフ",
                         "Bar chart of each class's probability softmax(x / T)"),
    "softmax.jacobian_alt": ("ヤコビ行列 ∂s_i/∂z_j のヒートマップ（各セルに値）",
                             "Heatmap of the Jacobian ∂s_i/∂z_j, with each value in its cell"),
    "softmax.shift_alt": ("softmax(x) と softmax(x + c) を並べた棒グラフ",
                          "Bars of softmax(x) next to softmax(x + c)"),
}
