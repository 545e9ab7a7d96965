#!/usr/bin/env python3
"""Chrome-mutation suite (issue 12, deliverable 7): metamorphic tests of convert against page chrome.

Each sample HTML page in samples/ (and, when ../shared is there, the WorkBC pages of ../shared/corpus/workbc/*) is
parsed (html_tree.py) and re-rendered with its own content wrapped in another chrome: a cookie banner first, a
breadcrumb, the title in an h2 with its code beside it in <small>, a sidebar of links, a header nav and a footer
with a copyright line, a stats table, headings one level down, windows-1252 with CRLF, a meta charset that lies.
Every page, plain and mutated, is converted by one `occkit convert DIR -o DIR` run; the title, codes, jurisdiction,
section kinds and headings, dates and wages of each mutation must be those of the plain page, and no string the
chrome added may reach the profile.

A (chrome, page) pair the engine still gets wrong is listed in the allow-list file, one per line with its reason
("CHROME PAGE-GLOB  reason"); the suite fails only on differences the list does not allow, prints every difference,
then the pass rate of each chrome. Exits 77 (skipped) when there is nothing to mutate.

Usage: chrome_mutations.py OCCKIT SOURCE_DIR SHARED_DIR ALLOWLIST [--workbc-every N] [--keep DIR]
"""
import argparse
import fnmatch
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import html_tree  # noqa: E402
from html_tree import element  # noqa: E402

SKIP = 77
NS = "{urn:occkit:occupation:1}"

# What each chrome adds; the words are ours. Strings listed in LEAKS must not reach any profile.
BANNER = "We use cookies to make this site work and to understand how visitors use it. Accept or manage your choices."
CRUMBS = ["Home", "Explore Careers"]
SIDEBAR = ["Find a training program", "Compare two careers", "Ask a career advisor", "Browse careers by industry"]
NAV = ["Home", "Plan your career", "Find a job", "Funding and supports", "About us"]
COPYRIGHT = "© 2024 Example Careers Office. All rights reserved."
STATS = [("Profiles on this site", "512"), ("Visits this month", "48,210"), ("Pages translated", "230")]
LEAKS = [BANNER, "Accept all cookies", "Explore Careers >", COPYRIGHT, "Ask a career advisor", "Plan your career",
         "Visits this month", "Profiles on this site"]


def body_of(root):
    return root.find("body") or root


def first_content_index(body):
    """Where injected chrome goes above the content: before the first element of the body."""
    return next((i for i, c in enumerate(body.children) if c.kind == "element"), 0)


def chrome_banner(root, plain):
    body = body_of(root)
    box = element("div", [("class", "cookie-consent-banner"), ("id", "cookie-banner"), ("role", "dialog")],
                  element("p", None, BANNER), element("button", [("type", "button")], "Accept all cookies"))
    body.insert(first_content_index(body), box)
    return True


def chrome_breadcrumb(root, plain):
    if not plain["title"]:
        return False
    body = body_of(root)
    trail = element("div", [("class", "breadcrumb")])
    for crumb in CRUMBS:
        trail.append(element("a", [("href", "#")], crumb))
        trail.append(html_tree.Node(text=" > ", kind="text"))
    trail.append(element("span", None, plain["title"]))
    body.insert(first_content_index(body), trail)
    return True


def title_element(root, title):
    """The element that holds the page's title: its first h1, else the innermost element whose text is the title."""
    h1 = root.find("h1")
    if h1 is not None:
        return h1
    norm = " ".join(title.split())
    found = [n for n in root.iter() if n.kind == "element" and " ".join(n.text_content().split()) == norm]
    return found[-1] if found else None


def chrome_title_small(root, plain):
    """The title in an h2 with the code beside it in <small>: "Title (NOC 1234)"."""
    if not plain["title"]:
        return False
    target = title_element(root, plain["title"])
    if target is None or target.parent is None:
        return False
    heading = element("h2", [("class", "page-title")], plain["title"])
    occupation_codes = [c for c in plain["codes"] if c[0] in ("NOC", "CNP")]
    if occupation_codes:
        scheme, _, code = occupation_codes[0]
        heading.append(html_tree.Node(text=" ", kind="text"))
        heading.append(element("small", None, f"({scheme} {code})"))
    siblings = target.parent.children
    heading.parent = target.parent
    siblings[siblings.index(target)] = heading
    return True


def chrome_sidebar(root, plain):
    body = body_of(root)
    links = element("ul", None, *[element("li", None, element("a", [("href", "#")], s)) for s in SIDEBAR])
    aside = element("aside", [("class", "sidebar"), ("aria-label", "Related links")],
                    element("h3", None, "Related links"), links)
    body.insert(first_content_index(body) + 1, aside)
    return True


def chrome_nav_footer(root, plain):
    body = body_of(root)
    menu = element("ul", None, *[element("li", None, element("a", [("href", "#")], s)) for s in NAV])
    body.insert(first_content_index(body), element("header", None, element("nav", [("class", "main-menu")], menu)))
    body.append(element("footer", [("class", "site-footer")], element("p", None, COPYRIGHT),
                        element("p", None, element("a", [("href", "#")], "Privacy"), " | ",
                                element("a", [("href", "#")], "Accessibility"))))
    return True


def chrome_stats_table(root, plain):
    body = body_of(root)
    rows = [element("tr", None, element("th", None, k), element("td", None, v)) for k, v in STATS]
    table = element("table", [("class", "site-stats"), ("role", "presentation")], *rows)
    body.append(element("div", [("class", "site-stats-box")], table))
    return True


def chrome_heading_levels(root, plain):
    """Every heading one level down (h1 -> h2, h2 -> h3, ...), as on a site that styles its headings differently."""
    changed = False
    for node in root.iter():
        if node.kind == "element" and re.fullmatch(r"h[1-5]", node.tag or ""):
            node.tag = f"h{int(node.tag[1]) + 1}"
            changed = True
    return changed


META_CHARSET = re.compile(rb"(<meta[^>]*charset\s*=\s*[\"']?)([A-Za-z0-9_-]+)", re.I)


def set_meta_charset(page, charset):
    """The page with its meta charset declaration naming `charset` (one is added to <head> when there is none)."""
    if META_CHARSET.search(page):
        return META_CHARSET.sub(lambda m: m.group(1) + charset, page, count=1)
    return re.sub(rb"(<head[^>]*>)", lambda m: m.group(1) + b'<meta charset="' + charset + b'">', page, count=1,
                  flags=re.I)


def encode_cp1252_crlf(text):
    page = text.replace("\r\n", "\n").replace("\n", "\r\n").encode("cp1252", errors="xmlcharrefreplace")
    return set_meta_charset(page, b"windows-1252")


def encode_lying_charset(text):
    """UTF-8 bytes under a meta charset that says ISO-8859-1 (a CMS template that lies)."""
    return set_meta_charset(text.encode("utf-8"), b"iso-8859-1")


# name -> (tree mutation or None, encoder of the re-rendered text)
UTF8 = lambda text: text.encode("utf-8")  # noqa: E731
CHROMES = {
    "roundtrip": (lambda root, plain: True, UTF8),  # the generator's own check: parsed and written back unchanged
    "banner": (chrome_banner, UTF8),
    "breadcrumb": (chrome_breadcrumb, UTF8),
    "title-small": (chrome_title_small, UTF8),
    "sidebar": (chrome_sidebar, UTF8),
    "nav-footer": (chrome_nav_footer, UTF8),
    "stats-table": (chrome_stats_table, UTF8),
    "heading-levels": (chrome_heading_levels, UTF8),
    "cp1252-crlf": (None, encode_cp1252_crlf),
    "lying-charset": (None, encode_lying_charset),
}


# --- what is compared -------------------------------------------------------------------------------------------

def squash(s):
    return " ".join((s or "").split())


def section_facts(sec, path, out):
    kind = sec.get("kind")
    heading = sec.find(NS + "heading")
    here = path + (kind,)
    out["sections"].append(("/".join(here), squash(heading.text if heading is not None else "")))
    for d in sec.findall(NS + "date"):
        out["dates"].append(("/".join(here), d.get("kind"), d.get("value")))
    for w in sec.findall(NS + "wage"):
        out["wages"].append(("/".join(here),) + tuple(w.get(a) for a in ("measure", "per", "value", "min", "max")))
    for sub in sec.findall(NS + "section"):
        section_facts(sub, here, out)


def profile_facts(path):
    """The invariants of one converted page, or None when it did not convert."""
    if not os.path.exists(path):
        return None
    root = ET.parse(path).getroot()
    src = root.find(NS + "source")
    title = root.find(NS + "title")
    out = {"jurisdiction": src.get("jurisdiction") if src is not None else None,
           "title": squash(title.text) if title is not None else None,
           "codes": sorted({(c.get("scheme"), c.get("version") or "", c.get("value")) for c in root.iter(NS + "code")}),
           "sections": [], "dates": [], "wages": []}
    for d in root.findall(f"{NS}dates/{NS}date"):
        # A date in the injected chrome (the footer's copyright) rightly dates the page: it is not a difference.
        if any(squash(d.text or "") in s for s in LEAKS):
            continue
        out["dates"].append(("page", d.get("kind"), d.get("value")))
    for w in root.findall(f"{NS}wages/{NS}wage"):
        out["wages"].append(("page",) + tuple(w.get(a) for a in ("measure", "per", "value", "min", "max")))
    sections = root.find(NS + "sections")
    for sec in sections.findall(NS + "section") if sections is not None else []:
        section_facts(sec, (), out)
    text = squash(" ".join(root.itertext()))
    out["leaks"] = [s for s in LEAKS if s in text]
    return out


def differences(plain, mutated):
    """Readable lines, one per difference between the plain page's invariants and the mutation's."""
    if mutated is None:
        return ["conversion failed"]
    out = []
    for key in ("title", "jurisdiction", "codes"):
        if plain[key] != mutated[key]:
            out.append(f"{key}: {plain[key]!r} -> {mutated[key]!r}")
    for key in ("sections", "dates", "wages"):
        lost = [x for x in plain[key] if x not in mutated[key]]
        extra = [x for x in mutated[key] if x not in plain[key]]
        out += [f"{key}: lost {x}" for x in lost] + [f"{key}: extra {x}" for x in extra]
        if not lost and not extra and plain[key] != mutated[key]:
            out.append(f"{key}: reordered")
    out += [f"chrome text in the profile: {s!r}" for s in mutated["leaks"]]
    return out


# --- the run ----------------------------------------------------------------------------------------------------

def find_pages(source_dir, shared_dir, workbc_every):
    """(page id, path) pairs, sorted: the samples' HTML pages, then every Nth WorkBC page of ../shared."""
    pages = []
    samples = os.path.join(source_dir, "samples")
    for site in sorted(os.listdir(samples)) if os.path.isdir(samples) else []:
        if not os.path.isdir(os.path.join(samples, site)):
            continue
        for name in sorted(os.listdir(os.path.join(samples, site))):
            if name.endswith(".html"):
                pages.append((f"samples/{site}/{name[:-5]}", os.path.join(samples, site, name)))
    workbc = os.path.join(shared_dir, "corpus", "workbc")
    for snap in sorted(os.listdir(workbc)) if os.path.isdir(workbc) else []:
        names = sorted(n for n in os.listdir(os.path.join(workbc, snap)) if n.endswith(".html"))
        for name in names[::workbc_every]:
            pages.append((f"workbc/{snap}/{name[:-5]}", os.path.join(workbc, snap, name)))
    return pages


def convert_tree(occkit, pages_dir, xml_dir):
    run = subprocess.run([occkit, "convert", pages_dir, "-o", xml_dir, "-j", "2", "-q"], capture_output=True,
                         text=True, timeout=1800)
    if run.returncode not in (0, 1):
        raise SystemExit(f"chrome_mutations: occkit convert failed (exit {run.returncode}): {run.stderr}")
    return run.stderr


def read_allowlist(path):
    """(chrome, page glob, reason) triples; a line without a reason is an error."""
    entries = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            parts = line.split(None, 2)
            if len(parts) < 3 or parts[0] not in CHROMES:
                raise SystemExit(f"chrome_mutations: {path}:{n}: want 'CHROME PAGE-GLOB reason' with a known chrome")
            entries.append(tuple(parts))
    return entries


def allowed(entries, chrome, page):
    return next((e for e in entries if e[0] == chrome and fnmatch.fnmatchcase(page, e[1])), None)


def write_pages(pages, work, plains):
    """The mutated pages under work/pages/<chrome>/<page id>.html; returns the chromes applicable to each page."""
    applicable = {}
    for page_id, path in pages:
        with open(path, "rb") as f:
            text = f.read().decode("utf-8", errors="replace")
        for chrome, (mutate, encode) in CHROMES.items():
            tree = html_tree.parse(text)
            if mutate is not None and not mutate(tree, plains[page_id]):
                continue
            out = os.path.join(work, "pages", chrome, page_id + ".html")
            os.makedirs(os.path.dirname(out), exist_ok=True)
            with open(out, "wb") as f:
                f.write(encode(html_tree.serialize(tree)))
            applicable.setdefault(page_id, []).append(chrome)
    return applicable


def plain_facts(occkit, pages, work):
    os.makedirs(os.path.join(work, "plain"))
    for page_id, path in pages:
        dest = os.path.join(work, "plain", page_id + ".html")
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        shutil.copyfile(path, dest)
    convert_tree(occkit, os.path.join(work, "plain"), os.path.join(work, "plain-xml"))
    return {pid: profile_facts(os.path.join(work, "plain-xml", pid + ".xml")) for pid, _ in pages}


def judge(pages, applicable, plains, work, entries):
    """Prints every difference; returns (per-chrome [pass, total], unexpected failures, allow-list lines now passing)."""
    rates = {c: [0, 0] for c in CHROMES}
    unexpected, healed = [], set()
    for page_id, _ in pages:
        if plains[page_id] is None:
            print(f"SKIP {page_id}: the plain page does not convert")
            continue
        for chrome in applicable.get(page_id, []):
            mutated = profile_facts(os.path.join(work, "xml", chrome, page_id + ".xml"))
            diffs = differences(plains[page_id], mutated)
            rates[chrome][1] += 1
            entry = allowed(entries, chrome, page_id)
            if not diffs:
                rates[chrome][0] += 1
                if entry and "*" not in entry[1]:
                    healed.add(entry)
                continue
            tag = f"allowed ({entry[2]})" if entry else "FAIL"
            print(f"{tag}: {chrome} {page_id}")
            for d in diffs:
                print(f"    {d}")
            if not entry:
                unexpected.append((chrome, page_id))
    return rates, unexpected, healed


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("occkit")
    ap.add_argument("source_dir")
    ap.add_argument("shared_dir")
    ap.add_argument("allowlist")
    ap.add_argument("--workbc-every", type=int, default=1, help="take every Nth WorkBC page of each snapshot")
    ap.add_argument("--keep", help="write the pages and XML here instead of a temporary directory")
    a = ap.parse_args()
    pages = find_pages(a.source_dir, a.shared_dir, max(1, a.workbc_every))
    if not pages:
        print("chrome_mutations: no HTML pages to mutate; skipped")
        return SKIP
    entries = read_allowlist(a.allowlist)
    work = a.keep or tempfile.mkdtemp(prefix="occkit-chrome-")
    try:
        plains = plain_facts(os.path.abspath(a.occkit), pages, work)
        applicable = write_pages(pages, work, plains)
        convert_tree(os.path.abspath(a.occkit), os.path.join(work, "pages"), os.path.join(work, "xml"))
        rates, unexpected, healed = judge(pages, applicable, plains, work, entries)
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\nper-chrome pass rate ({len(pages)} pages):")
    for chrome, (ok, total) in rates.items():
        print(f"  {chrome:<15} {ok:>4}/{total:<4} {100.0 * ok / total if total else 100.0:6.1f}%")
    for entry in sorted(healed):
        print(f"note: now passes, remove from the allow-list: {entry[0]} {entry[1]}")
    if unexpected:
        print(f"\nchrome_mutations: {len(unexpected)} mutation(s) differ from the plain page and are not allowed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
