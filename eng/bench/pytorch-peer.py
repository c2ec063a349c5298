#!/usr/bin/env python3
"""The paper's symmetric experiment in eager PyTorch: ANC's speed yardstick.

What a researcher would otherwise write by hand: Abadi & Andersen (2016) section 2.5's
"mix and transform" networks (a dense layer with sigmoid, then four 1-D convolutions with
TensorFlow's SAME padding), the L1 bit losses, Alice and Bob's loss with Eve's term
((N/2 - Eve) / (N/2))^2, Adam, and one Alice-Bob step followed by --eve-steps Eve steps.
After the training steps, --fresh-eve-steps steps of a fresh Eve trained against the frozen
Alice are timed too, as ANC's evaluation trains its fresh Eves.

Run it with Debian's PyTorch (eng/bench/pytorch-peer.sh installs python3-torch and runs it):

  /usr/bin/python3 eng/bench/pytorch-peer.py --steps 300 --batch 4096 --threads 2

Prints progress lines, then `steps_per_s=<float>` (Alice-Bob steps, each with its Eve steps,
per wall-clock second; the first --warmup steps not counted) and, when asked,
`fresh_eve_steps_per_s=<float>`.
"""
import argparse
import time

import torch
import torch.nn as nn


class MixTransform(nn.Module):
    """Dense 2N wide with sigmoid, then conv [4,1->2] s1, [2,2->4] s2, [1,4->4] s1, [1,4->1] s1."""

    def __init__(self, inputs: int, n: int):
        super().__init__()
        self.dense = nn.Linear(inputs, 2 * n)
        self.conv1 = nn.Conv1d(1, 2, 4, stride=1)
        self.conv2 = nn.Conv1d(2, 4, 2, stride=2)
        self.conv3 = nn.Conv1d(4, 4, 1)
        self.conv4 = nn.Conv1d(4, 1, 1)

    def forward(self, x):
        h = torch.sigmoid(self.dense(x)).unsqueeze(1)
        h = torch.sigmoid(self.conv1(nn.functional.pad(h, (1, 2))))  # SAME padding of window 4
        h = torch.sigmoid(self.conv2(h))
        h = torch.sigmoid(self.conv3(h))
        return torch.tanh(self.conv4(h)).squeeze(1)


def bits_wrong(plaintext, guess):
    """Bits wrong per message, averaged over the batch (bits are -1 and +1)."""
    return (plaintext - guess).abs().sum(1).mean() / 2


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bits", type=int, default=16)
    parser.add_argument("--batch", type=int, default=4096)
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--eve-steps", type=int, default=2)
    parser.add_argument("--fresh-eve-steps", type=int, default=0)
    parser.add_argument("--lr", type=float, default=0.0008)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--log-every", type=int, default=100)
    args = parser.parse_args()
    if args.steps <= args.warmup:
        parser.error("--steps must be more than --warmup")

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    n, batch = args.bits, args.batch
    alice, bob, eve = MixTransform(2 * n, n), MixTransform(2 * n, n), MixTransform(n, n)
    defenders = torch.optim.Adam(list(alice.parameters()) + list(bob.parameters()), lr=args.lr)
    eavesdropper = torch.optim.Adam(eve.parameters(), lr=args.lr)

    def draw():
        return torch.randint(0, 2, (batch, n), dtype=torch.float32) * 2 - 1

    def eve_step(network, optimizer):
        plaintext, key = draw(), draw()
        with torch.no_grad():
            ciphertext = alice(torch.cat([plaintext, key], 1))
        loss = bits_wrong(plaintext, network(ciphertext))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

    started = None
    for step in range(args.steps):
        if step == args.warmup:
            started = time.perf_counter()
        plaintext, key = draw(), draw()
        ciphertext = alice(torch.cat([plaintext, key], 1))
        bob_bits = bits_wrong(plaintext, bob(torch.cat([ciphertext, key], 1)))
        eve_bits = bits_wrong(plaintext, eve(ciphertext))
        loss = bob_bits + (n / 2 - eve_bits) ** 2 / (n / 2) ** 2
        defenders.zero_grad()
        loss.backward()
        defenders.step()
        for _ in range(args.eve_steps):
            eve_step(eve, eavesdropper)
        if step % args.log_every == 0:
            print(f"step {step} bob={bob_bits.item():.3f} eve={eve_bits.item():.3f}", flush=True)
    print(f"steps_per_s={(args.steps - args.warmup) / (time.perf_counter() - started):.2f}", flush=True)

    if args.fresh_eve_steps > 0:
        fresh = MixTransform(n, n)
        optimizer = torch.optim.Adam(fresh.parameters(), lr=args.lr)
        for _ in range(min(args.warmup, args.fresh_eve_steps)):
            eve_step(fresh, optimizer)
        started = time.perf_counter()
        for _ in range(args.fresh_eve_steps):
            eve_step(fresh, optimizer)
        print(f"fresh_eve_steps_per_s={args.fresh_eve_steps / (time.perf_counter() - started):.2f}", flush=True)


if __name__ == "__main__":
    main()
