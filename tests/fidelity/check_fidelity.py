#!/usr/bin/env python3
"""Fidelity as a tracked figure (issue 12): score occkit's XML against ../shared/gold with ../shared/tools/score.py
and fail when the dev micro-F1 falls below the floor committed in tests/ (raise a floor as the engine improves, never
lower it). With --generic the pages are converted with the generic layout alone (through tests/fidelity/occkit-generic),
so the fallback is measured too. Exits 77 (skipped) when ../shared or its scorer is absent.

Usage: check_fidelity.py OCCKIT SHARED_DIR FLOOR_FILE [--generic]
"""
import json
import os
import subprocess
import sys
import tempfile

SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))


def read_floor(path):
    """The first number in the floor file; '#' starts a comment."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                return float(line)
    raise SystemExit(f"check_fidelity: {path}: no floor figure in the file")


def score(occkit, shared, generic):
    """score.py's summary of the dev pages, as a dict."""
    env = dict(os.environ)
    program = occkit
    if generic:
        env["OCCKIT"] = occkit
        program = os.path.join(HERE, "occkit-generic")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "score.json")
        scorer = os.path.join(shared, "tools", "score.py")
        run = subprocess.run([sys.executable, scorer, program, "--set", "dev", "--json", out], env=env,
                             capture_output=True, text=True, timeout=1200)
        print(run.stdout, end="")
        if run.returncode != 0:
            print(run.stderr, file=sys.stderr)
            raise SystemExit(f"check_fidelity: score.py failed (exit {run.returncode})")
        with open(out, encoding="utf-8") as f:
            return json.load(f)["dev"]


def main():
    if len(sys.argv) not in (4, 5) or (len(sys.argv) == 5 and sys.argv[4] != "--generic"):
        raise SystemExit(__doc__)
    occkit, shared, floor_file = sys.argv[1:4]
    generic = len(sys.argv) == 5
    if not os.path.isfile(os.path.join(shared, "tools", "score.py")) or not os.path.isdir(os.path.join(shared, "gold")):
        print(f"check_fidelity: {shared}: no tools/score.py or gold/ there; skipped")
        return SKIP
    floor = read_floor(floor_file)
    dev = score(os.path.abspath(occkit), shared, generic)
    what = "generic layout alone" if generic else "detected layouts"
    figure = dev["micro_f1"]
    print(f"check_fidelity: dev micro-F1 ({what}) {figure:.4f}, floor {floor:.4f} ({floor_file})")
    if figure + 1e-9 < floor:
        print(f"check_fidelity: FAIL: dev micro-F1 {figure:.4f} fell below the floor {floor:.4f}", file=sys.stderr)
        return 1
    if figure > floor + 0.005:
        print(f"check_fidelity: note: {figure:.4f} is above the floor; raise {os.path.basename(floor_file)} to it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
