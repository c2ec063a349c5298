"""How much a trained symmetric Alice uses her key, and how much of the plaintext a linear reading of her ciphertext gives.

Usage: <python with torch> eng/results/key-use.py <exported folder>
<exported folder> is what `anc-host export <run or trial directory> --format pytorch --output <folder>`
wrote (anc_torch.py beside one seed-<n> folder per seed). For each seed: the mean change of the
ciphertext when only the key changes (0: Alice ignores the key), and the bits wrong, of 16, of
the best linear reading of the plaintext from the ciphertext (least squares on 10,000 pairs, its
signs judged on 10,000 others; chance is half the bits, 8 of 16). A cipher that ignores its key is an encoding any
Eve learns to read, whatever the Eve of training ended at.
"""
import sys
from pathlib import Path

import torch


def key_use(seed, bits, examples=20000):
    """The ciphertext's mean change with the key, and a linear reading's bits wrong on held-out pairs."""
    generator = torch.Generator().manual_seed(0)
    draw = lambda: torch.randint(0, 2, (examples, bits), generator=generator).float() * 2 - 1
    plaintext, key, other_key = draw(), draw(), draw()
    with torch.no_grad():
        ciphertext = seed.encrypt(plaintext, key)
        change = (ciphertext - seed.encrypt(plaintext, other_key)).abs().mean().item()
    half = examples // 2
    features = torch.cat([ciphertext, torch.ones(examples, 1)], 1).double()
    weights = torch.linalg.lstsq(features[:half], plaintext[:half].double()).solution
    wrong = ((features[half:] @ weights).sign() != plaintext[half:].double()).float().sum(1).mean().item()
    return change, wrong


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: key-use.py <folder written by anc-host export --format pytorch>")
    folder = Path(sys.argv[1])
    sys.path.insert(0, str(folder))
    import anc_torch

    print("seed | ciphertext's change with the key | linear reading, bits wrong (chance: half the bits)")
    for seed_folder in sorted(folder.glob("seed-*"), key=lambda f: int(f.name.split("-")[1])):
        seed = anc_torch.load(str(seed_folder))
        change, wrong = key_use(seed, seed.options.get("bits", 16))
        print(f"{seed_folder.name.split('-')[1]} | {change:.3f} | {wrong:.3f}")


if __name__ == "__main__":
    main()
