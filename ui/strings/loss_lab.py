"""UI strings for the loss lab page (/loss): key -> (Japanese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "nav.loss": ("損失関数ラボ", "Loss lab"),
    "home.desc.loss": (  # the home page's menu line for this page (it lists every route)
        "BCE と二乗誤差とその微分、勾配が y − t になる組み合わせ、log(0) と教科書の + 1e-7。",
        "BCE and squared error with their derivatives, the pairings whose gradient is y − t, "
        "log(0) and the textbook's + 1e-7.",
    ),
    "loss.title": ("損失関数ラボ", "Loss lab"),
    "loss.intro": (
        "損失関数は、予測 y が正解 t からどれだけ外れているかを 1 つの数にします。"
        "学習で使われるのはその値よりも勾配です。予測・正解・ロジットを動かして、"
        "どの組み合わせでなぜ勾配が消えないのかを確かめましょう。",
        "A loss function turns how far the prediction y is from the target t into one number. "
        "What training uses is its gradient. Move the prediction, the target and the logits to "
        "see which pairing keeps its gradient, and why.",
    ),
    # --- ① loss against the prediction
    "loss.curves": ("① 損失とその微分", "① A loss and its derivative"),
    "loss.t": ("正解 t", "Target t"),
    "loss.t_help": ("0〜1。BCE は 0 と 1 の間の「やわらかい」正解も受け付けます。",
                    "0 to 1. BCE also accepts soft targets between 0 and 1."),
    "loss.y": ("予測 y", "Prediction y"),
    "loss.y_help": ("BCE は y = 0 と 1 で無限大になりうるので、0.001〜0.999 で動かします。",
                    "BCE can be infinite at y = 0 and 1, so y runs from 0.001 to 0.999."),
    "loss.bce": ("BCE（2 値交差エントロピー）", "BCE (binary cross-entropy)"),
    "loss.se": ("二乗誤差 ½(y − t)²", "Squared error ½(y − t)²"),
    "loss.axis_loss": ("損失 E", "Loss E"),
    "loss.axis_grad": ("微分 ∂E/∂y", "Derivative ∂E/∂y"),
    "loss.axis_y": ("予測 y", "Prediction y"),
    "loss.probe": ("プローブ", "Probe"),
    "loss.col_quantity": ("量", "Quantity"),
    "loss.col_bce": ("BCE", "BCE"),
    "loss.col_se": ("二乗誤差", "Squared error"),
    "loss.row_loss": ("E", "E"),
    "loss.row_grad": ("∂E/∂y", "∂E/∂y"),
    "loss.convention": (
        "二乗誤差は E資格・教科書の形 E = ½Σ(y − t)²（ここでは出力 1 つなので ½(y − t)²）で、"
        "½ が 2 乗の 2 を打ち消して ∂E/∂y = y − t になります。PyTorch の MSELoss（½ なし・平均）"
        "なら同じ点で E = {mean:.6g}、∂E/∂y = {mean_grad:.6g}（2 倍）です。",
        "The squared error uses the exam's and the textbook's form E = ½Σ(y − t)² (one output "
        "here, so ½(y − t)²): the ½ cancels the 2 of the square, so ∂E/∂y = y − t. PyTorch's "
        "MSELoss (no ½, a mean) gives E = {mean:.6g} and ∂E/∂y = {mean_grad:.6g} (twice) at the "
        "same point.",
    ),
    "loss.grad_clip": ("微分のグラフは ±10 で切っています（BCE は y → 0, 1 で ±∞ に向かいます）。値は表のとおりです。",
                       "The derivative is drawn within ±10 (BCE's heads to ±∞ as y → 0 or 1); the table has the values."),
    "loss.curves_alt": ("予測 y に対する BCE と二乗誤差の損失（上）と微分（下）の折れ線グラフ。点はプローブ",
                        "Line charts of BCE and squared error (top) and their derivatives (bottom) "
                        "against the prediction y; the dots are the probe"),
    # --- ② sigmoid + BCE against sigmoid + MSE
    "loss.logit": ("② シグモイド + BCE か二乗誤差か", "② Sigmoid with BCE or squared error"),
    "loss.logit_intro": (
        "出力 y = σ(a) のロジット a での勾配 ∂E/∂a が、学習で重みに伝わる量です。"
        "BCE と組み合わせると σ′(a) が打ち消されて y − t だけが残ります。二乗誤差では σ′(a) が残り、"
        "出力が飽和すると（|a| が大きいと）間違っていても勾配がほぼ 0 になって学習が止まります。"
        "例：t = 1、a = {a:g}（y = {y:.4f}、大きく外れている）で、二乗誤差の勾配は BCE の {ratio} 分の 1 です。",
        "The gradient ∂E/∂a at the logit a of the output y = σ(a) is what reaches the weights. "
        "With BCE, σ′(a) cancels and only y − t is left. With the squared error σ′(a) stays: once "
        "the output saturates (large |a|) the gradient is nearly 0 even when the answer is wrong, "
        "and learning stalls. Example: t = 1, a = {a:g} (y = {y:.4f}, far off): the squared error's "
        "gradient is {ratio} times smaller than BCE's.",
    ),
    "loss.a": ("ロジット a", "Logit a"),
    "loss.ta": ("正解 t", "Target t"),
    "loss.ta_option": ("t = {t}", "t = {t}"),
    "loss.bce_pair": ("シグモイド + BCE：|y − t|", "Sigmoid + BCE: |y − t|"),
    "loss.mse_pair": ("シグモイド + 二乗誤差：|(y − t)σ′(a)|", "Sigmoid + squared error: |(y − t)σ′(a)|"),
    "loss.axis_dEda": ("|∂E/∂a|", "|∂E/∂a|"),
    "loss.axis_a": ("ロジット a", "Logit a"),
    "loss.col_pair": ("組み合わせ", "Pairing"),
    "loss.col_dEda": ("∂E/∂a", "∂E/∂a"),
    "loss.pair_bce": ("シグモイド + BCE", "Sigmoid + BCE"),
    "loss.pair_mse": ("シグモイド + 二乗誤差", "Sigmoid + squared error"),
    "loss.logit_probe": ("a = {a:g} で y = σ(a) = {y:.6g}、σ′(a) = {dsigma:.6g}。",
                         "At a = {a:g}: y = σ(a) = {y:.6g}, σ′(a) = {dsigma:.6g}."),
    "loss.stall": (
        "出力は正解と反対側で飽和しています（間違い、σ′(a) = {dsigma:.3g} ≤ {limit:g}）。"
        "間違っているのに、二乗誤差の勾配は BCE の {ratio} 分の 1（= 1/σ′(a)）しかありません。",
        "The output is saturated on the wrong side (σ′(a) = {dsigma:.3g} ≤ {limit:g}). Although the "
        "answer is wrong, the squared error's gradient is {ratio} times smaller than BCE's (= 1/σ′(a)).",
    ),
    "loss.wrong": (
        "出力は正解と反対側にありますが、まだ飽和していません（σ′(a) = {dsigma:.3g}）。"
        "二乗誤差の勾配は BCE の {ratio} 分の 1（= 1/σ′(a)）です。a をさらに反対側へ動かすと差が広がります。",
        "The output is on the wrong side but not saturated yet (σ′(a) = {dsigma:.3g}). The squared "
        "error's gradient is {ratio} times smaller than BCE's (= 1/σ′(a)). Move a further to "
        "the wrong side and the gap widens.",
    ),
    "loss.right": (
        "出力は正解の側にあります。二乗誤差の勾配は BCE の {ratio} 分の 1（= 1/σ′(a)）です。"
        "正解側で小さくなるのは望ましいことですが、a を反対側へ動かして比べてみましょう。",
        "The output is on the right side. The squared error's gradient is {ratio} times "
        "smaller than BCE's (= 1/σ′(a)). Small is fine when right: move a to the wrong side and compare.",
    ),
    "loss.boundary": (
        "出力 y = σ(0) = 0.5 はちょうど境目で、正解の側でも反対側でもありません。二乗誤差の勾配は BCE の {ratio} 分の 1"
        "（= 1/σ′(a)）で、σ′(a) が最大のここで差がいちばん小さくなります。a を反対側へ動かして比べてみましょう。",
        "The output y = σ(0) = 0.5 is exactly on the boundary, on neither side. The squared error's "
        "gradient is {ratio} times smaller than BCE's (= 1/σ′(a)), the smallest gap, where σ′(a) "
        "peaks. Move a to the wrong side and compare.",
    ),
    "loss.about": ("約 {n}", "about {n}"),  # a rounded ratio: 約 22,000 分の 1
    "loss.logit_alt": ("ロジット a に対する |∂E/∂a| の折れ線グラフ（シグモイド + BCE とシグモイド + 二乗誤差）。点はプローブ",
                       "Line chart of |∂E/∂a| against the logit a, sigmoid + BCE and sigmoid + squared "
                       "error; the dots are the probe"),
    # --- ③ softmax + cross-entropy
    "loss.softmax": ("③ ソフトマックス + 交差エントロピー", "③ Softmax + cross-entropy"),
    "loss.softmax_intro": (
        "ソフトマックスの微分はヤコビ行列 J = diag(y) − y yᵀ です。交差エントロピーの微分 −t/y に"
        "Jᵀ を掛ける（連鎖律どおりの）計算は、まとめると y − t になります。"
        "ロジットと正解ラベルを変えて、2 つの経路が同じ値になることを確かめましょう。",
        "Softmax's derivative is the Jacobian J = diag(y) − y yᵀ. Multiplying cross-entropy's "
        "derivative −t/y by Jᵀ (the chain rule as written) collapses to y − t. Change the logits and "
        "the label and check that both routes give the same values.",
    ),
    "loss.logits": ("ロジット a（2〜10 個、カンマ区切り）", "Logits a (2 to 10 numbers, comma-separated)"),
    "loss.logits_help": ("例：2, 1, 0.1。全角数字や「、」区切りも使えます。|a| は {max_abs:g} 以下。",
                         "e.g. 2, 1, 0.1. Values must satisfy |a| ≤ {max_abs:g}."),
    "loss.label": ("正解ラベル（クラスの番号、0 から）", "Correct label (class index, from 0)"),
    "loss.bad_label": ("正解ラベル {label} のクラスはありません（クラスは {n} 個で、番号は 0〜{top}）。クラス 0 を使います。",
                       "There is no class {label} (there are {n} classes, numbered 0 to {top}). Using class 0."),
    "loss.fused": ("y − t（近道）", "y − t (short cut)"),
    "loss.jacobian": ("Jᵀ·∂E/∂y（ヤコビ行列経由）", "Jᵀ·∂E/∂y (via the Jacobian)"),
    "loss.axis_dEda_k": ("∂E/∂a_k", "∂E/∂a_k"),
    "loss.col_class": ("クラス k", "Class k"),
    "loss.col_k": ("k", "k"),  # the table's heading: 「クラス k」 was one character a line at 390 px
    "loss.col_a": ("a", "a"),
    "loss.col_y": ("y = softmax(a)", "y = softmax(a)"),
    "loss.col_t": ("t", "t"),
    "loss.col_dEdy": ("∂E/∂y = −t/y", "∂E/∂y = −t/y"),
    "loss.col_fused": ("y − t", "y − t"),
    "loss.col_jacobian": ("Jᵀ·∂E/∂y", "Jᵀ·∂E/∂y"),
    "loss.routes_equal": ("損失 E = {loss:.6g}。2 つの経路の差の最大値 = {diff:.1e}（丸め誤差のみ）。",
                          "Loss E = {loss:.6g}. Largest difference between the routes = {diff:.1e} (rounding only)."),
    "loss.routes_underflow": (
        "正解クラスの y が 0 にアンダーフローしました（float64 で表せないほど小さい）。∂E/∂y = −t/y は 0 での割り算になり −∞ です。"
        "ヤコビ行列経由の計算は inf や NaN になりますが、まとめた y − t は有限のままです（損失 E = {loss:.6g}）。"
        "これもソフトマックスと交差エントロピーをまとめて計算する理由です。",
        "The correct class's y underflowed to 0 (too small for float64), so ∂E/∂y = −t/y divides "
        "by 0: −∞. The Jacobian route gives inf or NaN; the fused y − t stays finite (loss E = "
        "{loss:.6g}): another reason to compute softmax and cross-entropy together.",
    ),
    "loss.routes_overflow": (
        "正解クラスの y = {y} が小さすぎて、∂E/∂y = −t/y が float64 の範囲を超え −∞ になりました。"
        "ヤコビ行列経由の計算は inf や NaN になりますが、まとめた y − t は有限のままです（損失 E = {loss:.6g}）。"
        "これもソフトマックスと交差エントロピーをまとめて計算する理由です。",
        "The correct class's y = {y} is so small that ∂E/∂y = −t/y leaves the float64 range (−∞). "
        "The Jacobian route gives inf or NaN; the fused y − t stays finite (loss E = {loss:.6g}): "
        "another reason to compute softmax and cross-entropy together.",
    ),
    "loss.routes_alt": ("クラスごとの ∂E/∂a_k を 2 つの経路で並べた棒グラフ",
                        "Bars of ∂E/∂a_k per class by the two routes"),
    "loss.batch_note": (
        "ミニバッチ（N 個）の平均をとると勾配は (y − t)/N：SoftmaxWithLoss の逆伝播 "
        "`dx = (self.y - self.t) / batch_size` です。ここでは N = 1 です。",
        "Averaged over a mini-batch of N samples the gradient is (y − t)/N: SoftmaxWithLoss's "
        "backward `dx = (self.y - self.t) / batch_size`. Here N = 1.",
    ),
    # --- ④ numerical safety
    "loss.safety": ("④ log(0) と教科書の + 1e-7", "④ log(0) and the textbook's + 1e-7"),
    "loss.safety_intro": (
        "2 クラスのロジット [a, 0]、正解はクラス 0（ロジット a の方）として、正解クラスの確率 y に対する損失を 3 つの方法で計算します。",
        "Two classes with logits [a, 0], the correct class being class 0 (the one with logit a): the "
        "loss for the correct class's probability y, computed three ways.",
    ),
    "loss.naive": ("そのまま", "As written"),
    "loss.textbook": ("教科書（+ 1e-7）", "Textbook (+ 1e-7)"),
    "loss.stable": ("ロジットから（安定な形）", "From the logits (stable)"),
    "loss.col_naive": ("−log y", "−log y"),
    "loss.col_textbook": ("−log(y + 1e-7)", "−log(y + 1e-7)"),
    "loss.col_stable": ("ロジットから", "From logits"),
    "loss.extra_a": ("表に加えるロジット a", "A logit a to add to the table"),
    "loss.delta_note": (
        "1e-7 は y = 0 のときの log(0) = −∞（損失 inf）を防ぎます。その代わり損失は −log(1e-7) ≈ {cap:.1f} で頭打ちになり、"
        "y が 1e-7 より十分小さい間違い（1e-10 でも 1e-300 でも 0 でも）はすべてほぼ同じ損失になります。ロジットから計算する安定な形なら、inf にも頭打ちにもなりません。",
        "The 1e-7 keeps log(0) = −∞ (an infinite loss) away at y = 0. The price: the loss is capped "
        "at −log(1e-7) ≈ {cap:.1f}, so every mistake with y well below 1e-7 (1e-10, 1e-300 or 0) gets "
        "nearly the same loss. The stable "
        "form, from the logits, neither overflows nor caps.",
    ),
    "loss.delta_negative": (
        "表の y = {y} の行では y + 1e-7 が 1 を超えるので、−log(y + 1e-7) = {value} と損失がわずかに負になります。"
        "+ 1e-7 は正解に自信のある予測の損失も少しずらします。",
        "In the row with y = {y}, y + 1e-7 exceeds 1, so −log(y + 1e-7) = {value}: a slightly "
        "negative loss. The + 1e-7 shifts the loss of a confident right answer a little too.",
    ),
    "loss.problem.empty": ("ロジットが空です。既定値 {default} を使います。",
                           "No logits were entered. Using the default {default}."),
    "loss.problem.not_number": ("「{detail}」は数値として読めません。既定値 {default} を使います。",
                                "'{detail}' is not a number. Using the default {default}."),
    "loss.problem.not_finite": ("「{detail}」は有限の数ではありません（NaN・inf は使えません）。既定値 {default} を使います。",
                                "'{detail}' is not a finite number (NaN and inf are not allowed). Using the default {default}."),
    "loss.problem.too_large": ("「{detail}」は大きすぎます（|a| ≤ {max_abs:g}）。既定値 {default} を使います。",
                               "'{detail}' is too large (|a| ≤ {max_abs:g}). Using the default {default}."),
    "loss.problem.too_few": ("クラスは 2 個以上必要です（入力は {detail} 個）。既定値 {default} を使います。",
                             "At least 2 classes are needed ({detail} given). Using the default {default}."),
    "loss.problem.too_many": ("クラスは 10 個までです（入力は {detail} 個）。最初の 10 個を使います。",
                              "At most 10 classes ({detail} given). Using the first 10."),
    "loss.code": ("E資格スタイルの実装（NumPy）", "Exam-style implementation (NumPy)"),
    "loss.warn.not_a_number": ("URL の {field}=「{value}」は数値として読めません。既定値 {default} を使います。",
                               "URL value {field}='{value}' is not a number. Using the default {default}."),
    "loss.warn.out_of_range": ("URL の {field}={value} は範囲外です（{lo}〜{hi}）。既定値 {default} を使います。",
                               "URL value {field}={value} is out of range ({lo} to {hi}). Using the default {default}."),
    "loss.warn.extra": ("URL の extra=「{value}」は使えません（−{max}〜{max} の数）。表に行を加えません。",
                        "URL value extra='{value}' cannot be used (a number from −{max} to {max}). No row is added."),
    "loss.warn.not_allowed": ("URL の {field}={value} は使えない値です。既定値 {default} を使います。",
                              "URL value {field}={value} is not allowed. Using the default {default}."),
}
