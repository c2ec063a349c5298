"""Writes docs/results/selective-protection/ (section.md, seeds.csv) from the selective-protection sweep's folder.

Usage: python3 eng/results/selective-protection.py <sweeps root>/selective-protection <commit> [docs/results]
<commit> is the commit whose build trained the sweep. paper-symmetric.py puts section.md into
docs/results/paper-symmetric.md, the one document of the reproduction. Reads only what each
finished trial left (summary.json, environment.json).
"""
import csv
import json
import statistics

from sweep_results import SELECTIVE_PROTECTION_FIGURES, arguments, finished_summary, make_again, seed_figures, wilson


def label(weight):
    return "protected (adversary weight 20)" if weight else "control (adversary weight 0)"


def spread(values, digits):
    """Median and range of figures."""
    values = sorted(values)
    return f"{statistics.median(values):.{digits}f} ({values[0]:.{digits}f} to {values[-1]:.{digits}f})"


def main():
    sweep, commit, docs, data, plan = arguments("selective-protection.py", "selective-protection", "selective-protection")
    weights = {s["id"]: s["overrides"]["scenario.options.adversaryWeight"] for s in plan["settings"]}

    seeds = []
    for trial in plan["trials"]:
        folder = sweep / trial["directory"]
        summary = finished_summary(folder)
        if summary is None:
            continue
        run = summary["runs"][0]
        m = run["metrics"]
        seeds.append({
            "weight": weights[trial["setting"]], "seed": trial["seed"], "status": run["status"], "success": run["success"],
            "bob": m["bob.dError"], "dPublic": m["dPublic.dError"], "blind": m["blindEve.cError"],
            "trainedEve": m["eve.advantage"], "freshEve": m["freshEve.bestAdvantage"], "metrics": m, "seconds": run["durationSeconds"],
            "cpu": json.loads((folder / "environment.json").read_text()).get("cpu"),
        })

    seeds.sort(key=lambda s: (-s["weight"], s["seed"]))
    with open(data / "seeds.csv", "w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["adversaryWeight", "seed", "status", "success", *SELECTIVE_PROTECTION_FIGURES, "seconds"])
        for s in seeds:
            writer.writerow([s["weight"], s["seed"], s["status"], s["success"], *seed_figures(s["metrics"], SELECTIVE_PROTECTION_FIGURES),
                             f"{s['seconds']:.1f}"])

    lines = [
        "## Learning what to protect, twenty seeds",
        "",
        "The paper's section 3 (the seed article's second experiment) as the project ships it",
        "(`Plugins/Anc.Plugins.SelectiveProtection/manifests/selective-protection.json`) and its control",
        "without the adversary term (`selective-protection-control.json`), twenty seeds each",
        "(`Plugins/Anc.Plugins.SelectiveProtection/sweeps/selective-protection.json`): D = A + B + C + 0.5 ε,",
        "3,000 rounds at batch 512, then 3 fresh Eves of 2,000 steps, each Eve's weights picked on a",
        "validation set and measured on 16,384 held-out examples. The paper's claim: Eve's advantage",
        "over Blind Eve (who always guesses C's mean) becomes negligible, while Bob estimates D better",
        "than D-public. **Criterion** (the scenario's): Bob's error on D below D-public's, and the best",
        "fresh Eve's advantage at most 5% of Blind Eve's error (C's variance, about 1).",
        "",
        "| setting | finished | successes | 95% Wilson interval | best fresh Eve's advantage, share of Blind Eve's error: median (range) | Bob's error on D | D-public's |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for weight in sorted(set(weights.values()), reverse=True):
        done = [s for s in seeds if s["weight"] == weight]
        won = [s for s in done if s["success"]]
        low, high = wilson(len(won), len(done))
        lines.append(
            f"| {label(weight)} | {len(done)} of 20 | {len(won)} of {len(done)} | "
            + (f"{low:.2f} to {high:.2f} | " if done else " | ")
            + (spread([s["freshEve"] / s["blind"] for s in done], 3) if done else "") + " | "
            + (spread([s["bob"] for s in done], 3) if done else "") + " | "
            + (spread([s["dPublic"] for s in done], 3) if done else "") + " |")

    lines += ["", "### Every seed", "", "Held-out mean squared errors; advantages are Blind Eve's error less Eve's.", "",
              "| setting | seed | success | Bob, on D | D-public | Blind Eve, on C | trained Eve's advantage | best fresh Eve's advantage | seconds |",
              "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for s in seeds:
        lines.append(f"| {label(s['weight'])} | {s['seed']} | {'yes' if s['success'] else 'no'} | {s['bob']:.3f} | {s['dPublic']:.3f} | "
                     f"{s['blind']:.3f} | {s['trainedEve']:.4f} | {s['freshEve']:.4f} | {s['seconds']:.0f} |")

    notes = data / "notes.md"
    if notes.exists():
        lines += ["", notes.read_text().rstrip()]

    cpus = sorted({f"{c['model']} ({', '.join(c['features'])})" for c in (s["cpu"] for s in seeds) if c})
    lines += [
        "",
        f"Trained by a build of commit {commit}, on the 2-core development machine (no GPU; "
        + ("; ".join(cpus) if cpus else "CPU not recorded") + "), two trials at a time, one thread each;",
        f"{sum(s['seconds'] for s in seeds) / 60:.0f} trial-minutes in all. To make it again:",
        "",
        *make_again(commit, ["Hosts/Anc.Host/bin/Release/net10.0/anc-host sweep Plugins/Anc.Plugins.SelectiveProtection/sweeps/selective-protection.json --output <folder> --parallel 2"],
                    [f"python3 eng/results/selective-protection.py <folder>/selective-protection {commit} docs/results"]),
        "",
        "One seed again (seed 3 of each):",
        "",
        "```",
        "Hosts/Anc.Host/bin/Release/net10.0/anc-host run Plugins/Anc.Plugins.SelectiveProtection/manifests/selective-protection.json --seeds 3",
        "Hosts/Anc.Host/bin/Release/net10.0/anc-host run Plugins/Anc.Plugins.SelectiveProtection/manifests/selective-protection-control.json --seeds 3",
        "```",
        "",
        "Each prints its run directory; back on main, `python3 eng/results/check-seed.py <run directory>`",
        "compares every figure of the seed with the committed ones (exit 1 if one differs).",
        "The per-seed figures are in `selective-protection/seeds.csv`.",
    ]
    (data / "section.md").write_text("\n".join(lines) + "\n")
    print(f"{len(seeds)} of {len(plan['trials'])} trials finished; wrote {data / 'section.md'}")


if __name__ == "__main__":
    main()
