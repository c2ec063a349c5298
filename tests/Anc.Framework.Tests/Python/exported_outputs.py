"""For PyTorchExportTests: loads an exported seed with the shipped anc_torch module and computes,
on the inputs the test gives, what each network and the scenario's calls output in PyTorch.

usage: exported_outputs.py <export folder> <seed folder name> <inputs.json> <outputs.json>
"""

import json
import os
import sys

import torch

export, seed, inputs_path, outputs_path = sys.argv[1:5]
sys.path.insert(0, export)  # the anc_torch.py the export wrote, not the repository's
import anc_torch  # noqa: E402

assert os.path.dirname(os.path.abspath(anc_torch.__file__)) == os.path.abspath(export), anc_torch.__file__
trained = anc_torch.load(os.path.join(export, seed))
with open(inputs_path, encoding="utf-8") as file:
    inputs = json.load(file)


def tensor(values):
    return torch.tensor(values, dtype=torch.float32)


def values(t):
    return t.detach().tolist()


outputs = {"networks": {}}
with torch.no_grad():
    for party, rows in inputs["networks"].items():
        outputs["networks"][party] = values(trained.networks[party](tensor(rows)))
if "encrypt" in inputs:
    plaintext, key = tensor(inputs["encrypt"]["plaintext"]), tensor(inputs["encrypt"]["key"])
    alice_key = trained.make_public_key(key) if "keyGenerator" in trained.networks else key
    ciphertext = trained.encrypt(plaintext, alice_key)
    outputs["ciphertext"] = values(ciphertext)
    outputs["decrypted"] = values(trained.decrypt(ciphertext, key))
if "protect" in inputs:
    p = {name: tensor(rows) for name, rows in inputs["protect"].items()}
    d_public, ciphertext = trained.protect(p["a"], p["b"], p["c"], p["key"])
    outputs["dPublic"] = values(d_public)
    outputs["protectedCiphertext"] = values(ciphertext)
    outputs["estimatedD"] = values(trained.estimate_d(d_public, ciphertext, p["key"]))
with open(outputs_path, "w", encoding="utf-8") as file:
    json.dump(outputs, file)
