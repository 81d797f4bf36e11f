"""UI strings for the regularisation lab (/regularization): key -> (Japanese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "nav.regularization": ("初期化・正規化・正則化", "Init, norm & regularisation"),
    "reg.title": ("初期化・正規化・正則化", "Initialisation, normalisation, regularisation"),
    "reg.intro": (
        "重みの初期値とバッチ正規化が各層の出力の分布をどう変えるか、そして過学習を正則化がどう抑えるかを、"
        "その場で計算して確かめます。",
        "See, computed on the spot, how the initial weights and batch normalisation shape each "
        "layer's outputs, and how regularisation curbs overfitting.",
    ),
    "reg.tab.init": ("① 初期化とバッチ正規化", "① Initialisation & batch norm"),
    "reg.tab.overfit": ("② 正則化", "② Regularisation"),
    # --- ① ---------------------------------------------------------------------------
    "reg.init.heading": ("各層の出力（活性化）のヒストグラム", "Each layer's outputs (activations)"),
    "reg.init.setup": (
        "5 層・各層 100 ノードの全結合ネットワーク（バイアスなし）に、標準正規分布の入力 1000 個を通します"
        "（乱数の種は固定）。",
        "A fully connected network of 5 layers, 100 nodes each (no biases), fed 1000 standard "
        "Gaussian inputs (fixed random seed).",
    ),
    "reg.init.activation": ("活性化関数", "Activation function"),
    "reg.init.init": ("重みの初期値", "Initial weights"),
    "reg.init.act.sigmoid": ("シグモイド", "Sigmoid"),
    "reg.init.act.relu": ("ReLU", "ReLU"),
    "reg.init.act.tanh": ("tanh", "tanh"),
    "reg.init.opt.std1": ("標準偏差 1", "Std 1"),
    "reg.init.opt.std001": ("標準偏差 0.01", "Std 0.01"),
    "reg.init.opt.xavier": ("Xavier（1/√n）", "Xavier (1/√n)"),
    "reg.init.opt.he": ("He（√(2/n)）", "He (√(2/n))"),
    "reg.init.sigma": ("重みは平均 0・標準偏差 σ = {sigma:.4g} の正規分布から（n = {n} は前の層のノード数）。",
                       "Weights drawn from a normal distribution with mean 0 and σ = {sigma:.4g} "
                       "(n = {n} nodes in the previous layer)."),
    "reg.init.plain": ("バッチ正規化なし", "Without batch normalisation"),
    "reg.init.bn": ("バッチ正規化あり（各活性化の直前、学習時の形、γ = 1、β = 0）",
                    "With batch normalisation (before each activation, training mode, γ = 1, β = 0)"),
    "reg.init.layer": ("{layer} 層目", "Layer {layer}"),
    "reg.init.zero_note": ("0 の割合 {share:.0%}", "zeros {share:.0%}"),
    "reg.init.share": ("割合", "Share"),
    "reg.init.alt": ("{setting}：5 層それぞれの出力のヒストグラム。{reading}",
                     "{setting}: histograms of the outputs of the 5 layers. {reading}"),
    "reg.read.saturate": (
        "出力の {near:.0%} が両端（{lo:g} と {hi:g} のそれぞれ出力幅の 10% 以内）に偏っています（飽和）。"
        "そこでは勾配がほぼ 0 になり、勾配消失が起きます。",
        "{near:.0%} of the outputs sit at the ends (within 10% of the range of {lo:g} or {hi:g}): "
        "saturation. The gradient there is almost 0, so it vanishes.",
    ),
    "reg.read.collapse": (
        "最後の層の出力は {mean:.3g} 付近に集中（標準偏差 {std:.3g}、出力幅の 5% 未満）。"
        "どのノードもほぼ同じ値を出すので、ノードを増やした意味がありません（表現力の制限）。",
        "The last layer's outputs crowd around {mean:.3g} (std {std:.3g}, under 5% of the "
        "range). Every node outputs nearly the same value, so the extra nodes add nothing "
        "(limited expressiveness).",
    ),
    "reg.read.spread": (
        "出力は端にも 1 点にも偏らず広がっています（両端にある割合は平均 {near:.0%}、最後の層の標準偏差 {std:.3g}）。",
        "The outputs spread out, neither at the ends nor on one value (on average {near:.0%} "
        "at the ends; last layer's std {std:.3g}).",
    ),
    "reg.read.explode": (
        "出力の標準偏差が 1 層ごとに平均 {g:.3g} 倍に増えています（深くなるほど発散）。",
        "The outputs' std grows {g:.3g}-fold per layer on average: it explodes with depth.",
    ),
    "reg.read.vanish": (
        "出力の標準偏差が 1 層ごとに平均 {g:.3g} 倍に縮み、深い層では信号がほぼ 0 になります。",
        "The outputs' std shrinks to {g:.3g} of itself per layer on average: deep layers get "
        "almost no signal.",
    ),
    "reg.read.shrink": (
        "出力の標準偏差が 1 層ごとに平均 {g:.3g} 倍に縮んでいます（深くなるほど 0 に偏る）。",
        "The outputs' std shrinks to {g:.3g} of itself per layer on average: deeper layers "
        "lean towards 0.",
    ),
    "reg.read.keep": (
        "出力の標準偏差は 1 層ごとに平均 {g:.3g} 倍：広がりが層を通して保たれています。",
        "The outputs' std changes {g:.3g}-fold per layer on average: the spread holds through "
        "the layers.",
    ),
    "reg.init.bn_stats": (
        "バッチ正規化の出力（活性化の入力）は全層・全ノードで平均の絶対値 ≤ {m:.1e}、標準偏差 {lo:.4f}〜{hi:.4f}："
        "どの層も平均 0・分散 1 にそろいます。",
        "Batch normalisation's output (the activation's input), over all layers and nodes: "
        "|mean| ≤ {m:.1e}, std {lo:.4f} to {hi:.4f}. Every layer is brought to mean 0, "
        "variance 1.",
    ),
    "reg.init.rule": (
        "判定の目安（このページの計算による）：シグモイドと tanh は、両端に出力の半分以上があれば「飽和」、"
        "最後の層の標準偏差が出力幅の 5% 未満なら「集中」。ReLU は、標準偏差の 1 層あたりの倍率が"
        " 1.5 超で「発散」、0.3 未満で「消失」、0.85 未満で「縮小」。",
        "How the reading is decided (by this page's computation): for sigmoid and tanh, half "
        "the outputs or more at the ends is saturation, a last-layer std under 5% of the range "
        "is a collapse. For ReLU, the std's factor per layer above 1.5 is an explosion, below "
        "0.3 a vanishing signal, below 0.85 a shrinking one.",
    ),
    "reg.init.lesson": (
        "教科書の結論：シグモイドや tanh には Xavier の初期値（標準偏差 1/√n）、ReLU には He の初期値"
        "（標準偏差 √(2/n)）。バッチ正規化は各層の入力を平均 0・分散 1 に正規化するので、初期値への依存が小さくなります。"
        "推論時は学習中に記録した移動平均を使います。",
        "The textbook's conclusion: Xavier's initial weights (std 1/√n) for sigmoid and tanh, "
        "He's (std √(2/n)) for ReLU. Batch normalisation normalises each layer's input to mean "
        "0, variance 1, so the initial scale matters much less. At inference it uses the "
        "running averages kept during training.",
    ),
}
