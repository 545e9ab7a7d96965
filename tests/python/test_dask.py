"""occkit on a real engine: a dask.distributed LocalCluster with two worker processes converts the dev pages
(../shared/corpus/pages/*/*.txt, else the samples) through the module, and every result equals the CLI's output for
the same page; then the page records of a web archive of those pages (`occkit export --ndjson-records`) go through
occkit.convert_record on the cluster and equal `occkit convert --ndjson`. Skipped when python3-distributed is not
installed."""
import concurrent.futures
import gzip
import subprocess

import pytest

from conftest import cli_xml, dev_pages


def convert_path(path):
    """Runs on a dask worker: the module is imported there (PYTHONPATH names it)."""
    import occkit

    with open(path, "rb") as f:
        return occkit.convert(f.read()).to_xml()


def write_warc(path, pages):
    """A .warc.gz of `pages` as text/plain responses, one gzip member per record as crawlers write them."""
    with open(path, "wb") as out:
        for n, page in enumerate(pages):
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + page.read_bytes()
            head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.ca/{page.parent.name}/"
                    f"{page.name}\r\nWARC-Date: 2024-05-{1 + n % 28:02d}T12:00:00Z\r\n"
                    f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
                    f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n")
            out.write(gzip.compress(head.encode() + http + b"\r\n\r\n"))


def test_dask_local_cluster_gives_the_cli_output(occkit, cli, tmp_path):
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
        warc = tmp_path / "crawl.warc.gz"
        write_warc(warc, pages)
        records = subprocess.run([cli, "export", "--ndjson-records", str(warc)], check=True, capture_output=True,
                                 text=True).stdout.splitlines()
        from_records = client.gather(client.map(occkit.convert_record, records, pure=False))
    assert workers == 2
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        expected = list(pool.map(lambda p: cli_xml(cli, p), pages))
    assert len(results) == len(pages)
    for page, got, want in zip(pages, results, expected):
        assert got.encode() == want, page
    assert [p.to_xml() for p in profiles] == results[:8]
    assert len(records) == len(pages)
    filtered = subprocess.run([cli, "convert", "--ndjson", "-q"], input="\n".join(records) + "\n", check=True,
                              capture_output=True, text=True).stdout
    assert "".join(from_records) == filtered
    assert all('"profile":' in line for line in from_records)
