"""UI strings for the regularisation lab (/regularization): key -> (Japanese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "nav.regularization": ("初期化・正規化・正則化", "Init, norm & regularisation"),
    "home.desc.regularization": (
        "重みの初期値とバッチ正規化で各層の出力がどう変わるか、過学習を正則化がどう抑えるかを見る。",
        "See how initial weights and batch normalisation shape each layer's outputs, and how "
        "regularisation curbs overfitting.",
    ),
    "reg.title": ("初期化・正規化・正則化", "Initialisation, normalisation, regularisation"),
    "reg.intro": (
        "重みの初期値とバッチ正規化が各層の出力の分布をどう変えるか、そして過学習を正則化がどう抑えるかを、"
        "その場で計算して確かめます。",
        "See, computed on the spot, how the initial weights and batch normalisation shape each "
        "layer's outputs, and how regularisation curbs overfitting.",
    ),
    "reg.tab.init": ("① 初期化とバッチ正規化", "① Initialisation & batch norm"),
    "reg.tab.overfit": ("② 正則化", "② Regularisation"),
    # a bad value in the page's URL (?tab=…&act=…&init=…&fit=…&l2=…&l1=…&dropout=…&early=…)
    "reg.url.tab": ("タブ", "Tab"),
    "reg.url.l2": ("L2 の λ", "L2's λ"),
    "reg.url.l1": ("L1 の λ", "L1's λ"),
    "reg.url.early": ("早期終了の patience", "Early stopping's patience"),
    "reg.warn.bad_choice": ("URL の {field}「{value}」は選べません。既定の「{default}」を使います。",
                            "The URL's {field} “{value}” is not a choice here. Using the "
                            "default, “{default}”."),
    "reg.warn.not_offered": (
        "URL の {field}「{value}」は選べる値（{offered}）にありません。既定値 {default} を使います。",
        "The URL's {field} “{value}” is not one of the values offered ({offered}). Using "
        "the default, {default}.",
    ),
    # --- ① ---------------------------------------------------------------------------
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
    # two short lines: five panels side by side on a phone leave ~55 px each
    "reg.init.zero_note": ("0 の割合<br>{share:.0%}", "zeros<br>{share:.0%}"),
    "reg.init.share": ("割合", "Share"),
    "reg.init.relu_axis": (
        "ReLU の横軸は 5 層とも同じ 0〜{top:.3g}（幅の広い層に合わせる）。最初の区間（0〜{bin:.3g}）に入る正の出力は"
        " 1 層目 {first:.0%}、5 層目 {last:.0%}。",
        "ReLU's x axis is the same 0 to {top:.3g} for all 5 layers (fitted to the widest). "
        "Positive outputs in the first bin (0 to {bin:.3g}): layer 1 {first:.0%}, layer 5 "
        "{last:.0%}.",
    ),
    "reg.init.alt": ("{setting}：5 層それぞれの出力のヒストグラム。{reading}",
                     "{setting}: histograms of the outputs of the 5 layers. {reading}"),
    "reg.read.saturate": (
        "出力の {near:.0%} が両端（{lo:g} と {hi:g} のそれぞれ出力幅の 10% 以内）に偏っています（飽和）。"
        "そこでは傾き h′ が {slope:.2g} 以下（最大値 {peak:.2g} の {ratio:.0%} 以下）と小さく、層を重ねるほど勾配が消失します。",
        "{near:.0%} of the outputs sit at the ends (within 10% of the range of {lo:g} or {hi:g}): "
        "saturation. The slope h′ there is at most {slope:.2g} ({ratio:.0%} of its peak {peak:.2g} "
        "or less), so the gradient vanishes through the layers.",
    ),
    "reg.read.collapse": (
        "最後の層の出力は {mean:g} 付近に集中（標準偏差 {std:.3g}、出力幅の 5% 未満）。"
        "どのノードもほぼ同じ値を出すので、ノードを増やした意味がありません（表現力の制限）。",
        "The last layer's outputs crowd around {mean:g} (std {std:.3g}, under 5% of the "
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
        "出力の標準偏差が 1 層ごとに平均 {g:.3g} 倍に縮み、深い層では信号がほぼ 0 になります（消失）。",
        "The outputs' std shrinks to {g:.3g} of itself per layer on average: deep layers get "
        "almost no signal (it vanishes).",
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
        "標準偏差の 1 層あたりの倍率が 0.3 未満なら「消失」、最後の層の標準偏差が出力幅の 5% 未満なら「集中」。"
        "ReLU は、標準偏差の 1 層あたりの倍率が 1.5 超で「発散」、0.3 未満で「消失」、0.85 未満で「縮小」。",
        "How the reading is decided (by this page's computation): for sigmoid and tanh, half "
        "the outputs or more at the ends is saturation, the std's factor per layer below 0.3 a "
        "vanishing signal, a last-layer std under 5% of the range a collapse. For ReLU, the "
        "std's factor per layer above 1.5 is an explosion, below 0.3 a vanishing signal, below "
        "0.85 a shrinking one.",
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
STRINGS.update({
    # --- ② ---------------------------------------------------------------------------
    "reg.fit.heading": ("訓練と検証の損失", "Training and validation loss"),
    "reg.fit.setup": (
        "ノイズの多い 2 クラスの月形データ：訓練 {n_train} 点、検証 {n_val} 点（同じ分布から別に生成）。"
        "隠れ層 {hidden} ノード（ReLU）の 2 層ネットワークを、全データ一括の SGD（学習率 {lr:g}）で {epochs} エポック学習します（乱数の種は固定）。"
        "損失はソフトマックス交差エントロピーで、ペナルティ項を含まず、推論時の形（ドロップアウトなし）で測ります。",
        "Noisy two-class moons: {n_train} training points and {n_val} validation points (drawn "
        "apart from the same distribution). A 2-layer net with {hidden} hidden ReLU nodes is "
        "trained by full-batch SGD (learning rate {lr:g}) for {epochs} epochs (fixed seed). The "
        "loss is the softmax cross-entropy, measured without the penalty and at inference (no "
        "dropout).",
    ),
    "reg.fit.method": ("正則化", "Regularisation"),
    "reg.fit.m.none": ("なし", "None"),
    "reg.fit.m.l2": ("L2（荷重減衰）", "L2 (weight decay)"),
    "reg.fit.m.l1": ("L1", "L1"),
    "reg.fit.m.dropout": ("ドロップアウト", "Dropout"),
    "reg.fit.m.early": ("早期終了", "Early stopping"),
    "reg.fit.lambda": ("λ（正則化の強さ）", "λ (strength)"),
    "reg.fit.ratio": ("ドロップアウト率 r", "Dropout ratio r"),
    "reg.fit.patience": ("patience（改善のないエポック数の上限）", "Patience (epochs without improvement)"),
    "reg.fit.train": ("訓練", "Training"),
    "reg.fit.val": ("検証", "Validation"),
    "reg.fit.train_none": ("訓練（正則化なし）", "Training (none)"),
    "reg.fit.val_none": ("検証（正則化なし）", "Validation (none)"),
    "reg.fit.stop": ("早期終了で残す重み", "Weights early stopping keeps"),
    "reg.fit.epoch": ("エポック", "Epoch"),
    "reg.fit.loss": ("損失", "Loss"),
    "reg.fit.loss_alt": ("訓練と検証の損失のエポックごとの推移。{reading}",
                         "Training and validation loss per epoch. {reading}"),
    "reg.fit.gap": (
        "{label}：最終エポックの損失は訓練 {train:.3f}、検証 {val:.3f}（正解率 訓練 {train_acc:.0%}、検証 {val_acc:.0%}）。",
        "{label}: final loss {train:.3f} on training, {val:.3f} on validation (accuracy "
        "{train_acc:.0%} and {val_acc:.0%}).",
    ),
    "reg.fit.verdict.helps": (
        "{label}で最終エポックの検証損失が正則化なしの {base:.3f} から {val:.3f} に下がりました：過学習を抑えています。",
        "{label} lowers the final validation loss from {base:.3f} (no regularisation) to "
        "{val:.3f}: it curbs the overfitting.",
    ),
    "reg.fit.verdict.same": (
        "この設定では{label}は過学習を抑えていません：最終エポックの検証損失 {val:.3f} は正則化なしの {base:.3f} とほぼ同じです"
        "（差 5% 未満）。",
        "Here {label} does not curb the overfitting: its final validation loss {val:.3f} is "
        "about the same as without regularisation, {base:.3f} (less than 5% apart).",
    ),
    "reg.fit.verdict.hurts": (
        "この設定では{label}は逆効果です：最終エポックの検証損失 {val:.3f} は正則化なしの {base:.3f} より 5% 以上高くなっています。",
        "Here {label} makes things worse: its final validation loss {val:.3f} is 5% or more "
        "above the {base:.3f} without regularisation.",
    ),
    "reg.fit.overfit": (
        "正則化なしでは訓練損失 {train:.3f} が検証損失 {val:.3f} の {ratio:.0%} しかありません：訓練データに合わせすぎています（過学習）。",
        "Without regularisation the training loss {train:.3f} is only {ratio:.0%} of the "
        "validation loss {val:.3f}: the net fits the training points too closely (overfitting).",
    ),
    "reg.fit.early_note": (
        "早期終了（patience {patience}）：検証損失が最小のエポック {best} で重みを残し、{stop} エポックで学習を止めます。"
        "そこでの検証損失 {val:.3f}（最終エポックでは {last:.3f}）。",
        "Early stopping (patience {patience}) keeps the weights of epoch {best}, the lowest "
        "validation loss, and stops at epoch {stop}. Validation loss there {val:.3f} (at the "
        "last epoch {last:.3f}).",
    ),
    "reg.fit.early_none": (
        "早期終了（patience {patience}）：検証損失はエポック {best} で最小（{val:.3f}）。{patience} エポック続けて改善しないことが一度もなかったので、最後まで学習します。",
        "Early stopping (patience {patience}): the lowest validation loss is at epoch {best} "
        "({val:.3f}); it never went {patience} epochs without improving, so training runs to "
        "the end.",
    ),
    "reg.fit.weights": ("重み", "Weights"),
    "reg.fit.col_run": ("学習", "Run"),
    "reg.fit.col_norm": ("重みのノルム ‖W‖", "Weight norm ‖W‖"),
    "reg.fit.col_zero": ("|w| < {th:g} の割合", "Share with |w| < {th:g}"),
    "reg.fit.weights_note": (
        "L2 は重み全体を小さくし、L1 は多くの重みを 0 に押しつけます（疎になる）。"
        "L1 の劣勾配 λ·sign(w) は 0 の近くでも大きさ λ のままなので、勾配降下では重みが 0 をはさんで行き来し、ちょうど 0 にはなりません。そこで |w| < {th:g} を 0 とみなします。",
        "L2 shrinks every weight; L1 pushes many weights to 0 (sparse). L1's subgradient "
        "λ·sign(w) keeps its size λ right up to 0, so under gradient descent a weight hops "
        "back and forth across 0 and never lands on it exactly: |w| < {th:g} counts as 0.",
    ),
    "reg.fit.dropout_note": (
        "逆ドロップアウト：学習時は各ノードを確率 r で 0 にし、残りを 1/(1 − r) 倍します。推論時は何もしません。"
        "（教科書の Dropout は学習時に倍率をかけず、推論時に (1 − r) 倍します。出力の期待値はどちらも同じです。）",
        "Inverted dropout: in training each node is zeroed with probability r and the rest are "
        "scaled by 1/(1 − r); at inference nothing happens. (The textbook's Dropout does not "
        "scale in training and multiplies by (1 − r) at inference; the expected output is the "
        "same either way.)",
    ),
    "reg.fit.boundary": ("決定境界（P = 0.5 の線）と訓練データ", "Decision boundary (P = 0.5) and the training points"),
    "reg.fit.boundary_alt": ("左は正則化なし、右は {label} で学習したネットワークの決定境界。",
                             "Decision boundaries of the net trained without regularisation (left) and with {label} (right)."),
    "reg.fit.class0": ("クラス 0", "Class 0"),
    "reg.fit.class1": ("クラス 1", "Class 1"),
    "reg.fit.at_epoch": ("{label}（エポック {epoch}）", "{label} (epoch {epoch})"),
})
