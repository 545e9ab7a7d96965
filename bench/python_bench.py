#!/usr/bin/env python3
"""Throughput of occkit's ways in for pipelines, on the pages convert_bench.cpp uses (../shared/corpus/workbc/
2022-11-22/**/*.html when ../shared is present, the samples' HTML pages otherwise), printed as pages/s:

  1. the Python module (occkit.convert(page).to_xml(), one thread) against the C++ library doing the same
     (build/bench/occkit_convert_bench, BM_WorkBC_Html_OcckitConvert), and the module on 2 threads (GIL released);
  2. `occkit convert --ndjson` (records from `occkit export --ndjson-records`) against `occkit convert DIR -o OUT`;
  3. a dask.distributed LocalCluster with 2 worker processes against one process (skipped without dask).

    python3 bench/python_bench.py [--build build] [--repeat 3]

Needs a build with OCCKIT_PYTHON on. A bench, not a test: the figures depend on the machine and its load.
"""
import argparse
import concurrent.futures
import json
import os
import pathlib
import resource
import subprocess
import sys
import tempfile
import time

SOURCE = pathlib.Path(__file__).resolve().parents[1]


def page_dir():
    shared = SOURCE.parent / "shared" / "corpus" / "workbc" / "2022-11-22"
    return shared if shared.is_dir() else SOURCE / "samples"


def load_pages(directory):
    return [p.read_bytes() for p in sorted(directory.rglob("*.html"))]


def best_rate(pages, run, repeat, clock=time.perf_counter):
    """pages/s of the fastest of `repeat` runs of run(), by `clock`."""
    best = min(timed(run, clock) for _ in range(repeat))
    return pages / best


def timed(run, clock):
    start = clock()
    run()
    return clock() - start


def children_cpu():
    """CPU seconds used by finished child processes (the CLI runs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def module_rates(occkit, pages, repeat):
    # CPU time, as Google Benchmark measures the library: on a shared machine wall time mostly measures the others.
    one = best_rate(len(pages), lambda: [occkit.convert(p).to_xml() for p in pages], repeat, time.process_time)
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        two = best_rate(len(pages), lambda: list(pool.map(lambda p: occkit.convert(p).to_xml(), pages)), repeat)
    return one, two


def library_rate(build):
    out = subprocess.run(
        [str(build / "bench" / "occkit_convert_bench"), "--benchmark_filter=BM_WorkBC_Html_OcckitConvert$",
         "--benchmark_format=json", "--benchmark_repetitions=3", "--benchmark_report_aggregates_only=true"],
        check=True, capture_output=True, text=True).stdout
    runs = json.loads(out)["benchmarks"]
    return max(b["items_per_second"] for b in runs if b.get("aggregate_name") in ("mean", "median", None))


def cli_rates(cli, directory, pages, repeat):
    records = subprocess.run([cli, "export", "--ndjson-records", str(directory)], check=True, capture_output=True).stdout
    records = b"".join(line + b"\n" for line in records.splitlines() if b'.html"' in line.split(b",", 1)[0])

    def ndjson():
        subprocess.run([cli, "convert", "--ndjson", "-q"], input=records, check=True, stdout=subprocess.DEVNULL)

    def convert_dir():
        with tempfile.TemporaryDirectory() as out:
            subprocess.run([cli, "convert", "-q", str(directory), "-o", out], check=True)

    return [best_rate(pages, run, repeat, clock) for run in (ndjson, convert_dir) for clock in (children_cpu, time.perf_counter)]


def convert_batch(pages):
    """Runs on a dask worker. Tasks of a few dozen pages: dask's cost per task (~1 ms) is a page's conversion."""
    import occkit

    return [occkit.convert(page).to_xml() for page in pages]


def dask_rate(pages, repeat):
    try:
        import distributed
    except ImportError:
        return None
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            batches = client.scatter([pages[i : i + 24] for i in range(0, len(pages), 24)])
            client.gather(client.map(convert_batch, batches, pure=False))  # warm: modules imported, layouts built
            return best_rate(len(pages), lambda: client.gather(client.map(convert_batch, batches, pure=False)),
                             repeat)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=str(SOURCE / "build"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    build = pathlib.Path(args.build).resolve()
    sys.path.insert(0, str(build / "python"))
    os.environ["PYTHONPATH"] = os.pathsep.join([str(build / "python"), os.environ.get("PYTHONPATH", "")])
    import occkit

    directory = page_dir()
    pages = load_pages(directory)
    print(f"pages: {len(pages)} HTML pages below {directory}; load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} CPUs (wall-time figures suffer from it)")
    module_one, module_two = module_rates(occkit, pages, args.repeat)
    library = library_rate(build)
    print(f"module convert+to_xml, 1 thread   {module_one:8.1f} pages/s CPU")
    print(f"C++ library convert+write_xml     {library:8.1f} pages/s CPU  (module = {100 * module_one / library:.0f}%)")
    print(f"module, 2 threads                 {module_two:8.1f} pages/s wall")
    module_wall = best_rate(len(pages), lambda: [occkit.convert(p).to_xml() for p in pages], args.repeat)
    print(f"module, 1 thread                  {module_wall:8.1f} pages/s wall  (2 threads: {module_two / module_wall:.2f}x)")
    ndjson, ndjson_wall, convert_dir, convert_dir_wall = cli_rates(
        str(build / "tools" / "occkit"), directory, len(pages), args.repeat)
    print(f"occkit convert --ndjson           {ndjson:8.1f} pages/s CPU  {ndjson_wall:8.1f} wall")
    print(f"occkit convert DIR -o OUT         {convert_dir:8.1f} pages/s CPU  {convert_dir_wall:8.1f} wall"
          f"  (ndjson = {100 * ndjson / convert_dir:.0f}% CPU, {100 * ndjson_wall / convert_dir_wall:.0f}% wall)")
    rate = dask_rate(pages, args.repeat)
    if rate is None:
        print("dask: not installed (python3-distributed)")
    else:
        print(f"dask LocalCluster, 2 processes    {rate:8.1f} pages/s wall  ({rate / module_wall:.2f}x one process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
