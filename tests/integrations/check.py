#!/usr/bin/env python3
# Checks the ready-made CI integrations against the program they call: action.yml is a composite action that runs
# validate and uploads SARIF, .pre-commit-hooks.yaml declares the two hooks, the example workflows parse, every
# `occkit validate` option they use is one `occkit validate --help` lists, and the bash completion parses.
# Usage: check.py SOURCE_DIR OCCKIT. Exit 77 (skipped) without python3-yaml.
import pathlib
import re
import subprocess
import sys

try:
    import yaml
except ImportError:
    print("SKIP: python3-yaml is not installed")
    sys.exit(77)

source, occkit = pathlib.Path(sys.argv[1]), sys.argv[2]
problems = []

action = yaml.safe_load((source / "action.yml").read_text())
if action["runs"]["using"] != "composite":
    problems.append("action.yml: not a composite action")
steps = action["runs"]["steps"]
if not any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps):
    problems.append("action.yml: no upload-sarif step")
for name in ("paths", "fail-on", "config", "baseline", "args", "sarif-file"):
    if name not in action["inputs"]:
        problems.append(f"action.yml: no input {name}")

hooks = yaml.safe_load((source / ".pre-commit-hooks.yaml").read_text())
ids = {h["id"] for h in hooks}
if ids != {"occkit-validate", "occkit-convert-check"}:
    problems.append(f".pre-commit-hooks.yaml: hooks {sorted(ids)}")
for example in sorted((source / "docs/examples").glob("*.yml")):
    yaml.safe_load(example.read_text())

# Every long option the integrations pass to `occkit validate` exists.
help_text = subprocess.run([occkit, "validate", "--help"], capture_output=True, text=True, check=True).stdout
texts = [(source / "action.yml").read_text(), (source / ".pre-commit-hooks.yaml").read_text()]
texts += [p.read_text() for p in (source / "docs/examples").glob("*.yml")]
for text in texts:
    for line in text.splitlines():
        if "occkit validate" in line or "args=(validate" in line:
            for option in re.findall(r"(--[a-z][a-z-]+)", line):
                if option not in help_text:
                    problems.append(f"`occkit validate` has no {option}: {line.strip()}")

result = subprocess.run(["bash", "-n", str(source / "docs/completions/occkit.bash")], capture_output=True, text=True)
if result.returncode != 0:
    problems.append("docs/completions/occkit.bash: " + result.stderr.strip())

for p in problems:
    print(p)
print(f"checked: {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
