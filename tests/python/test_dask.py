"""occkit on a real engine: a dask.distributed LocalCluster with two worker processes converts the dev pages
(../shared/corpus/pages/*/*.txt, else the samples) through the module, and every result equals the CLI's output for
the same page. Skipped when python3-distributed is not installed."""
import concurrent.futures

import pytest

from conftest import cli_xml, dev_pages


def convert_path(path):
    """Runs on a dask worker: the module is imported there (PYTHONPATH names it)."""
    import occkit

    with open(path, "rb") as f:
        return occkit.convert(f.read()).to_xml()


def test_dask_local_cluster_gives_the_cli_output(occkit, cli):
    distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed (python3-distributed)")
    pages = dev_pages()
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        futures = client.map(convert_path, [str(p) for p in pages], pure=False)
        results = client.gather(futures)
        # occkit's own functions travel to the workers, and Profiles come back (both pickle).
        profiles = client.gather(client.map(occkit.convert, [p.read_bytes() for p in pages[:8]], pure=False))
        workers = len(client.scheduler_info()["workers"])
    assert workers == 2
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        expected = list(pool.map(lambda p: cli_xml(cli, p), pages))
    assert len(results) == len(pages)
    for page, got, want in zip(pages, results, expected):
        assert got.encode() == want, page
    assert [p.to_xml() for p in profiles] == results[:8]
