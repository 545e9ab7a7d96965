#!/usr/bin/env python3
"""Runs the Python module's pytest suite for ctest: run_pytest.py MODULE_DIR OCCKIT_CLI SOURCE_DIR.

Exits 77 (ctest: skipped) with the reason when the module was not built (MODULE_DIR empty: OCCKIT_PYTHON=OFF) or
when pytest is not installed, so a machine without pybind11 still runs the rest of the suite.
"""
import importlib.util
import os
import sys


def main():
    module_dir, cli, source = sys.argv[1:4]
    if not module_dir:
        print("skipped: the occkit Python module was not built (OCCKIT_PYTHON=OFF; needs pybind11-dev python3-dev)")
        return 77
    if importlib.util.find_spec("pytest") is None:
        print("skipped: pytest is not installed (Debian: python3-pytest)")
        return 77
    import pytest

    os.environ["OCCKIT_PYTHON_MODULE_DIR"] = module_dir
    os.environ["OCCKIT_CLI"] = cli
    os.environ["OCCKIT_SOURCE_DIR"] = source
    # Worker processes (dask) find the module through PYTHONPATH.
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in [module_dir, os.environ.get("PYTHONPATH", "")] if p)
    here = os.path.dirname(os.path.abspath(__file__))
    return pytest.main(["-q", "-p", "no:cacheprovider", "-rs", here])


if __name__ == "__main__":
    sys.exit(main())
