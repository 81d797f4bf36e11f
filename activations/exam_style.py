"""Exam-style NumPy implementations, written the way E資格 穴埋め questions show them.

These are for reading: short, textbook code (forward and backward of a layer, the max
subtraction in softmax, the loss layer's (y − t) / batch_size). Where the textbook line
breaks for some inputs, the code shows a form that does not and its comment says where the
textbook line breaks: the app's own questions mark those forms as broken, so the code a
learner studies must not use them. tests/test_exam_style.py checks every function against
the library's stable versions over wide ranges, with warnings as errors.
"""

import numpy as np
from scipy.special import erf


def step_function(x):
    return np.array(x > 0, dtype=int)


def sigmoid(x):
    # 教科書の形 1 / (1 + np.exp(-x)) は x <= -710 で np.exp(-x) がオーバーフローする
    # (結果は 0 に丸まるが警告が出る)。x の符号で分けると exp の引数はいつも 0 以下。
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def tanh(x):
    # 定義どおりの (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x)) は
    # |x| >= 710 で inf / inf = nan になる。np.tanh はすべての x で正しい。
    return np.tanh(x)


def identity_function(x):
    return x


def relu(x):
    return np.maximum(0, x)


def leaky_relu(x, alpha=0.01):
    return np.where(x > 0, x, alpha * x)


def elu(x, alpha=1.0):
    # np.expm1(x) は np.exp(x) - 1 と同じ値 (0 の近くでも桁落ちしない)。
    # np.where は両側を計算するので、np.minimum(x, 0) で x > 0 側の exp のオーバーフローを防ぐ。
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0)))


def gelu(x):
    # x < -8.4 で 1 + erf(...) が 0 に丸まり 0 を返す (真の値の大きさも 3e-16 未満)
    return 0.5 * x * (1 + erf(x / np.sqrt(2)))


def gelu_tanh(x):
    # x < -7.2 で 1 + np.tanh(...) が 0 に丸まり 0 を返す (真の値の大きさも 3e-16 未満)
    return 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x**3)))


def softplus(x):
    # 定義どおりの np.log(1 + np.exp(x)) は x >= 710 で inf、x <= -37 で 1 + np.exp(x) が
    # 1 に丸まって 0.0 になる (真の値は正)。log(1 + e^x) = max(x, 0) + log(1 + e^(-|x|)) と
    # 変形すると exp の引数は 0 以下になり、log1p が小さな値を保つ。np.logaddexp(0, x) も同じ。
    return np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))


def swish(x, beta=1.0):
    return x * sigmoid(beta * x)


def mish(x):
    return x * np.tanh(softplus(x))


def selu(x, alpha=1.6732632423543772, scale=1.0507009873554805):
    return scale * np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0)))


def prelu(x, alpha):
    # alpha は重みと一緒に学習するパラメータ (Leaky ReLU の傾きを学習で決める)
    return np.where(x > 0, x, alpha * x)


def relu6(x):
    return np.minimum(np.maximum(0, x), 6)


def hard_sigmoid(x):
    return relu6(x + 3) / 6


def hard_swish(x):
    return x * relu6(x + 3) / 6


def softmax(a):
    # a は 1 サンプル (C,) でもバッチ (N, C) でもよい: 最大値と和は行ごとに (axis=-1)。
    # keepdims=True で c の形が (N, 1) になり、a - c が行ごとに引き算される。
    # バッチで np.max(a), np.sum(exp_a) と書くと、バッチ全体の最大値と和で割ってしまい、
    # 各行の和が 1 にならない (1 サンプルなら同じ結果)。
    c = np.max(a, axis=-1, keepdims=True)
    exp_a = np.exp(a - c)  # オーバーフロー対策: 最大値を引いても結果は同じ
    sum_exp_a = np.sum(exp_a, axis=-1, keepdims=True)
    y = exp_a / sum_exp_a
    return y


def log_softmax(a):
    c = np.max(a, axis=-1, keepdims=True)
    return a - c - np.log(np.sum(np.exp(a - c), axis=-1, keepdims=True))


def cross_entropy_error(y, t):
    # y: softmax の出力 (N, C)。t: one-hot (N, C) か、正解ラベルの番号 (N,)。
    if y.ndim == 1:  # 1 サンプルなら (1, C) のバッチとして扱う
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    batch_size = y.shape[0]
    delta = 1e-7  # y = 0 のとき np.log(0) = -inf になるのを防ぐ (損失は最大 -log(1e-7) ≈ 16.1)
    if t.size == y.size:  # one-hot: 正解クラスの t = 1 の項だけが残る
        return -np.sum(t * np.log(y + delta)) / batch_size
    # 正解ラベル: 各行 i の正解クラス t[i] の確率 y[i, t[i]] だけを取り出す
    return -np.sum(np.log(y[np.arange(batch_size), t] + delta)) / batch_size


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None  # softmax の出力
        self.t = None  # 教師データ (one-hot か正解ラベル)

    def forward(self, x, t):
        # x: (N, C) のバッチ (1 サンプルでも (1, C) で渡す)
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        # 最後の層なので dout = 1。損失はバッチの平均なので、1 サンプルあたり 1 / batch_size。
        batch_size = self.t.shape[0]
        if self.t.size == self.y.size:  # one-hot
            dx = (self.y - self.t) / batch_size
        else:  # 正解ラベル: y から正解の位置だけ 1 を引く (one-hot の y - t と同じ)
            dx = self.y.copy()
            dx[np.arange(batch_size), self.t] -= 1
            dx = dx / batch_size
        return dx


class Sigmoid:
    def __init__(self):
        self.out = None

    def forward(self, x):
        out = sigmoid(x)
        self.out = out
        return out

    def backward(self, dout):
        dx = dout * (1.0 - self.out) * self.out
        return dx


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        dx = dout
        return dx


class Tanh:
    def __init__(self):
        self.out = None

    def forward(self, x):
        self.out = np.tanh(x)
        return self.out

    def backward(self, dout):
        dx = dout * (1.0 - self.out**2)
        return dx
