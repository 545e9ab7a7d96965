#!/usr/bin/env python3
"""The Doxygen API reference builds cleanly: `cmake --build BUILD_DIR --target docs` makes docs/html/index.html,
and docs/warnings.log (every Doxygen warning: an undocumented public declaration, a broken reference) is empty.
Exits 77 (skipped) when doxygen is not installed: the docs target is optional.

    check_docs.py BUILD_DIR
"""
import pathlib
import shutil
import subprocess
import sys


def main() -> int:
    build = pathlib.Path(sys.argv[1])
    if shutil.which("doxygen") is None:
        print("SKIP: doxygen is not installed (no docs target)")
        return 77
    run = subprocess.run(["cmake", "--build", str(build), "--target", "docs"], capture_output=True, text=True)
    if run.returncode != 0:
        print(f"cmake --build --target docs failed ({run.returncode}):\n{run.stdout}{run.stderr}")
        return 1
    index = build / "docs" / "html" / "index.html"
    if not index.is_file() or "occkit" not in index.read_text(encoding="utf-8", errors="replace"):
        print(f"{index} is missing or does not name occkit")
        return 1
    log = build / "docs" / "warnings.log"
    if not log.is_file():
        print(f"{log} is missing: Doxygen did not run with Doxyfile.in's WARN_LOGFILE")
        return 1
    warnings = [line for line in log.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    if warnings:
        print(f"{len(warnings)} Doxygen warnings ({log}):")
        print("\n".join(warnings[:50]))
        return 1
    pages = len(list((build / "docs" / "html").glob("*.html")))
    print(f"API reference: {index} ({pages} pages), no Doxygen warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
