"""Compares a run's seeds, trained again, with the figures a reproduction document committed.

Usage: python3 eng/results/check-seed.py <run directory> [docs/results]
Train the run with the commands of the document's "One seed again" section (at the commit the
document names), then point this at the run directory that `anc-host run` printed. Each seed of
the run is looked up in the document's seeds.csv by its setting (read from the run's resolved
manifest) and its seed, and every figure is compared as the document rounds it; where the
document keeps the seed's curve (paper-symmetric), every logged round of it too, and the round
the criterion was first met. Prints one line per figure and per curve and exits 1 if any differs
or a seed is not in the document.
"""
import csv
import json
import sys
from pathlib import Path

from sweep_results import PAPER_SYMMETRIC_FIGURES, SELECTIVE_PROTECTION_FIGURES, read_curve, seed_figures
from symmetric_settings import curve_file, curve_rows, first_met


def symmetric_paper(manifest):
    """The paper-symmetric document's table, its row key (networks, batch), its figures, the counts compared as they
    are, and the file of a seed's curve."""
    key = (manifest["parties"]["alice"]["architecture"]["options"]["variant"], manifest["training"]["batchSize"])
    return ("paper-symmetric/seeds.csv", {"networks": key[0], "batch": str(key[1])},
            PAPER_SYMMETRIC_FIGURES, ["steps"], lambda seed: f"paper-symmetric/{curve_file(key, seed)}")


def selective_protection(manifest):
    """The selective-protection section's table, its row key (the adversary's weight), its figures, no counts, no curves."""
    return ("selective-protection/seeds.csv",
            {"adversaryWeight": f"{manifest['scenario']['options']['adversaryWeight']:g}"},
            SELECTIVE_PROTECTION_FIGURES, [], None)


def compare_curve(where, again, committed_file):
    """Compares a seed's curve trained again with the committed one, logged round by logged round; prints one line, returns whether they match."""
    with open(committed_file, newline="") as rows:
        committed = list(csv.reader(rows))
    again = curve_rows(again)
    different = next((i for i, (a, c) in enumerate(zip(again, committed)) if a != c), None)
    if different is None and len(again) == len(committed):
        print(f"{where}: curve, every one of its {len(committed) - 1} logged rounds = committed")
        return True
    if different is None:
        print(f"{where}: curve has {len(again) - 1} logged rounds != {len(committed) - 1} committed")
    else:
        print(f"{where}: curve at round {committed[different][0]}: {', '.join(again[different])} != {', '.join(committed[different])} committed")
    return False


DOCUMENTS = {"symmetric-paper": symmetric_paper, "selective-protection": selective_protection,
             "selective-protection-control": selective_protection}


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: check-seed.py <run directory> [docs/results]")
    run_folder = Path(sys.argv[1])
    docs = Path(sys.argv[2] if len(sys.argv) > 2 else "docs/results")
    manifest = json.loads((run_folder / "manifest.json").read_text())
    if manifest["experiment"] not in DOCUMENTS:
        sys.exit(f"{run_folder}: experiment '{manifest['experiment']}' has no reproduction document (known: {', '.join(DOCUMENTS)})")
    table, setting, figures, counts, curve_file = DOCUMENTS[manifest["experiment"]](manifest)
    with open(docs / table, newline="") as rows:
        committed = list(csv.DictReader(rows))

    failed = False
    for run in json.loads((run_folder / "summary.json").read_text())["runs"]:
        row = next((r for r in committed if r["seed"] == str(run["seed"]) and all(r[k] == v for k, v in setting.items())), None)
        where = ", ".join(f"{k} {v}" for k, v in setting.items()) + f", seed {run['seed']}"
        if row is None:
            print(f"{where}: not in {docs / table}")
            failed = True
            continue
        pairs = [("success", str(run["success"]))] + [(name, str(run[name])) for name in counts]
        pairs += zip(figures, seed_figures(run["metrics"], figures))
        curve = None
        if curve_file is not None:
            curve = read_curve(run_folder / f"seed-{run['seed']}")
            pairs.append(("criterionFirstMet", str(first_met(curve, manifest) or "")))
        for column, again in pairs:
            same = row[column] == again
            failed |= not same
            print(f"{where}: {column} {again} {'=' if same else '!='} {row[column]} committed")
        if curve is not None:
            failed |= not compare_curve(where, curve, docs / curve_file(run["seed"]))
    print("every figure matches" if not failed else "some figures differ (see the document's Determinism note: thread count, CPU and commit)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
