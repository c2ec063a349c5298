"""Trains the trials of one sweep setting that ended at the step limit further, each in a copy of its folder.

Usage: python3 eng/results/train-further.py <sweeps root>/<sweep> <setting id> <max steps> <output folder>
           [--host Hosts/Anc.Host/bin/Release/net10.0/anc-host] [--parallel 2]

A trial whose seed trained to the plan's limit (rather than meeting the stopping rule) is copied
to <output folder>/<trial id> and resumed there with `anc-host run --resume <copy> --set
training.maxSteps=<max steps> --set threads=1` (the sweep trains each trial with one thread), so
it goes on from its final checkpoint as if the limit had been <max steps>; the sweep's own folder
is left as the plan made it. Running it again goes on where it stopped: finished copies are
kept, interrupted ones resume. Ctrl+C stops every copy at a checkpoint.
"""
import argparse
import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path


def limit(folder):
    """The step limit in a run directory's manifest."""
    return json.loads((folder / "manifest.json").read_text())["training"]["maxSteps"]


def ended_at_limit(folder):
    """Whether a finished trial's seed trained to its limit (a cancelled or unfinished trial has not finished)."""
    summary_file = folder / "summary.json"
    if not summary_file.exists():
        return False
    summary = json.loads(summary_file.read_text())
    return summary["status"] != "cancelled" and summary["runs"][0]["steps"] == limit(folder)


def command(host, copy, max_steps):
    """What goes on with a copy: nothing once it is done, else a resume that raises the limit where it has not been raised."""
    if (copy / "summary.json").exists() and limit(copy) == max_steps:
        return None
    raise_limit = ["--set", f"training.maxSteps={max_steps}"] if limit(copy) < max_steps else []
    return [str(host), "run", "--resume", str(copy), *raise_limit, "--set", "threads=1", "--quiet"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sweep", type=Path)
    parser.add_argument("setting")
    parser.add_argument("max_steps", type=int)
    parser.add_argument("output", type=Path)
    parser.add_argument("--host", type=Path, default=Path("Hosts/Anc.Host/bin/Release/net10.0/anc-host"))
    parser.add_argument("--parallel", type=int, default=2)
    arguments = parser.parse_args()

    plan = json.loads((arguments.sweep / "sweep.json").read_text())
    trials = [arguments.sweep / t["directory"] for t in plan["trials"] if t["setting"] == arguments.setting]
    if not trials:
        sys.exit(f"{arguments.sweep}: no setting {arguments.setting} (settings: {', '.join(s['id'] for s in plan['settings'])})")
    if any(limit(t) >= arguments.max_steps for t in trials if (t / "manifest.json").exists()):
        sys.exit(f"{arguments.max_steps} is not above the setting's limit; give a larger one")

    arguments.output.mkdir(parents=True, exist_ok=True)
    waiting = []
    for trial in (t for t in trials if ended_at_limit(t)):
        copy = arguments.output / trial.name
        if not copy.exists():
            shutil.copytree(trial, copy)
        if (line := command(arguments.host, copy, arguments.max_steps)) is not None:
            waiting.append((trial.name, line))
    print(f"{len(waiting)} trial(s) to train to {arguments.max_steps:,} rounds", flush=True)

    running = []
    stopping = False

    def stop(signum, frame):
        nonlocal stopping
        stopping = True
        for _, process in running:
            process.send_signal(signal.SIGINT)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    while waiting or running:
        while waiting and len(running) < arguments.parallel and not stopping:
            name, line = waiting.pop(0)
            running.append((name, subprocess.Popen(line, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)))
        for name, process in [r for r in running if r[1].poll() is not None]:
            running.remove((name, process))
            print(f"{name}: {process.stdout.read().strip()}", flush=True)
        if stopping and not running:
            break
        time.sleep(1)


if __name__ == "__main__":
    main()
