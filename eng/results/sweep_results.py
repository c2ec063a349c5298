"""What the reproduction's result scripts share: the command line, the sweep's plan, which trials have finished, a seed's
figures as the documents write them, its logged curve, the commands that make a result again, and the Wilson interval."""
import json
import math
import sys
from pathlib import Path


# The held-out figures each document's seeds.csv holds, column -> the summary.json metric it is
# (written to 4 decimals): the result scripts write them, check-seed.py compares a seed trained again with them.
PAPER_SYMMETRIC_FIGURES = {"bob.bitsWrong": "bob.bitsWrong", "trainedEve.bitsWrong": "eve.bitsWrong", "freshEve.bestBitsWrong": "freshEve.bestBitsWrong"}
SELECTIVE_PROTECTION_FIGURES = {name: name for name in ("bob.dError", "dPublic.dError", "blindEve.cError", "eve.advantage", "freshEve.bestAdvantage")}


def seed_figures(metrics, figures):
    """A seed's figures as seeds.csv writes them, in the order of figures (blank where a crashed seed left none)."""
    return ["" if metrics.get(metric) is None else f"{metrics[metric]:.4f}" for metric in figures.values()]


def finished_summary(folder):
    """A trial's summary.json once it has finished; None while it trains, before it starts, or when it was stopped part-way
    (an interrupted sweep leaves a cancelled summary, and the trial resumes later)."""
    summary_file = folder / "summary.json"
    if not summary_file.exists():
        return None
    summary = json.loads(summary_file.read_text())
    return None if summary["status"] == "cancelled" else summary


def make_again(commit, train, write):
    """The fenced commands that train a result at the commit that made it and write its document back on main."""
    return ["```", f"git checkout {commit}", "dotnet build Anc.Framework.sln -c Release", *train, "git checkout main", *write, "```"]


def read_curve(seed_folder):
    """A seed's logged training figures (seed-<n>/metrics.jsonl), one dict a logged round."""
    return [json.loads(line) for line in (seed_folder / "metrics.jsonl").read_text().splitlines() if line.strip()]


def wilson(successes, trials, z=1.96):
    """The 95% Wilson score interval of a binomial proportion."""
    if trials == 0:
        return (0.0, 1.0)
    p = successes / trials
    centre = (p + z * z / (2 * trials)) / (1 + z * z / trials)
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / (1 + z * z / trials)
    return (max(0.0, centre - half), min(1.0, centre + half))


def arguments(script, sweep_name, folder):
    """The sweep's folder, the commit that trained it, the docs/results folder, this script's data folder in it (made), and the plan."""
    if len(sys.argv) < 3:
        sys.exit(f"usage: {script} <sweeps root>/{sweep_name} <commit that trained it> [docs/results]")
    sweep = Path(sys.argv[1])
    docs = Path(sys.argv[3] if len(sys.argv) > 3 else "docs/results")
    data = docs / folder
    data.mkdir(parents=True, exist_ok=True)
    return sweep, sys.argv[2], docs, data, json.loads((sweep / "sweep.json").read_text())
