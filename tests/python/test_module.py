"""The occkit Python module against the CLI: the same XML byte for byte, errors as occkit.Error with their code,
conversions on threads equal to serial ones, and validate / diff / stale / layouts giving the library's values."""
import concurrent.futures
import datetime
import json

import pytest

from conftest import cli_xml, sample_pages

SAMPLE = sorted(p for p in sample_pages() if p.name == "timber-frame-carpenter.txt")[0]


def test_to_xml_equals_the_cli_for_every_sample(occkit, cli):
    pages = sample_pages()
    assert len(pages) >= 10
    for page in pages:
        assert occkit.convert(page.read_bytes()).to_xml().encode() == cli_xml(cli, page), page


def test_str_input_url_and_layout_as_the_cli(occkit, cli):
    text = SAMPLE.read_text(encoding="utf-8")
    profile = occkit.convert(text, url="https://example.ca/carpenter", layout="generic", input_format="text")
    expected = cli_xml(cli, SAMPLE, "--url", "https://example.ca/carpenter", "--layout", "generic")
    assert profile.to_xml().encode() == expected
    assert profile.source["url"] == "https://example.ca/carpenter"


def test_attributes_follow_the_json_mapping(occkit, cli):
    profile = occkit.convert(SAMPLE.read_bytes())
    exported = json.loads(subprocess_export(cli, SAMPLE))
    assert profile.to_dict() == exported
    assert json.loads(profile.to_json(pretty=False)) == exported
    assert profile.title == exported["title"]["text"] == "Timber Frame Carpenter"
    assert profile.codes == exported.get("codes")
    assert profile.sections == exported["sections"]
    assert profile.dates == exported.get("dates")
    assert profile.wages == exported.get("wages")
    assert "Timber Frame Carpenter" in repr(profile)


def subprocess_export(cli, page):
    import subprocess

    return subprocess.run([cli, "export", "-q", str(page)], check=True, capture_output=True, text=True).stdout


def test_errors_raise_occkit_error_with_code_and_path(occkit):
    with pytest.raises(occkit.Error) as e:
        occkit.convert(b"", url="https://example.ca/empty")
    assert str(e.value) == "empty input"
    assert e.value.code == "convert"
    assert e.value.path == "https://example.ca/empty"
    assert e.value.record is None
    with pytest.raises(occkit.Error, match="unknown layout 'nope'"):
        occkit.convert("Baker", layout="nope")
    with pytest.raises(occkit.Error) as e:
        occkit.convert("Baker", input_format="pdf")
    assert e.value.code == "argument"
    with pytest.raises(occkit.Error) as e:
        occkit.read_xml("<occupation")
    assert e.value.code == "read-xml"
    with pytest.raises(occkit.Error, match="as_of"):
        occkit.stale(occkit.convert(SAMPLE.read_bytes()), as_of="last year")
    assert issubclass(occkit.Error, Exception)


def test_threads_give_the_serial_results(occkit):
    pages = [p.read_bytes() for p in sample_pages()] * 3
    serial = [occkit.convert(b).to_xml() for b in pages]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        threaded = list(pool.map(lambda b: occkit.convert(b).to_xml(), pages))
    assert threaded == serial


def test_the_gil_is_released_while_converting(occkit):
    """A page that takes about a second to convert, on another thread: this thread keeps running meanwhile (with the
    GIL held it would stand still for the whole conversion)."""
    import threading
    import time

    text = SAMPLE.read_text(encoding="utf-8")
    big = text + "\n".join(f"Paragraph {i} about timber frames and joinery work." for i in range(30000))
    worker = threading.Thread(target=occkit.convert, args=(big,))
    start = last = time.perf_counter()
    longest = 0.0
    worker.start()
    while worker.is_alive():
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    elapsed = time.perf_counter() - start
    assert elapsed > 0.2, "the conversion was too quick to tell"
    assert longest < elapsed / 2, (longest, elapsed)


def test_profiles_findings_errors_and_functions_pickle(occkit):
    import pickle

    profile = occkit.convert(SAMPLE.read_bytes(), url="https://example.ca/c")
    assert pickle.loads(pickle.dumps(profile)).to_xml() == profile.to_xml()
    finding = occkit.validate("<occupation/>")[0]
    back = pickle.loads(pickle.dumps(finding))
    assert (back.rule, back.severity, back.message) == (finding.rule, finding.severity, finding.message)
    try:
        occkit.convert(b"", url="u")
    except occkit.Error as e:
        error = pickle.loads(pickle.dumps(e))
    assert (type(error), str(error), error.code, error.path) == (occkit.Error, "empty input", "convert", "u")
    assert pickle.loads(pickle.dumps(occkit.convert)) is occkit.convert


def test_validate_diff_stale_and_layouts(occkit, cli):
    profile = occkit.convert(SAMPLE.read_bytes())
    findings = occkit.validate(profile.to_xml(), file="carpenter.xml")
    assert all(f.severity != "error" for f in findings), findings
    bad = occkit.validate("<occupation/>")
    assert any(f.rule == "schema" and f.severity == "error" for f in bad)

    other = occkit.convert(SAMPLE.read_text(encoding="utf-8").replace("Timber Frame Carpenter", "Log Builder"))
    assert occkit.diff(profile, profile).identical
    d = occkit.diff(profile, other)
    assert not d.identical
    report = json.loads(d.to_json("a", "b"))
    assert report["format"] == "occkit-diff" and report["old"] == "a" and not report["identical"]
    assert "Log Builder" in d.to_text()

    audit = occkit.stale(profile, as_of=datetime.date(2030, 1, 1))
    assert audit["title"] == "Timber Frame Carpenter"
    assert audit["sections"] and all("status" in s for s in audit["sections"])
    assert occkit.stale(profile.to_xml(), as_of="2030-01-01") == audit
    strict = occkit.stale(profile, as_of="2030-01-01", policy="default = 1m\n")
    assert {s["limitMonths"] for s in strict["sections"]} == {1}
    with pytest.raises(occkit.Error, match="policy:1"):
        occkit.stale(profile, policy="default = soon\n")

    ids = [layout["id"] for layout in occkit.layouts()]
    listed = subprocess_layouts(cli)
    assert ids == listed and "generic" in ids


def subprocess_layouts(cli):
    import subprocess

    out = subprocess.run([cli, "layouts"], check=True, capture_output=True, text=True).stdout
    return [line.split()[0] for line in out.splitlines()]


def test_convert_record_is_the_ndjson_filter(occkit, cli):
    import subprocess

    line = json.dumps({"id": "c", "content": SAMPLE.read_text(encoding="utf-8")})
    filtered = subprocess.run([cli, "convert", "--ndjson"], input=line + "\n", capture_output=True, text=True).stdout
    assert occkit.convert_record(line) == filtered
    assert json.loads(occkit.convert_record('{"id": "e", "content": ""}')) == {"id": "e", "error": "empty input"}
