"""UI strings for the gradients page: key -> (Japanese, English).

Numbers in the text are {fields} the page fills from computed values, never typed in.
"""

STRINGS: dict[str, tuple[str, str]] = {
    "gradients.title": ("勾配フロー・ラボ", "Gradient-flow lab"),
    "gradients.intro": (
        "活性化関数の3つの役割 — **非線形性の導入**・**勾配の制御**・**出力の正規化** — を、"
        "NumPy で実際に計算して確かめます。E資格の頻出テーマ「勾配消失問題と活性化関数の関係」を"
        "4つの実験で見ていきましょう。",
        "The three roles of an activation — **introducing nonlinearity**, **controlling the "
        "gradient** and **normalising the output** — computed in NumPy, not just stated. Four "
        "experiments on the exam theme “vanishing gradients and activation functions”.",
    ),
    "gradients.tab.depth": ("① 深さ", "① Depth"),
    "gradients.tab.mlp": ("② 深いMLP", "② Deep MLP"),
    "gradients.tab.dead": ("③ Dying ReLU", "③ Dying ReLU"),
    "gradients.tab.train": ("④ 非線形性", "④ Nonlinearity"),
    "gradients.computing": ("ネットワークを計算中…", "Running the network…"),
    "gradients.none": ("活性化関数を1つ以上選んでください。", "Choose at least one activation."),
    # ① depth arithmetic
    "gradients.depth.lead": (
        "**役割：勾配の制御。** 誤差逆伝播では、層を1つさかのぼるたびに活性化関数の微分 "
        "$h'(z)$ が掛かります。$L$ 層ぶんの積は、どんな入力でも $(\\max_x |h'(x)|)^L$ 以下です。"
        "シグモイドでは $\\max \\sigma'(x) = {sig_max}$（$x = {sig_x}$）なので、"
        "10 層で ${sig_max}^{{10}} \\approx {sig_pow10}$ — これが**勾配消失**です。"
        "tanh の最大値は ${tanh_max}$、ReLU の微分は 1（$x>0$）か 0（$x \\le 0$）です。",
        "**Role: controlling the gradient.** Backpropagation multiplies by the derivative "
        "$h'(z)$ at every layer it passes. Through $L$ layers the product is at most "
        "$(\\max_x |h'(x)|)^L$. For the sigmoid, $\\max \\sigma'(x) = {sig_max}$ (at $x = {sig_x}$), "
        "so 10 layers give ${sig_max}^{{10}} \\approx {sig_pow10}$: the **vanishing gradient**. "
        "tanh's maximum is ${tanh_max}$; ReLU's derivative is 1 ($x>0$) or 0 ($x \\le 0$).",
    ),
    "gradients.depth.fns": ("比べる活性化関数", "Activations to compare"),
    "gradients.depth.L": ("層の数 L（対数目盛）", "Number of layers L (log scale)"),
    "gradients.depth.mode": ("各層の入力 z", "Each layer's input z"),
    "gradients.depth.mode.max": ("|h'| が最大になる z（上限）", "z where |h'| is largest (upper bound)"),
    "gradients.depth.mode.x": ("全層で同じ z を指定", "the same z in every layer"),
    "gradients.depth.x": ("z の値", "Value of z"),
    "gradients.depth.x_axis": ("層の数 L", "Number of layers L"),
    "gradients.depth.y_axis": ("|h'| の積（対数目盛）", "Product of |h'| (log scale)"),
    "gradients.depth.col.fn": ("活性化関数", "Activation"),
    "gradients.depth.col.max": ("max |h'|（数値探索）", "max |h'| (found numerically)"),
    "gradients.depth.col.argmax": ("最大となる z", "where"),
    "gradients.depth.col.factor": ("1層あたりの因子", "Factor per layer"),
    "gradients.depth.col.product": ("L 層の積", "Product over L layers"),
    "gradients.depth.argmax.interval": ("区間全体で最大", "on a whole interval"),
    "gradients.depth.argmax.limit": ("z → ∞ の極限", "the limit as z → ∞"),
    "gradients.depth.zero": (
        "積が 0 の関数（例：$z \\le 0$ の ReLU、ステップ関数）は対数目盛に描けないので線がありません。",
        "A product of 0 (ReLU at $z \\le 0$, the step function) cannot be drawn on a log axis, "
        "so it has no line.",
    ),
    "gradients.depth.note": (
        "実際の勾配には重み $W$ の因子も掛かります。その大きさを揃えるのが初期化（Xavier・He）で、"
        "②で確かめられます。GELU などで因子が 1 を超えるのは上限の話で、実際の入力では多くの層で 1 未満です。",
        "Real gradients also pick up a factor from each weight matrix $W$; the initialisation "
        "(Xavier, He) sets its size, as ② shows. A bound above 1 (GELU, for example) is only a "
        "bound: at actual inputs most layers give less.",
    ),
    # ② deep MLP
    "gradients.mlp.lead": (
        "**役割：勾配の制御と出力の正規化。** 重みをランダムに初期化した深い全結合ネット（学習はしません）に"
        "標準正規分布の入力バッチを流し、出力側から大きさ 1 の勾配を逆伝播します。"
        "上：各層の出力（活性）の分布。シグモイドは (0, 1)、tanh は (−1, 1) に収まります。"
        "下：各層の活性の標準偏差と、逆伝播した勾配 $\\|\\partial L/\\partial z_l\\|$（対数目盛）。"
        "入力側（層 1）で勾配が小さいほど、前の層が学習されません。",
        "**Roles: controlling the gradient and normalising the output.** A deep fully connected "
        "net with random weights (no training) gets a batch of standard Gaussian inputs; a "
        "gradient of norm 1 is backpropagated from the output. Top: the spread of each layer's "
        "activations; sigmoid stays in (0, 1), tanh in (−1, 1). Bottom: the activations' standard "
        "deviation and the backpropagated gradient $\\|\\partial L/\\partial z_l\\|$ per layer "
        "(log scale). The smaller the gradient at layer 1, the less the early layers learn.",
    ),
    "gradients.list_sep": ("、", ", "),
    "gradients.depth.overlap": (
        "{names} の線は同じ値で重なっています：先に描いた太い線が、後の細い線（別の破線・白抜きの印）の"
        "縁と隙間に見えます。",
        "The lines of {names} coincide (equal values): the earlier, wider line shows around and "
        "between the later, narrower one (another dash, hollow markers).",
    ),
    "gradients.mlp.try": (
        "いまの設定（{init}・{depth} 層）の判定：{verdicts}。上のボタンで、"
        "重みの標準偏差が大きすぎると勾配が**爆発**し、小さすぎると消失する様子も見られます。",
        "With these settings ({init}, {depth} layers): {verdicts}. The buttons above also show "
        "a weight scale that is too large (the gradient **explodes**) and one that is too small "
        "(it vanishes).",
    ),
    "gradients.mlp.presets": ("ワンクリックで設定（50 層 × 256 ユニット）：",
                              "One-click settings (50 layers × 256 units):"),
    "gradients.mlp.preset.vanish": ("シグモイド × Xavier", "Sigmoid × Xavier"),
    "gradients.mlp.preset.steady": ("ReLU × He", "ReLU × He"),
    "gradients.mlp.preset.explode": ("大きすぎる σ = 0.2", "Too large: σ = 0.2"),
    "gradients.mlp.preset.shrink": ("小さすぎる σ = 0.05", "Too small: σ = 0.05"),
    "gradients.mlp.depth": ("層の数", "Layers"),
    "gradients.mlp.width": ("各層のユニット数", "Units per layer"),
    "gradients.mlp.batch": ("バッチサイズ（入力の数）", "Batch size (inputs)"),
    "gradients.mlp.init": ("重みの初期化", "Weight initialisation"),
    "gradients.mlp.init.xavier": ("Xavier（√(1/n)）", "Xavier (√(1/n))"),
    "gradients.mlp.init.he": ("He（√(2/n)）", "He (√(2/n))"),
    "gradients.mlp.init.custom": ("カスタム", "Custom"),
    "gradients.mlp.std": ("重みの標準偏差", "Weight standard deviation"),
    "gradients.mlp.fns": ("並べる活性化関数（最大4つ）", "Activations side by side (up to 4)"),
    "gradients.mlp.seed": ("乱数シード", "Random seed"),
    "gradients.mlp.std_used": (
        "各層の重みの標準偏差：{std}（n = {width}）",
        "Weight standard deviation per layer: {std} (n = {width})",
    ),
    "gradients.mlp.bands": ("各層の活性の分布", "Activations per layer"),
    "gradients.mlp.bands_legend": (
        "濃い帯：25–75 %、薄い帯：5–95 %、線：中央値（各層の全ユニット×全入力から）。",
        "Dark band: 25–75 %, light band: 5–95 %, line: median (over all units and inputs of "
        "each layer).",
    ),
    "gradients.mlp.band.outer": ("5–95 %", "5–95 %"),
    "gradients.mlp.band.inner": ("25–75 %", "25–75 %"),
    "gradients.mlp.band.median": ("中央値", "median"),
    "gradients.mlp.layer": ("層（1 = 入力側）", "Layer (1 = input side)"),
    "gradients.mlp.value": ("活性の値", "Activation value"),
    "gradients.mlp.norm.std": ("活性の標準偏差（対数）", "Std of the activations (log)"),
    "gradients.mlp.norm.grad": ("勾配のノルム ‖∂L/∂z‖（対数）", "Gradient norm ‖∂L/∂z‖ (log)"),
    "gradients.mlp.col.fn": ("活性化関数", "Activation"),
    "gradients.mlp.col.grad_first": ("層 1 の勾配", "Gradient at layer 1"),
    "gradients.mlp.col.grad_last": ("最終層の勾配", "Gradient at the last layer"),
    "gradients.mlp.col.ratio": ("比（層1 ÷ 最終層）", "Ratio (layer 1 ÷ last)"),
    "gradients.mlp.col.verdict": ("判定", "Verdict"),
    "gradients.mlp.verdict.vanish": ("消失", "vanishing"),
    "gradients.mlp.verdict.explode": ("爆発", "exploding"),
    "gradients.mlp.verdict.steady": ("安定", "steady"),
    "gradients.mlp.verdict.overflow": ("オーバーフロー", "overflow"),
    "gradients.mlp.overflow.forward": (
        "{fn}：層 {layer} で活性が計算できる範囲（float32）を超えました（爆発）。それより先の層は描けません。",
        "{fn}: the activations left the computable (float32) range at layer {layer} (explosion); later layers "
        "are not drawn.",
    ),
    "gradients.mlp.overflow.backward": (
        "{fn}：逆伝播の途中、層 {layer} で勾配のノルムが 10^150 を超えました（爆発）。",
        "{fn}: the backpropagated gradient norm passed 10^150 at layer {layer} (explosion).",
    ),
    "gradients.mlp.verdict_note": (
        "判定は比が {low} 未満で「消失」、{high} 超で「爆発」としています（目安）。",
        "The verdict calls a ratio below {low} vanishing and above {high} exploding (a rule of "
        "thumb).",
    ),
    # ③ dying ReLU
    "gradients.dead.lead": (
        "**役割：勾配の制御（の失敗）。** ReLU は $z \\le 0$ で出力も微分も 0 です。"
        "バッチのどの入力に対しても 0 を出すユニットには勾配が流れず、二度と学習されません（死んだユニット）。"
        "バイアスを負にずらすと死んだユニットが増えます。Leaky ReLU・ELU・GELU は負の側でも"
        "出力が 0 にならず勾配も残るので、この意味では死にません。",
        "**Role: controlling the gradient (and failing).** ReLU outputs 0, with derivative 0, "
        "for $z \\le 0$. A unit that outputs 0 for every input in the batch gets no gradient and "
        "never learns again: it is dead. Shifting the biases negative kills more units. Leaky "
        "ReLU, ELU and GELU are not 0 on the negative side and keep a gradient there, so they do "
        "not die in this sense.",
    ),
    "gradients.dead.bias": ("バイアスのシフト（全ユニット）", "Bias shift (every unit)"),
    "gradients.dead.fns": ("比べる活性化関数（最大4つ）", "Activations to compare (up to 4)"),
    "gradients.dead.settings": (
        "ネットワーク：{depth} 層 × {width} ユニット、バッチ {batch}、初期化 {init}、シード {seed}（②の設定と共通）。",
        "Network: {depth} layers × {width} units, batch {batch}, {init} initialisation, seed "
        "{seed} (shared with ②).",
    ),
    "gradients.dead.y": ("死んだユニットの割合", "Dead units"),
    "gradients.dead.col.fn": ("活性化関数", "Activation"),
    "gradients.dead.col.mean": ("全層の平均", "Mean over layers"),
    "gradients.dead.col.last": ("最終層", "Last layer"),
    "gradients.dead.note": (
        "バイアスが 0 でも、ReLU の深いネットでは層が進むほど入力どうしの違いが薄れ、"
        "全入力で 0 を出すユニットが現れます。",
        "Even with zero bias, a deep ReLU net makes the inputs look more and more alike layer by "
        "layer, and units that output 0 for all of them appear.",
    ),
    # ④ why nonlinearity
    "gradients.train.lead": (
        "**役割：非線形性の導入。** 隠れ層 2 層の小さな MLP を NumPy だけで学習します"
        "（逆伝播には各関数の導関数 $h'$ をそのまま使います）。出力はシグモイドで確率 $p \\in (0, 1)$ に正規化し、"
        "損失は交差エントロピーです。恒等関数を選ぶと、何層重ねても全体は 1 つの線形写像に潰れるので"
        "境界は直線にしかならず、XOR は解けません。",
        "**Role: introducing nonlinearity.** A small MLP with two hidden layers is trained in "
        "NumPy (backprop uses each function's own derivative $h'$). The output sigmoid normalises it to a "
        "probability $p \\in (0, 1)$; the loss is the cross-entropy. With the identity, any number "
        "of layers collapses into one linear map: the boundary can only be a straight line, and "
        "XOR cannot be solved.",
    ),
    "gradients.train.data": ("データ", "Data"),
    "gradients.train.data.xor": ("XOR", "XOR"),
    "gradients.train.data.circles": ("同心円", "Circles"),
    "gradients.train.data.spiral": ("渦巻き", "Spiral"),
    "gradients.train.data.moons": ("三日月", "Moons"),
    "gradients.train.fn": ("隠れ層の活性化関数", "Hidden-layer activation"),
    "gradients.train.optimizer": ("最適化手法", "Optimiser"),
    "gradients.train.opt.adam": ("Adam", "Adam"),
    "gradients.train.opt.gd": ("勾配降下法（全バッチ）", "Gradient descent (full batch)"),
    "gradients.train.lr": ("学習率", "Learning rate"),
    "gradients.train.steps": ("学習ステップ数", "Training steps"),
    "gradients.train.width": ("隠れ層のユニット数", "Hidden units per layer"),
    "gradients.train.seed": ("乱数シード", "Random seed"),
    "gradients.train.stop": ("停止", "Stop"),
    "gradients.train.resume": ("続きを学習", "Resume"),
    "gradients.train.stopped": (
        "{done} / {total} ステップで停止しました。ここまでの結果です。"
        "「続きを学習」で再開します（設定を動かすと、その設定で最初から学習します）。",
        "Stopped at {done} / {total} steps: the results so far. 'Resume' trains on (moving a "
        "setting trains that setting from the start).",
    ),
    "gradients.train.progress": ("学習中… {done} / {total} ステップ", "Training… {done} / {total} steps"),
    "gradients.train.boundary": (
        "決定境界（黒線が p = 0.5、赤いほどクラス 1）",
        "Decision boundary (black line: p = 0.5; redder is class 1)",
    ),
    "gradients.train.loss": ("損失の推移", "Loss during training"),
    "gradients.train.class0": ("クラス 0", "class 0"),
    "gradients.train.class1": ("クラス 1", "class 1"),
    "gradients.train.proba": ("p(クラス1)", "p(class 1)"),
    "gradients.train.step_axis": ("ステップ", "Step"),
    "gradients.train.loss_axis": ("交差エントロピー（対数）", "Cross-entropy (log)"),
    "gradients.train.accuracy": ("訓練データの正解率", "Training accuracy"),
    "gradients.train.final_loss": ("最終の損失", "Final loss"),
    "gradients.train.diverged": (
        "学習が発散しました（値が float64 の範囲を超えました）。学習率を下げてください。",
        "Training diverged (values left the float64 range). Lower the learning rate.",
    ),
    "gradients.train.linear_note": (
        "恒等関数：ネット全体が線形なので、境界は直線です。XOR・同心円・渦巻きは直線では分けられません。",
        "Identity: the whole net is linear, so the boundary is a straight line. XOR, circles and "
        "the spiral cannot be split by a line.",
    ),
    "gradients.train.zero_grad_note": (
        "この関数の微分はほぼ至る所 0 なので、隠れ層に勾配が流れず、学習されるのは出力層だけです。",
        "This function's derivative is 0 almost everywhere: no gradient reaches the hidden "
        "layers, and only the output layer learns.",
    ),
    "gradients.train.init_note": (
        "重みは Xavier で初期化、バイアスは 0。データは 400 点（シード固定）。",
        "Weights start from Xavier, biases from 0. 400 points (seeded).",
    ),
    "gradients.depth.chart_alt": ("層の数 L に対する |h'| の積のグラフ（対数目盛）",
                                  "Product of |h'| against the number of layers L (log scale)"),
    "gradients.dead.chart_alt": ("層ごとの死んだユニットの割合のグラフ",
                                 "Share of dead units in each layer"),
}
