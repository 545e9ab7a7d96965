#!/usr/bin/env python3
"""The man pages render and say what --help says: occkit.1 and one occkit-COMMAND.1 for every command `occkit
--help` lists (occkit-layout-learn.1 for a nested one). Each page is rendered with `groff -man -Tutf8 -ww`, which must
not warn; the text must have NAME and SYNOPSIS (and, for a command, EXIT STATUS and EXAMPLES), and every long option
of the command's --help must appear in it. Exits 77 (skipped) when groff is not installed.

    check_man.py OCCKIT MAN_DIR
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys

HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2212": "-", "\u00ad": ""})


def run_help(occkit: str, words: list[str]) -> str:
    return subprocess.run([occkit, *words, "--help"], capture_output=True, text=True, check=True).stdout


def subcommands(help_text: str) -> list[str]:
    """The names under "Subcommands:" in a --help text."""
    block = help_text.split("\nSubcommands:\n", 1)
    if len(block) < 2:
        return []
    names = []
    for line in block[1].splitlines():
        if not line.strip():
            break
        match = re.match(r"  ([a-z][a-z-]*)", line)
        if match:
            names.append(match.group(1))
    return names


def render(page: pathlib.Path) -> tuple[str, str]:
    """The page as plain text (no bold or underline), and groff's warnings."""
    env = dict(os.environ, MANWIDTH="100")
    result = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-P-cbou", str(page)], capture_output=True,
                            text=True, env=env)
    return result.stdout.translate(HYPHENS), result.stderr.strip()


def long_options(help_text: str) -> set[str]:
    """The long options a --help text defines (lines that start with an option), not those its prose mentions."""
    options = set()
    for line in help_text.splitlines():
        if re.match(r"\s+-", line):
            spec = re.split(r"\s{2,}", line.strip())[0]  # "-o,--output TEXT", before the description
            options.update(re.findall(r"--[a-z][a-z0-9-]*", spec))
    return options


def check_page(page: pathlib.Path, name: str, synopsis: str, required: list[str], sections: list[str]) -> list[str]:
    if not page.is_file():
        return [f"{page}: missing"]
    text, warnings = render(page)
    problems = [f"{page}: groff warns: {warnings}"] if warnings else []
    flat = " ".join(text.split())
    for section in ["NAME", "SYNOPSIS", *sections]:
        if not re.search(rf"^{section}$", text, re.M):
            problems.append(f"{page}: no {section} section")
    if f"NAME {name} - " not in flat:
        problems.append(f"{page}: NAME does not read '{name} - ...'")
    if synopsis not in flat:
        problems.append(f"{page}: the SYNOPSIS does not show '{synopsis}'")
    problems += [f"{page}: does not mention {word}" for word in required if word not in flat]
    return problems


def main() -> int:
    occkit, man_dir = sys.argv[1], pathlib.Path(sys.argv[2])
    if shutil.which("groff") is None:
        print("SKIP: groff is not installed (Debian: groff-base)")
        return 77
    top = run_help(occkit, [])
    commands = []
    for command in subcommands(top):
        commands.append([command])
        commands += [[command, nested] for nested in subcommands(run_help(occkit, [command]))]
    problems = check_page(man_dir / "occkit.1", "occkit", "occkit command", [c[0] for c in commands], [])
    for words in commands:
        help_text = run_help(occkit, words)
        options = sorted(long_options(help_text) - {"--help"})
        page = man_dir / f"occkit-{'-'.join(words)}.1"
        problems += check_page(page, f"occkit-{'-'.join(words)}", "occkit " + " ".join(words), options,
                               ["OPTIONS", "EXAMPLES", "EXIT STATUS", "SEE ALSO"])
        print(f"{page.name}: {len(options)} options")
    if not commands:
        problems.append(f"{occkit} --help lists no subcommand")
    for problem in problems:
        print(problem)
    print(f"{len(commands) + 1} pages in {man_dir}, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
