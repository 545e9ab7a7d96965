"""Shared fixtures of the Python module's tests: the module (from OCCKIT_PYTHON_MODULE_DIR), the built CLI, the
sample pages and the dev pages of ../shared, and the CLI's output for a page to compare with."""
import os
import pathlib
import subprocess
import sys

import pytest

_module_dir = os.environ.get("OCCKIT_PYTHON_MODULE_DIR")
if _module_dir:
    sys.path.insert(0, _module_dir)

SOURCE = pathlib.Path(os.environ.get("OCCKIT_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))


@pytest.fixture(scope="session")
def occkit():
    try:
        import occkit as module
    except ImportError as e:
        pytest.skip(f"the occkit module cannot be imported: {e}")
    return module


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("OCCKIT_CLI")
    if not path or not os.access(path, os.X_OK):
        pytest.skip("OCCKIT_CLI does not name the built occkit program")
    return path


def sample_pages():
    return sorted(p for p in (SOURCE / "samples").glob("*/*") if p.suffix in (".html", ".txt"))


def dev_pages():
    """The dev pages of ../shared (text dumps) when present, else the samples."""
    shared = sorted((SOURCE.parent / "shared" / "corpus" / "pages").glob("*/*.txt"))
    return shared or sample_pages()


def cli_xml(cli, page, *args):
    """What `occkit convert PAGE` writes to standard output."""
    return subprocess.run([cli, "convert", "-q", *args, str(page)], check=True, capture_output=True).stdout
