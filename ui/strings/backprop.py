"""UI strings for the backpropagation page: key -> (Japanese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "nav.backprop": ("誤差逆伝播ラボ", "Backprop lab"),
    "home.desc.backprop": (  # the home page's menu line for this page
        "計算グラフを 1 ノードずつ順伝播・逆伝播。勾配確認でバグを見つける。",
        "Step a computational graph forward and backward, node by node; catch bugs with a gradient check.",
    ),
    "backprop.title": ("誤差逆伝播ラボ", "Backpropagation lab"),
    "backprop.intro": (
        "計算グラフの上で、順伝播（青）を 1 ノードずつ進め、続けて逆伝播（赤）で勾配を出力側から入力側へ流します。"
        "数値はすべて各レイヤーの順伝播・逆伝播のメソッド（forward / backward）が計算したものです。",
        "Step forward (blue) through a computational graph one node at a time, then backward (red), "
        "carrying the gradient from the output back to the inputs. Every number is computed by the "
        "layers' own forward and backward.",
    ),
    "backprop.example": ("例", "Example"),
    "backprop.example.apple": ("りんご（乗算ノード）", "Apples (multiply nodes)"),
    "backprop.example.shop": ("りんごとみかん（加算と乗算）", "Apples and oranges (add and multiply)"),
    "backprop.example.net": ("2 層ネットワーク", "Two-layer network"),
    "backprop.graph_alt": ("計算グラフ（ステップ {step} / {last}）。各辺の値と勾配は下の表にもあります。",
                           "Computational graph (step {step} of {last}). Each edge's value and gradient are also in the table below."),
    "backprop.prev": ("前へ", "Back"),
    "backprop.next": ("次へ", "Next"),
    "backprop.step": ("ステップ", "Step"),
    "backprop.legend": ("青 = 順伝播の値、赤 = 逆伝播で届いた勾配 ∂L/∂（辺の値）。",
                        "Blue = forward value; red = the gradient ∂L/∂(edge value) backpropagation has delivered."),
    "backprop.at.start": ("ステップ 0 / {last}：入力だけが決まっています。「次へ」で順伝播を 1 ノードずつ進めます。",
                          "Step 0 of {last}: only the inputs are known. Press Next to run forward one node at a time."),
    "backprop.at.forward": ("ステップ {step} / {last}：順伝播 ― {node}", "Step {step} of {last}: forward through {node}"),
    "backprop.at.backward": ("ステップ {step} / {last}：逆伝播 ― {node}", "Step {step} of {last}: backward through {node}"),
    "backprop.start_backward": ("逆伝播は出力から始まります：∂L/∂L = 1。",
                                "Backpropagation starts at the output: ∂L/∂L = 1."),
    "backprop.done": ("逆伝播が終わりました。すべての入力に勾配（赤）が届いています。",
                      "Backpropagation is done: every input has its gradient (red)."),
    "backprop.read.forward": ("入力", "Inputs"),
    "backprop.wrote.forward": ("出力", "Output"),
    "backprop.read.backward": ("上流から来た勾配", "Gradient from upstream"),
    "backprop.wrote.backward": ("下流へ流す勾配", "Gradients passed downstream"),
    # Each node's local rule (the tests check every one against the computed values).
    "backprop.rule.mul.forward": ("乗算ノード：2 つの入力の積を出力します。",
                                  "Multiply node: outputs the product of its two inputs."),
    "backprop.rule.mul.backward": (
        "乗算ノード：入力を入れ替えて掛けます。それぞれの入力には「上流の勾配 × もう一方の入力の値」が流れます。",
        "Multiply node: the inputs swap. Each input receives the upstream gradient times the other input's value.",
    ),
    "backprop.rule.add.forward": ("加算ノード：2 つの入力の和を出力します。",
                                  "Add node: outputs the sum of its two inputs."),
    "backprop.rule.add.backward": ("加算ノード：上流の勾配をそのまま（× 1）両方の入力へ流します。",
                                   "Add node: passes the upstream gradient on unchanged (× 1) to both inputs."),
    "backprop.rule.affine.forward": ("Affine：a = x·W + b（バイアス b はバッチの各行に足されます）。",
                                     "Affine: a = x·W + b (the bias b is added to every row of the batch)."),
    "backprop.rule.affine.backward": (
        "Affine：dx = dout·Wᵀ、dW = xᵀ·dout、db = Σ dout（バッチ方向、axis=0 の和）。dW は W と、dx は x と同じ形です。",
        "Affine: dx = dout·Wᵀ, dW = xᵀ·dout, db = Σ dout (summed over the batch, axis=0). dW has W's shape, dx has x's.",
    ),
    "backprop.rule.relu.forward": ("ReLU：正の入力はそのまま、0 以下は 0 にします。0 以下だった場所を mask として覚えておきます。",
                                   "ReLU: keeps positive inputs, sets those ≤ 0 to 0, and remembers where they were (the mask)."),
    "backprop.rule.relu.backward": ("ReLU：mask の場所（順伝播で入力が 0 以下）の勾配を 0 にし、ほかはそのまま流します。",
                                    "ReLU: zeroes the gradient where the mask is set (input ≤ 0 in forward) and passes the rest unchanged."),
    "backprop.rule.sigmoid.forward": ("Sigmoid：y = 1 / (1 + exp(−a))。出力 y を覚えておきます。",
                                      "Sigmoid: y = 1 / (1 + exp(−a)); it remembers the output y."),
    "backprop.rule.sigmoid.backward": ("Sigmoid：dx = dout·y(1 − y)。順伝播の出力 y だけで計算できます。",
                                       "Sigmoid: dx = dout·y(1 − y), from the forward output y alone."),
    "backprop.rule.softmax_loss.forward": (
        "Softmax-with-Loss：y = softmax(a2) とし、正解ラベル t との交差エントロピー誤差のバッチ平均を損失 L とします。",
        "Softmax-with-Loss: y = softmax(a2); the loss L is the batch mean of the cross-entropy error against the labels t.",
    ),
    "backprop.rule.softmax_loss.backward": (
        "Softmax-with-Loss：dx = (y − t) / N（t は正解の one-hot、N はバッチのサンプル数）。",
        "Softmax-with-Loss: dx = (y − t) / N (t one-hot, N the number of samples in the batch).",
    ),
    "backprop.kind.mul": ("乗算ノード ×", "Multiply node ×"),
    "backprop.kind.add": ("加算ノード +", "Add node +"),
    "backprop.kind.affine": ("Affine", "Affine"),
    "backprop.kind.relu": ("ReLU", "ReLU"),
    "backprop.kind.sigmoid": ("Sigmoid", "Sigmoid"),
    "backprop.kind.softmax_loss": ("Softmax-with-Loss", "Softmax-with-Loss"),
    "backprop.node_of": ("{kind}（→ {output}）", "{kind} (→ {output})"),
    "backprop.mul_forward": ("{a} × {b} = {out}", "{a} × {b} = {out}"),
    "backprop.mul_backward": ("∂L/∂({name}) = {up} × {other} = {grad}　（{other_name} の値を掛ける）",
                              "∂L/∂({name}) = {up} × {other} = {grad}   (times the value of {other_name})"),
    "backprop.add_forward": ("{a} + {b} = {out}", "{a} + {b} = {out}"),
    "backprop.add_backward": ("∂L/∂({name}) = {up} × 1 = {grad}", "∂L/∂({name}) = {up} × 1 = {grad}"),
    "backprop.kept.relu": ("順伝播で覚えた mask（True = 入力が 0 以下、勾配を 0 にする場所）",
                           "The mask kept in forward (True = input ≤ 0: the gradient is set to 0 there)"),
    "backprop.kept.sigmoid": ("順伝播で覚えた出力 y", "The output y kept in forward"),
    "backprop.kept.softmax_loss": ("順伝播で覚えた y = softmax(a2)", "y = softmax(a2), kept in forward"),
    "backprop.edges": ("すべての辺の値と勾配（表）", "Every edge's value and gradient (table)"),
    "backprop.col_edge": ("辺", "Edge"),
    "backprop.col_shape": ("形", "Shape"),
    "backprop.col_value": ("値（順伝播）", "Value (forward)"),
    "backprop.col_grad": ("勾配 ∂L/∂（逆伝播）", "Gradient ∂L/∂ (backward)"),
    "backprop.not_yet": ("まだ", "not yet"),
    "backprop.no_grad": ("流れない（ラベル）", "none (labels)"),
    # edge names of the shop examples
    "backprop.edge.apple": ("りんご 1 個の値段", "price of an apple"),
    "backprop.edge.apple_num": ("りんごの個数", "number of apples"),
    "backprop.edge.orange": ("みかん 1 個の値段", "price of an orange"),
    "backprop.edge.orange_num": ("みかんの個数", "number of oranges"),
    "backprop.edge.tax": ("消費税（倍率）", "tax (factor)"),
    "backprop.edge.apple_price": ("りんごの代金", "apples"),
    "backprop.edge.orange_price": ("みかんの代金", "oranges"),
    "backprop.edge.all_price": ("税抜きの合計", "subtotal"),
    "backprop.edge.price": ("支払金額", "amount paid"),
    "backprop.output.shop": ("支払金額 L", "amount paid L"),
    "backprop.output.net": ("損失 L", "loss L"),
    "backprop.edge.x": ("入力 x", "input x"),
    "backprop.edge.t": ("正解ラベル t", "labels t"),
    # inputs
    "backprop.inputs": ("入力を変える", "Change the inputs"),
    "backprop.in.apple": ("りんご 1 個の値段", "Price of an apple"),
    "backprop.in.apple_num": ("りんごの個数", "Number of apples"),
    "backprop.in.orange": ("みかん 1 個の値段", "Price of an orange"),
    "backprop.in.orange_num": ("みかんの個数", "Number of oranges"),
    "backprop.in.tax": ("消費税（倍率）", "Tax (factor)"),
    "backprop.in.x": ("入力 x（1 行が 1 サンプル、行は「;」で区切る）", "Input x (one row per sample, rows separated by ;)"),
    "backprop.in.x_help": ("例：1, 0.5; -1.2, 0.8。1 行に 2 つの数、1〜{rows} 行、|x| ≤ {max_abs:g}。",
                           "e.g. 1, 0.5; -1.2, 0.8. Two numbers a row, 1 to {rows} rows, |x| ≤ {max_abs:g}."),
    "backprop.in.t": ("正解ラベル t（サンプルごとに 0〜{top} の番号）", "Labels t (a class 0 to {top} per sample)"),
    "backprop.in.seed": ("重みの乱数シード", "Random seed of the weights"),
    "backprop.in.activation": ("中間層の活性化関数", "Hidden activation"),
    "backprop.net_note": (
        "入力 2・中間 3・出力 3 クラスのネットワークです。重みは標準偏差 1 の正規分布から（シードで再現できます）、バイアスは 0 から始まります。",
        "2 inputs, 3 hidden units, 3 classes. Weights are drawn from a normal distribution with standard "
        "deviation 1 (reproducible by the seed); the biases start at 0.",
    ),
    "backprop.problem.x_empty": ("入力 x が空です。既定値 {default} を使います。", "Input x is empty. Using the default {default}."),
    "backprop.problem.x_rows": ("入力 x は {rows} 行（サンプル）までです（入力は {detail} 行）。既定値 {default} を使います。",
                                "Input x has at most {rows} rows (samples) ({detail} given). Using the default {default}."),
    "backprop.problem.x_width": ("入力 x の {detail} 行目に 2 つの数が必要です。既定値 {default} を使います。",
                                 "Row {detail} of x needs two numbers. Using the default {default}."),
    "backprop.problem.x_not_number": ("「{detail}」は数値として読めません。既定値 {default} を使います。",
                                      "'{detail}' is not a number. Using the default {default}."),
    "backprop.problem.x_not_finite": ("「{detail}」は有限の数ではありません（NaN・inf は使えません）。既定値 {default} を使います。",
                                      "'{detail}' is not a finite number (NaN and inf are not allowed). Using the default {default}."),
    "backprop.problem.x_too_large": ("「{detail}」は大きすぎます（|x| ≤ {max_abs:g}）。既定値 {default} を使います。",
                                     "'{detail}' is too large (|x| ≤ {max_abs:g}). Using the default {default}."),
    "backprop.problem.t_label": ("ラベル「{detail}」は 0〜{top} の整数ではありません。ラベル {labels} を使います。",
                                 "Label '{detail}' is not an integer from 0 to {top}. Using the labels {labels}."),
    "backprop.problem.t_count": ("ラベルはサンプルと同じ数（{n} 個）必要です（入力は {detail} 個）。ラベル {labels} を使います。",
                                 "One label per sample is needed ({n}; {detail} given). Using the labels {labels}."),
    # the gradient check
    "backprop.check": ("勾配確認（グラディエントチェック）", "Gradient check"),
    "backprop.check_intro": (
        "例「2 層ネットワーク」（同じ入力・ラベル・重み）の全パラメータについて、逆伝播で求めた勾配 a を、"
        "中心差分 (f(w + h) − f(w − h)) / 2h（h = 10⁻⁴）による数値微分 n と比べます。"
        "表はパラメータごとの相対誤差 ‖a − n‖ / (‖a‖ + ‖n‖) です（‖·‖ は全要素の 2 乗和の平方根）。"
        "{tol:g} 未満なら一致とみなします。"
        "数値微分はパラメータ 1 つにつき順伝播 2 回かかるので、学習ではなく逆伝播の確認に使います。",
        "For every parameter of the example 'Two-layer network' (same inputs, labels and weights), the "
        "gradient a from backpropagation is compared with the numerical gradient n by the central "
        "difference (f(w + h) − f(w − h)) / 2h with h = 10⁻⁴. The table shows each parameter's "
        "relative error ‖a − n‖ / (‖a‖ + ‖n‖) (‖·‖: the square root of the sum of squares of all "
        "entries); below {tol:g} counts as agreement. The numerical gradient costs two forward passes "
        "per parameter, so it checks backpropagation rather than replacing it.",
    ),
    "backprop.bug": ("仕込むバグ", "Planted bug"),
    "backprop.bug.none": ("バグなし（正しい実装）", "None (the correct layers)"),
    "backprop.bug.no_batch_mean": ("Softmax-with-Loss の逆伝播で N で割り忘れる",
                                   "Softmax-with-Loss backward forgets to divide by N"),
    "backprop.bug.transposed_w": ("2 層目の Affine の逆伝播で W の転置を忘れる",
                                  "The second Affine's backward forgets to transpose W"),
    "backprop.bug.no_relu_mask": ("ReLU の逆伝播でマスクを忘れる", "ReLU backward forgets the mask"),
    "backprop.why.none": ("各レイヤーは教科書どおりの実装です。", "Every layer is the textbook's."),
    "backprop.why.no_batch_mean": (
        "損失はバッチの平均なので、勾配も N で割ります。割り忘れるとすべての勾配が N 倍になり、"
        "相対誤差は (N − 1) / (N + 1) = {expected:.3g} になります（N = {n}）。N = 1 のときだけは見つかりません。",
        "The loss is a batch mean, so its gradient is divided by N too. Without it every gradient is N "
        "times too large, and the relative error is (N − 1) / (N + 1) = {expected:.3g} (N = {n}). Only "
        "with N = 1 does it go unnoticed.",
    ),
    "backprop.why.transposed_w": (
        "W2 は 3×3 の正方行列なので、W2 と W2ᵀ のどちらを掛けても形が合い、エラーは出ません。値だけが違うので、"
        "勾配確認でしか見つかりません（形の合わない層なら形のエラーで気づけます）。誤った dx は前の層へ流れるので、"
        "影響するのは W1 と b1 だけで、W2 と b2 は一致したままです。",
        "W2 is square (3×3), so W2 and W2ᵀ both fit the shapes and nothing raises an error: only the "
        "values differ, and only a gradient check finds it (in a layer whose shapes do not fit, the "
        "shape error gives it away). The wrong dx flows on to the layer before, so only W1 and b1 are "
        "affected; W2 and b2 still agree.",
    ),
    "backprop.why.no_relu_mask": (
        "順伝播で 0 にした場所（入力が 0 以下）にも勾配が流れてしまいます。影響するのは W1 と b1 だけです。"
        "この入力でマスクされる要素は {masked} 個です。",
        "The gradient also flows where forward set the output to 0 (input ≤ 0). Only W1 and b1 are "
        "affected. With these inputs {masked} elements are masked.",
    ),
    "backprop.why.no_mask_here": (
        "この入力ではマスクされる要素が 1 つもないので、マスクを忘れても勾配は変わらず、勾配確認も通ります。",
        "With these inputs no element is masked, so forgetting the mask changes nothing and the check passes.",
    ),
    "backprop.bug_code": ("誤った行", "The wrong line"),
    "backprop.col_param": ("パラメータ", "Parameter"),
    "backprop.col_error": ("相対誤差", "Relative error"),
    "backprop.col_verdict": ("判定", "Verdict"),
    "backprop.verdict.agree": ("一致", "agrees"),
    "backprop.verdict.differ": ("不一致", "differs"),
    "backprop.verdict.too_small": ("小さすぎて判定できない", "too small to judge"),
    "backprop.verdict.kink": ("不一致（折れ目をまたいだため。実装の誤りとは限りません）",
                              "differs (the step crossed the kink: not necessarily a bug)"),
    "backprop.too_small_note": (
        "{params} の勾配はとても小さく（‖a‖ + ‖n‖ < {tiny:g}）、数値微分の丸め誤差（およそ 10⁻¹²·|L|）と同じくらいなので、"
        "相対誤差では判定できません（出力が飽和しているか、ReLU の出力がすべて 0 のとき）。",
        "The gradient of {params} is tiny (‖a‖ + ‖n‖ < {tiny:g}), about the size of the numerical "
        "gradient's round-off (roughly 10⁻¹²·|L|), so the relative error cannot judge it (the output "
        "saturates, or every ReLU output is 0).",
    ),
    "backprop.check_passed": ("すべてのパラメータで逆伝播と数値微分が一致しました。",
                              "Backpropagation and the numerical gradient agree for every parameter."),
    "backprop.check_failed": ("勾配確認が誤りを見つけました：{params} で逆伝播と数値微分が一致しません。",
                              "The gradient check caught it: backpropagation and the numerical gradient differ for {params}."),
    "backprop.check_unsure": (
        "{params} で逆伝播と数値微分が一致しませんが、ここでは勾配確認は当てになりません（下の折れ目の説明）。"
        "実装の誤りとは限りません。",
        "Backpropagation and the numerical gradient differ for {params}, but the check cannot be "
        "trusted here (see the kink below): this is not necessarily a bug.",
    ),
    "backprop.near_kink": (
        "ReLU の入力 a1 に 0 にごく近い値があります。数値微分で 1 層目のパラメータ（重み W1・バイアス b1）を"
        " ±h 動かすと折れ目（0）をまたぐことがあり、そのときは正しい実装でも相対誤差が大きくなります。"
        "折れ目の上では W1・b1 の勾配確認は当てになりません（W2・b2 は a1 を動かさないので影響を受けません）。",
        "Some ReLU input a1 is very close to 0. Moving a first-layer parameter (the weights W1 or "
        "the bias b1) by ±h for the numerical gradient can cross the kink at 0, and then the "
        "relative error is large even for correct layers. On the kink the check of W1 and b1 cannot "
        "be trusted (W2 and b2 do not move a1, so they are unaffected).",
    ),
    "backprop.code.bug": ("バグ：", "Bug: "),  # the marker words in the planted bugs' comments
    "backprop.code.should_be": ("正しくは ", "should be "),
    "backprop.code.missing": (" が抜けている", " is missing"),
    "backprop.compare": ("勾配を並べて見る（逆伝播 / 数値微分）", "See the gradients side by side (backprop / numerical)"),
    "backprop.analytic": ("逆伝播", "Backpropagation"),
    "backprop.numeric": ("数値微分", "Numerical"),
    # --- a link's bad values
    "backprop.warn.not_a_number": ("URL の {field}=「{value}」は数値として読めません。既定値 {default} を使います。",
                                   "URL value {field}='{value}' is not a number. Using the default {default}."),
    "backprop.warn.out_of_range": ("URL の {field}={value} は範囲外です（{lo}〜{hi}）。既定値 {default} を使います。",
                                   "URL value {field}={value} is out of range ({lo} to {hi}). Using the default {default}."),
    "backprop.warn.not_allowed": ("URL の {field}={value} は使えない値です。既定値 {default} を使います。",
                                  "URL value {field}={value} is not allowed. Using the default {default}."),
    "backprop.warn.step": ("URL の step={value} はこの例の最後のステップ {last} を超えています。ステップ 0 から始めます。",
                           "URL value step={value} is past this example's last step ({last}). Starting at step 0."),
}
