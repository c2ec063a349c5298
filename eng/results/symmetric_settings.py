"""The paper-symmetric sweep's settings as the documents name them, what the paper reports for them, and what a seed's
curve says: shared by paper-symmetric.py, paper-symmetric-further.py and check-seed.py."""
from sweep_results import PAPER_SYMMETRIC_FIGURES, wilson

# What the paper reports for each setting, in its own words (see the document's introduction).
PAPER = {
    ("paper", 4096): ("10 of 20", 10, 20),
    ("paper", 512): ("about 1 in 3", 1, 3),
}


def paper_text(paper):
    """The paper's figure, with its own Wilson interval where it gave a count of runs."""
    text, successes, runs = paper
    if text.endswith(f"of {runs}"):
        low, high = wilson(successes, runs)
        return f"{text} ({low:.2f} to {high:.2f})"
    return f"{text} ({successes / runs:.2f})"


def verdict(paper, successes, runs):
    """Whether our rate agrees with the paper's, by the rule the document states: the two Wilson intervals overlap,
    or, where the paper gave a rate without a count of runs, our interval holds that rate."""
    if paper is None or runs == 0:
        return ""
    low, high = wilson(successes, runs)
    text, paper_successes, paper_runs = paper
    if text.endswith(f"of {paper_runs}"):
        paper_low, paper_high = wilson(paper_successes, paper_runs)
        agrees = low <= paper_high and paper_low <= high
    else:
        agrees = low <= paper_successes / paper_runs <= high
    return ("agrees" if agrees else "disagrees") + ("" if runs == 20 else " so far")


def planned(setting):
    """A plan's setting as (networks, batch), from its changes to the base manifest (the paper's networks, batch 4096)."""
    changes = setting["overrides"]
    return (changes.get("parties.alice.architecture.options.variant", "paper"), changes.get("training.batchSize", 4096))


def figure(value, digits):
    """A figure to so many decimals, or nothing where a seed that crashed left none."""
    return "" if value is None else f"{value:.{digits}f}"


def label(key):
    return f"{key[0]} networks, batch {key[1]}"


def slug(key):
    return f"{key[0]}-{key[1]}"


def held_out_cells(metrics):
    """A seed's held-out figures (Bob, trained Eve, best fresh Eve) as the documents' per-seed tables show them."""
    return " | ".join(figure(metrics.get(metric), 3) for metric in PAPER_SYMMETRIC_FIGURES.values())


def curve_file(key, seed):
    """Where the paper-symmetric document keeps a seed's curve, inside docs/results/paper-symmetric."""
    return f"curves/{slug(key)}-seed-{seed}.csv"


def curve_rows(curve):
    """A seed's curve as the paper-symmetric document's curves/*.csv hold it: the header, then step, Bob and Eve to 4 decimals."""
    return [["step", "bob.bitsWrong", "eve.bitsWrong"]] + [
        [str(point["step"]), f"{point['bob.bitsWrong']:.4f}", f"{point['eve.bitsWrong']:.4f}"] for point in curve]


def first_met(curve, manifest):
    """The first logged round whose batch figures meet the success thresholds of the trial's own manifest, or None.

    The verdict itself is taken on held-out data at the end; this says when training got there,
    which the rounds trained do not: the stopping rule is stricter than the criterion, so a
    seed can meet the criterion early and still train to the step limit.
    """
    success = manifest["scenario"]["options"]["success"]
    bob, eve = success["bobMaxBitsWrong"], success["eveMinBitsWrong"]
    return next((point["step"] for point in curve if point["bob.bitsWrong"] <= bob and point["eve.bitsWrong"] >= eve), None)
