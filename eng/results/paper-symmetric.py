"""Writes docs/results/paper-symmetric.md and its small files from the paper-symmetric sweep's folder.

Usage: python3 eng/results/paper-symmetric.py <sweeps root>/paper-symmetric <commit> [docs/results]
<commit> is the commit whose build trained the sweep (a sweep run from a copy of the build
outside the repository cannot find it itself): the document's commands check it out, because
a later commit may sum a gradient in another order and so train another trajectory.
Reads only what each finished trial left (summary.json, environment.json, seed-<n>/metrics.jsonl, plots/), and
the hand-written docs/results/paper-symmetric/notes.md, paper-symmetric-further.py's further.md and
selective-protection.py's section, put in as they are; a trial
still training or not started is counted as not finished, so the document can be written while
the sweep runs and again when it is done.
"""
import csv
import json
import shutil

from sweep_results import PAPER_SYMMETRIC_FIGURES, arguments, finished_summary, make_again, read_curve, seed_figures, wilson
from symmetric_settings import PAPER, curve_file, curve_rows, first_met, held_out_cells, label, paper_text, planned, slug, verdict


def main():
    sweep, commit, docs, data, plan = arguments("paper-symmetric.py", "paper-symmetric", "paper-symmetric")
    (data / "curves").mkdir(exist_ok=True)
    # Every setting of the plan, in the order the sweep trains them, started or not.
    settings = {setting["id"]: planned(setting) for setting in plan["settings"]}
    keys = list(settings.values())

    finished = []
    for trial in plan["trials"]:
        folder = sweep / trial["directory"]
        summary = finished_summary(folder)
        if summary is None:
            continue
        key = settings[trial["setting"]]
        run = summary["runs"][0]
        curve = read_curve(folder / f"seed-{trial['seed']}")
        finished.append({
            "key": key, "seed": trial["seed"], "status": run["status"], "success": run["success"], "steps": run["steps"],
            "minutes": run["durationSeconds"] / 60, "metrics": run["metrics"], "criterion": summary.get("criterion"),
            "firstMet": first_met(curve, json.loads((folder / "manifest.json").read_text())),
            "folder": folder, "cpu": json.loads((folder / "environment.json").read_text()).get("cpu"),
        })
        with open(data / curve_file(key, trial["seed"]), "w", newline="") as out:
            csv.writer(out).writerows(curve_rows(curve))

    with open(data / "seeds.csv", "w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["networks", "batch", "seed", "status", "success", "steps", "criterionFirstMet", *PAPER_SYMMETRIC_FIGURES, "minutes"])
        for s in finished:
            writer.writerow([s["key"][0], s["key"][1], s["seed"], s["status"], s["success"], s["steps"], s["firstMet"] or "",
                             *seed_figures(s["metrics"], PAPER_SYMMETRIC_FIGURES), f"{s['minutes']:.1f}"])

    lines = [
        "# The paper's symmetric experiment, twenty seeds per setting",
        "",
        "Abadi & Andersen (2016), section 2, at the paper's own settings: N = 16, Adam 0.0008, one",
        "Alice-Bob minibatch then two Eve minibatches, the mix-and-transform networks",
        "(`Plugins/Anc.Plugins.Encryption/manifests/symmetric-paper.json`), twenty seeds at batch 4096",
        "and at batch 512, and at batch 4096 with the reference code's networks for comparison",
        "(`Plugins/Anc.Plugins.Encryption/sweeps/paper-symmetric.json`). Training stops when Bob is at",
        "most 0.05 bits wrong and Eve within 0.3 bits of chance on a round's batch, or at 50,000",
        "rounds; then five fresh Eves train 20,000 steps each against the frozen Alice (the reference",
        "code trains them 250,000 steps, about two hours a seed here). The limit, chosen before the",
        "runs, is over three times the 15,000 steps by which the paper's Figure 2 run succeeded; what",
        "the seeds showed of it is below (a few left a plateau late).",
        "",
        "**Criterion**, the paper's: \"If we somewhat arbitrarily define success as maintaining Bob's",
        "reconstruction error at or under 0.05 bits, and requiring that Eve get at least 6 bits wrong,",
        "on average, then training succeeded half of the time (ten of twenty cases).\" Here: " + (f"*{finished[0]['criterion']}*" if finished else "(no seed finished yet)") + ".",
        "The best fresh Eve is reported beside it, not judged.",
        "",
        "## Success by setting",
        "",
        (f"**In progress: {len(finished)} of {len(plan['trials'])} trials finished; the rates below are not final.**"
         if len(finished) < len(plan["trials"]) else f"All {len(plan['trials'])} trials finished."),
        "",
        "| setting | finished | successes | 95% Wilson interval | the paper | agreement | rounds to success, median (range) | minutes per seed, median |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for key in keys:
        done = [s for s in finished if s["key"] == key]
        won = [s for s in done if s["success"]]
        low, high = wilson(len(won), len(done))
        paper = PAPER.get(key)
        steps = sorted(s["firstMet"] for s in won if s["firstMet"] is not None)
        minutes = sorted(s["minutes"] for s in done)
        median = lambda v: v[len(v) // 2] if len(v) % 2 else (v[len(v) // 2 - 1] + v[len(v) // 2]) / 2
        lines.append(
            f"| {label(key)} | {len(done)} of 20 | {len(won)} of {len(done)} | "
            + (f"{low:.2f} to {high:.2f}" if done else "") + " | "
            + (paper_text(paper) if paper else "not reported") + " | "
            + verdict(paper, len(won), len(done)) + " | "
            + (f"{median(steps):,.0f} ({steps[0]:,} to {steps[-1]:,})" if steps else "") + " | "
            + (f"{median(minutes):.0f}" if minutes else "") + " |")

    lines += ["", "Agreement: our Wilson interval and the paper's overlap (batch 4096, where the paper gives a",
              "count of runs), or ours holds the paper's rate (batch 512, where it gives only a rate). The",
              "paper reports nothing for the reference code's networks."]
    lines += ["", "Rounds to success: the first round, of those logged every 100, at which the round's batch met",
              "the criterion's thresholds (Bob at most 0.05 bits, Eve at least 6); the successes were judged",
              "on held-out data at the end of training, which went on until the stopping rule or the limit."]
    if finished:
        hours = sum(s["minutes"] for s in finished) / 60
        lines += ["", f"Time on this machine: {hours:.1f} trial-hours for the {len(finished)} finished trials, two at a time on",
                  "the 2 cores (so about half that in wall-clock time), one thread each. Some trials shared the cores",
                  "with builds, tests or a third training for a while, so their minutes are upper bounds."]
    lines += ["", "## Every seed", "", "Held-out figures (16,384 examples), bits wrong of 16; chance is 8. Rounds: trained;",
              "criterion met: the first logged round whose batch met the thresholds (blank: never).", "",
              "| setting | seed | success | rounds | criterion met | Bob | trained Eve | best fresh Eve | minutes |",
              "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for s in finished:
        met = f"{s['firstMet']:,}" if s["firstMet"] is not None else ""
        lines.append(f"| {label(s['key'])} | {s['seed']} | {'yes' if s['success'] else 'no'} | {s['steps']:,} | {met} | {held_out_cells(s['metrics'])} | {s['minutes']:.0f} |")

    # What the seeds show, written by hand (it is read, not generated): kept beside the data.
    notes = data / "notes.md"
    if notes.exists():
        lines += ["", notes.read_text().rstrip()]

    # The seeds trained past the sweep's limit, written by paper-symmetric-further.py from its own folder.
    further = data / "further.md"
    if further.exists():
        lines += ["", further.read_text().rstrip()]

    # The selective-protection sweep's section, written by selective-protection.py from its own sweep.
    protection = docs / "selective-protection" / "section.md"
    if protection.exists():
        lines += ["", protection.read_text().rstrip()]

    lines += ["", "## Training curves", ""]
    for key in keys:
        for outcome, wanted in (("a successful seed", True), ("a failed seed", False)):
            chosen = next((s for s in finished if s["key"] == key and s["success"] == wanted), None)
            if chosen is None:
                continue
            plot = chosen["folder"] / "plots" / f"seed-{chosen['seed']}-training.png"
            name = f"{slug(key)}-seed-{chosen['seed']}-training.png"
            if plot.exists():
                shutil.copyfile(plot, data / name)
                lines.append(f"{label(key)}, {outcome} (seed {chosen['seed']}): Bob's and Eve's bits wrong against the round.")
                lines += ["", f"![{label(key)}, seed {chosen['seed']}](paper-symmetric/{name})", ""]

    cpus = sorted({f"{c['model']} ({', '.join(c['features'])})" for c in (s["cpu"] for s in finished) if c})
    lines += [
        "## How this was made, and how to make it again",
        "",
        f"Trained by a build of commit {commit}, on the 2-core development machine (no GPU; "
        + ("; ".join(cpus) if cpus else "CPU not recorded") + "), two trials at a time, one thread each:",
        "",
        *make_again(commit, ["Hosts/Anc.Host/bin/Release/net10.0/anc-host sweep Plugins/Anc.Plugins.Encryption/sweeps/paper-symmetric.json --output <folder> --parallel 2"],
                    [f"python3 eng/results/paper-symmetric.py <folder>/paper-symmetric {commit} docs/results"]),
        "",
        "One seed again, with the figures above (each trial trained with one torch thread; the figures",
        "depend on the thread count, the CPU and the commit, see [Determinism](../run-directory.md#determinism)): at",
        f"commit {commit}, built as above, any seed of a setting (--seeds); here the one that took least time:",
        "",
        "```",
    ]
    for setting in plan["settings"]:
        changes = "".join(f" --set {name}={value}" for name, value in setting["overrides"].items())
        done = sorted((s for s in finished if s["key"] == planned(setting)), key=lambda s: s["minutes"])
        example = f"seed {done[0]['seed']}, {done[0]['minutes']:.0f} minutes here" if done else "no seed finished yet"
        lines.append("Hosts/Anc.Host/bin/Release/net10.0/anc-host run Plugins/Anc.Plugins.Encryption/manifests/symmetric-paper.json"
                     f" --seeds {done[0]['seed'] if done else 0} --set threads=1{changes}   # {label(planned(setting))}: {example}")
    lines += [
        "```",
        "",
        "Each prints its run directory; back on main, `python3 eng/results/check-seed.py <run directory>`",
        "compares every figure of the seed, and every logged round of its curve, with the committed ones",
        "(exit 1 if one differs).",
        "The per-seed figures are in `paper-symmetric/seeds.csv`, each seed's logged curve (every 100",
        "rounds) in `paper-symmetric/curves/`.",
    ]
    (docs / "paper-symmetric.md").write_text("\n".join(lines) + "\n")
    print(f"{len(finished)} of {len(plan['trials'])} trials finished; wrote {docs / 'paper-symmetric.md'}")


if __name__ == "__main__":
    main()
