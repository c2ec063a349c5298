"""Loads networks that ANC trained, exported with `anc-host export <run> --format pytorch`.

    import anc_torch
    seed = anc_torch.load("export/seed-0")        # reads export.json and each party's .pt file
    ciphertext = seed.encrypt(plaintext, key)     # symmetric: bits as -1/+1 floats, one message per row
    plaintext = seed.decrypt(ciphertext, key).sign()
    seed.networks["eve"]                          # every party's torch.nn.Module, in eval mode

The module rebuilds ANC's built-in architectures (mix-transform in both variants, the control
ciphers, dense) with the parameter names ANC saves, so `load_state_dict` takes the exported
files as they are. Calls run without gradients; the networks are ordinary modules, so train or
inspect them as you would any other. Needs only PyTorch (1.13 or later).
"""

import json
import os
from collections import OrderedDict

import torch
from torch import nn

FORMAT = "anc-pytorch-1"


def _option(options, name, default):
    """An option by its camelCase name; enums are written as names, compared without case."""
    value = options.get(name, default)
    return value.lower() if isinstance(value, str) else value


def _same_padding(width, window, stride):
    """TensorFlow's SAME padding (left, right), as the paper's network pads."""
    output = (width + stride - 1) // stride
    total = max((output - 1) * stride + window - width, 0)
    return total // 2, total - total // 2


class MixTransform(nn.Module):
    """The paper's "mix and transform" network: a dense layer, then 1-D convolutions with SAME padding.

    variant "paper": sigmoid after the dense layer, convolutions (window, depth, stride)
    (4, 2, 1), (2, 4, 2), (1, 4, 1), (1, 1, 1); "reference" (the authors' code): no dense
    activation, (2, 2, 2), (1, 2, 1), (1, 1, 1). Sigmoid between convolutions, tanh after the last.
    """

    PAPER = [(4, 2, 1), (2, 4, 2), (1, 4, 1), (1, 1, 1)]
    REFERENCE = [(2, 2, 2), (1, 2, 1), (1, 1, 1)]

    def __init__(self, input_width, output_width, variant="paper"):
        super().__init__()
        if variant not in ("paper", "reference"):
            raise ValueError(f"mix-transform variant must be 'paper' or 'reference', not {variant!r}")
        layers = self.PAPER if variant == "paper" else self.REFERENCE
        self.dense_activation = variant == "paper"
        stride = 1
        for _, _, s in layers:
            stride *= s
        width = output_width * stride
        self.dense = nn.Linear(input_width, width)
        self.convolutions = nn.ModuleList()
        self.padding = []
        depth = 1
        for window, output_depth, s in layers:
            self.convolutions.append(nn.Conv1d(depth, output_depth, window, s))
            self.padding.append(_same_padding(width, window, s))
            width = (width + s - 1) // s
            depth = output_depth

    def forward(self, x):
        h = self.dense(x)
        if self.dense_activation:
            h = torch.sigmoid(h)
        h = h.unsqueeze(1)
        for i, convolution in enumerate(self.convolutions):
            left, right = self.padding[i]
            if left + right > 0:
                h = nn.functional.pad(h, (left, right))
            h = convolution(h)
            h = torch.sigmoid(h) if i < len(self.convolutions) - 1 else torch.tanh(h)
        return h.squeeze(1)


class ControlCipher(nn.Module):
    """ANC's known-answer controls: [P, K] to P (identity-cipher), P * K (one-time-pad) or P * K0 (fixed-key-xor)."""

    def __init__(self, bits, key):
        super().__init__()
        self.bits = bits
        self.key_kind = key
        if key == "fixed":
            self.register_buffer("key", torch.zeros(bits))

    def forward(self, x):
        plaintext = x[..., : self.bits]
        if self.key_kind == "message":
            return plaintext * x[..., self.bits : 2 * self.bits]
        if self.key_kind == "fixed":
            return plaintext * self.key
        return plaintext


def dense(input_width, output_width, hidden_widths=(32, 32), activation="relu"):
    """The selective-protection scenario's fully connected network: hidden layers with a nonlinearity, then a linear output."""
    layers = OrderedDict()
    width = input_width
    for i, hidden in enumerate(hidden_widths, start=1):
        layers[f"hidden{i}"] = nn.Linear(width, hidden)
        layers[f"{activation}{i}"] = nn.Tanh() if activation == "tanh" else nn.ReLU()
        width = hidden
    layers["output"] = nn.Linear(width, output_width)
    return nn.Sequential(layers)


def build(architecture, input_width, output_width):
    """A fresh network for an architecture as export.json names it ({"name": ..., "options": {...}})."""
    name = architecture["name"]
    options = architecture.get("options") or {}
    if name == "mix-transform":
        return MixTransform(input_width, output_width, _option(options, "variant", "paper"))
    if name in ("identity-cipher", "one-time-pad", "fixed-key-xor"):
        if input_width != 2 * output_width:
            raise ValueError(f"{name} needs input [plaintext, key] of width 2N; got {input_width} -> {output_width}")
        key = {"identity-cipher": "none", "one-time-pad": "message", "fixed-key-xor": "fixed"}[name]
        return ControlCipher(output_width, key)
    if name == "dense":
        return dense(input_width, output_width, options.get("hiddenWidths", [32, 32]), _option(options, "activation", "relu"))
    raise ValueError(f"anc_torch does not know architecture {name!r}; rebuild it yourself and load_state_dict the exported file")


class TrainedSeed:
    """One exported seed: its networks by party, and the scenario's calls over them."""

    def __init__(self, folder, description, networks):
        self.folder = folder
        self.description = description
        self.seed = description["seed"]
        self.scenario = description["scenario"]["name"]
        self.options = description["scenario"].get("options") or {}
        self.networks = networks

    def _network(self, party):
        if party not in self.networks:
            raise ValueError(f"scenario {self.scenario!r} has no network {party!r}")
        return self.networks[party]

    @torch.no_grad()
    def encrypt(self, plaintext, key):
        """Alice: ciphertexts of plaintext [rows, N] (-1/+1) under key (symmetric: the secret key; public-key: the public key)."""
        return self._network("alice")(torch.cat([plaintext, key], 1))

    @torch.no_grad()
    def decrypt(self, ciphertext, key):
        """Bob: his reconstruction [rows, N] from the ciphertext and the secret key; a value's sign is the bit."""
        return self._network("bob")(torch.cat([ciphertext, key], 1))

    @torch.no_grad()
    def make_public_key(self, secret_key):
        """The public-key scenario's key generator: public keys of secret keys [rows, N]."""
        return self._network("keyGenerator")(secret_key)

    @torch.no_grad()
    def protect(self, a, b, c, key):
        """Selective protection, Alice: (D-public, ciphertext) of records A, B, C under keys [rows, keyWidth]."""
        output = self._network("alice")(torch.cat([a, b, c, key], 1))
        d_width = output.shape[1] - int(self.options.get("ciphertextWidth", 4))
        return output[:, :d_width], output[:, d_width:]

    @torch.no_grad()
    def estimate_d(self, d_public, ciphertext, key):
        """Selective protection, Bob: his estimate of D from what was released and the key."""
        return self._network("bob")(torch.cat([d_public, ciphertext, key], 1))


def load(folder, map_location="cpu"):
    """Reads an exported seed (a seed-<n> folder of `anc-host export`): every party's network, weights loaded, in eval mode."""
    with open(os.path.join(folder, "export.json"), encoding="utf-8") as file:
        description = json.load(file)
    if description.get("format") != FORMAT:
        raise ValueError(f"{folder}: export.json is format {description.get('format')!r}; this anc_torch reads {FORMAT!r}")
    networks = {}
    for entry in description["networks"]:
        network = build(entry["architecture"], entry["inputWidth"], entry["outputWidth"])
        state = torch.load(os.path.join(folder, entry["file"]), map_location=map_location)
        network.load_state_dict(state)
        network.eval()
        networks[entry["party"]] = network
    return TrainedSeed(folder, description, networks)
