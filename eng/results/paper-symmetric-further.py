"""Writes docs/results/paper-symmetric/further.md and further.csv: the paper-symmetric seeds trained past the sweep's limit.

Usage: python3 eng/results/paper-symmetric-further.py <sweeps root>/paper-symmetric <further folder> <commit> [docs/results]
<further folder> is the output folder of eng/results/train-further.py (one copy of a trial per
folder, named as the trial), <commit> the commit whose build trained the copies further.
paper-symmetric.py puts further.md into docs/results/paper-symmetric.md. A setting's rate at the
larger limit counts the copies' verdicts and, for the seeds the stopping rule ended inside the
sweep's limit, the sweep's: those seeds would have stopped there whatever the limit.
"""
import csv
import json
import sys
from pathlib import Path

from sweep_results import PAPER_SYMMETRIC_FIGURES, finished_summary, make_again, read_curve, seed_figures, wilson
from symmetric_settings import PAPER, figure, first_met, held_out_cells, label, paper_text, planned, verdict


def outcome(folder):
    """A finished run directory's verdict, rounds, figures, manifest and limit; None while it trains."""
    summary = finished_summary(folder)
    if summary is None:
        return None
    manifest = json.loads((folder / "manifest.json").read_text())
    run = summary["runs"][0]
    return {"success": run["success"], "status": run["status"], "steps": run["steps"], "metrics": run["metrics"],
            "folder": folder, "manifest": manifest, "limit": manifest["training"]["maxSteps"]}


def rate_row(key, limit, further, won, counted):
    """One line of the rates table: a setting at a limit."""
    low, high = wilson(won, counted)
    paper = PAPER.get(key)
    return (f"| {label(key)} | {limit:,} | {further} | {won} of {counted} | {low:.2f} to {high:.2f} | "
            + (paper_text(paper) if paper else "not reported") + " | " + verdict(paper, won, counted) + " |")


def main():
    if len(sys.argv) < 4:
        sys.exit("usage: paper-symmetric-further.py <sweeps root>/paper-symmetric <further folder> <commit> [docs/results]")
    sweep, further, commit = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    data = Path(sys.argv[4] if len(sys.argv) > 4 else "docs/results") / "paper-symmetric"
    plan = json.loads((sweep / "sweep.json").read_text())
    settings = {setting["id"]: planned(setting) for setting in plan["settings"]}

    seeds = []
    for trial in plan["trials"]:
        before = outcome(sweep / trial["directory"])
        copy = further / Path(trial["directory"]).name
        seeds.append({"key": settings[trial["setting"]], "seed": trial["seed"], "before": before,
                      "copied": copy.exists(), "after": outcome(copy) if copy.exists() else None})

    rows = ["| setting | limit | trained further | successes | 95% Wilson interval | the paper | agreement |",
            "| --- | --- | --- | --- | --- | --- | --- |"]
    per_seed = ["| setting | seed | success at the sweep's limit (Bob) | success further | rounds | criterion met | Bob | trained Eve | best fresh Eve |",
                "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    table = [["networks", "batch", "seed", "limit", "status", "success", "steps", "criterionFirstMet", *PAPER_SYMMETRIC_FIGURES]]
    limits = {}
    # A setting is studied once its sweep trials have all finished and one of them has been copied.
    studied = [key for key in dict.fromkeys(settings.values())
               if all(s["before"] for s in seeds if s["key"] == key) and any(s["copied"] for s in seeds if s["key"] == key)]
    for key in studied:
        mine = [s for s in seeds if s["key"] == key]
        copies = [s for s in mine if s["copied"]]
        done = [s for s in copies if s["after"] is not None and s["after"]["limit"] > s["before"]["limit"]]
        limit = max(s["after"]["limit"] for s in done) if done else None
        old_limit = mine[0]["before"]["limit"]
        rows.append(rate_row(key, old_limit, "", sum(s["before"]["success"] for s in mine), len(mine)))
        # The rate at the larger limit: the copies trained to it, and the seeds the stopping rule ended (not copied).
        counted = done + [s for s in mine if not s["copied"]]
        won = sum(s["after"]["success"] for s in done) + sum(s["before"]["success"] for s in mine if not s["copied"])
        if limit is not None:
            rows.append(rate_row(key, limit, f"{len(done)} of {len(copies)} seeds", won, len(counted)))
        for s in done:
            after = s["after"]
            first = first_met(read_curve(after["folder"] / f"seed-{s['seed']}"), after["manifest"])
            met = f"{first:,}" if first is not None else ""
            was = f"{'yes' if s['before']['success'] else 'no'} ({figure(s['before']['metrics'].get('bob.bitsWrong'), 3)})"
            per_seed.append(f"| {label(key)} | {s['seed']} | {was} | "
                            f"{'yes' if after['success'] else 'no'} | {after['steps']:,} | {met} | {held_out_cells(after['metrics'])} |")
            table.append([key[0], key[1], s["seed"], after["limit"], after["status"], after["success"], after["steps"],
                          first or "", *seed_figures(after["metrics"], PAPER_SYMMETRIC_FIGURES)])
        limits[key] = limit

    with open(data / "further.csv", "w", newline="") as out:
        csv.writer(out).writerows(table)
    ids = {key: setting for setting, key in settings.items()}
    lines = [
        "## Trained further",
        "",
        "The rate depends on how long a seed may train (seeds 11 and 13 at batch 4096 changed after",
        "round 46,000). So every seed that ended at the sweep's limit, rather than meeting the stopping",
        "rule, was trained on from its final checkpoint to a larger limit, as if that had been the",
        "limit from the start; the seeds the stopping rule ended keep their verdict (they would have",
        "stopped there whatever the limit). Same criterion, same five fresh Eves of 20,000 steps.",
        "",
        *rows,
        "",
        "Every seed trained further, judged at the larger limit (held-out figures, bits wrong of 16):",
        "",
        *per_seed,
        "",
        f"Trained further by a build of commit {commit} (the sweep's checkpoints, a later build: the",
        "figures past the sweep's limit are this build's), two seeds at a time, one thread each:",
        "",
        *make_again(commit, [f"python3 eng/results/train-further.py <folder>/paper-symmetric {ids[key]} {limits[key] or '<limit>'} <further folder>   # {label(key)}"
                             for key in studied],
                    [f"python3 eng/results/paper-symmetric-further.py <folder>/paper-symmetric <further folder> {commit} docs/results"]),
        "",
        "The per-seed figures are in `paper-symmetric/further.csv`.",
    ]
    (data / "further.md").write_text("\n".join(lines) + "\n")
    print(f"{len(table) - 1} seed(s) trained further in {len(studied)} setting(s); wrote {data / 'further.md'}")


if __name__ == "__main__":
    main()
