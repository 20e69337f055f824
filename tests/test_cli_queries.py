"""Search, statistics and the run ledger, read-only, on an archive built by the demo."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.conftest import run_command


@pytest.fixture(scope="module")
def demo_archive(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    assert run_command(["blogarchive", "demo"], cwd=folder).returncode == 0
    return folder


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def query(folder: Path, *args: str):
    return run_command(["blogarchive", *args, "--db", "demo.sqlite"], cwd=folder)


def test_search_ranks_matches_with_highlighted_snippets(demo_archive):
    result = query(demo_archive, "search", "pharmacy")
    assert result.returncode == 0
    title, url, snippet = result.stdout.splitlines()[:3]
    assert title.startswith("Pharmacy Leadership in Medicines Equity  (Anisha Soni;")
    assert "/pharmacy-leadership-in-medicines-equity/" in url
    assert "[" in snippet and "]" in snippet


def test_search_filters_combine(demo_archive):
    result = query(demo_archive, "search", "leader", "--series", "Greener Leader Blog Series")
    titles = result.stdout.splitlines()[::3]
    assert titles and all("Greener" in t or "greener" in t or "climate" in t for t in titles)
    none = query(demo_archive, "search", "leader", "--since", "2031")
    assert none.stdout == "" and "No posts found." in none.stderr


def test_a_bad_search_query_is_one_clear_line(demo_archive):
    result = query(demo_archive, "search", "leader AND (")
    assert result.returncode == 2
    assert result.stderr.startswith("blogarchive: not a valid search query")
    assert "Traceback" not in result.stderr


def test_stats_json(demo_archive):
    figures = json.loads(query(demo_archive, "stats", "--json").stdout)
    assert figures["posts"] == 60
    assert figures["sources"][0]["source"] == "bmjleader"
    assert {"series": "Greener Leader Blog Series", "source": "bmjleader", "posts": 5} in (
        figures["series"]
    )
    assert sum(y["posts"] for y in figures["years"]) + figures["undated"] == 60
    assert figures["top_authors"][0]["posts"] >= 2


def test_reading_commands_never_change_the_archive(demo_archive):
    before = digest(demo_archive / "demo.sqlite")
    for args in (("search", "leadership"), ("stats",), ("runs",), ("search", "x AND (")):
        query(demo_archive, *args)
    assert digest(demo_archive / "demo.sqlite") == before


def test_export_a_filtered_collection_with_its_manifest_and_bag(demo_archive):
    import bagit
    import rispy

    before = digest(demo_archive / "demo.sqlite")
    result = query(
        demo_archive,
        "export",
        "--format",
        "ris",
        "--series",
        "Magical Meander",
        "-o",
        "meander",
        "--bag",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Exported 5 posts as ris to meander (BagIt bag)")
    bag = bagit.Bag(str(demo_archive / "meander"))
    bag.validate()
    data = demo_archive / "meander" / "data"
    records = rispy.loads((data / "posts.ris").read_text(encoding="utf-8"))
    assert len(records) == 5 and all(r["type_of_reference"] == "BLOG" for r in records)
    manifest = json.loads((data / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["count"] == 5 and manifest["filters"] == {"series": "Magical Meander"}
    [entry] = manifest["files"]
    assert entry["sha256"] == digest(data / "posts.ris")
    assert digest(demo_archive / "demo.sqlite") == before


def test_export_refuses_a_non_empty_folder(demo_archive):
    (demo_archive / "taken").mkdir(exist_ok=True)
    (demo_archive / "taken" / "notes.txt").write_text("mine")
    result = query(demo_archive, "export", "--format", "csv", "-o", "taken")
    assert result.returncode == 2 and "not empty" in result.stderr
    assert (demo_archive / "taken" / "notes.txt").read_text() == "mine"
