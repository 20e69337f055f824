"""Check that the store writes the same archive as another revision's store.

    .venv/bin/python benchmarks/store_equality.py [--against main] [--posts 300]

Builds one scenario of ``save_posts`` calls (and a ``refresh_heading_fields``)
from a generated blog, parsed as a crawl parses it: new posts, the same posts
again, the posts completed from their own pages, changed headings, teasers,
texts, authors and tags, and the canonical URL cases (aliases, moves, merges,
ambiguous and junk canonicals, failed batches), each mixed into pages with
plain new posts. The scenario is replayed by this tree's ``crawler.store`` and
by the one of ``--against`` (``git archive``), each into a fresh database.
Then every table is dumped in rowid order, with the full-text index as its
terms, documents, columns and offsets (``fts5vocab``), and the two dumps and
the calls' results (counts, or the error raised) are compared.

The FTS5 index's own b-tree (``posts_fts_data``, ``posts_fts_idx``) is left out:
how its segments are laid out depends on how writes were grouped, not on what
they hold, and its ``integrity-check`` is run instead.
"""

from __future__ import annotations

import argparse
import difflib
import json
import pickle
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
T = [f"2026-11-{day:02d}T10:00:00+00:00" for day in range(1, 29)]
SOURCE, OTHER = "bench", "kingsfund"
BLOG = "https://blogs.bmj.com/bmjleader/"
ELSEWHERE = "https://www.kingsfund.org.uk/blog/"
# The FTS5 table's own storage: compared through fts5vocab and integrity-check instead.
_FTS_STORAGE = ("posts_fts", "posts_fts_data", "posts_fts_idx", "posts_fts_config")
_NOT_STORED = {"_sqlite_migrations": "applied_at"}  # when the schema step ran

Step = tuple[Any, ...]


# --- the scenario ------------------------------------------------------------------


def scenario(posts: int) -> list[Step]:
    """The calls to replay, as ("register" | "save" | "refresh", arguments...) steps."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from store_rows import listing_pages

    with tempfile.TemporaryDirectory() as tmp:
        listed = listing_pages(Path(tmp) / "listed", posts, variants=True)
        read = listing_pages(Path(tmp) / "read", posts, articles=True, variants=True)
    steps: list[Step] = [
        ("register", SOURCE, "wordpress", BLOG, T[0]),
        ("register", OTHER, "wordpress", ELSEWHERE, T[0]),
        ("save", T[0], []),
    ]
    steps += [("save", T[1], page) for page in listed]  # new
    steps += [("save", T[2], page) for page in listed]  # unchanged
    half = len(read) // 2  # an article at a time, as a crawl follows them; then whole pages
    steps += [("save", T[3], [row]) for page in read[:half] for row in page]
    steps += [("save", T[3], page) for page in read[half:]]
    steps += [("save", T[4], page) for page in listed]  # a listing lacks what the page gave
    changed = [[_changed(row, n) for n, row in enumerate(page)] for page in read]
    steps += [("save", T[5], page) for page in changed]
    steps += [("save", T[6], page) for page in changed]  # unchanged again
    steps += _canonical_steps(listed[0][0])
    steps += _failing_steps(listed[1][:3])
    relabelled = _relabelled([row for page in read for row in page])
    steps.append(("refresh", [*relabelled, {**relabelled[1], "series": "Relabelled twice"}]))
    return steps


def _changed(row: dict[str, Any], n: int) -> dict[str, Any]:
    """Another reading of ``row``: a new teaser, heading, text, byline, tags, or a re-parse."""
    kind = n % 6
    if kind == 0:
        return {**row, "teaser": f"{row['teaser']} (edited)"}
    if kind == 1:
        return {**row, "heading": f"{row['heading']}: revisited", "title": f"{row['title']}!"}
    if kind == 2:
        return {**row, "body_text": f"{row['body_text']}\n\nUpdated since.", "word_count": 999}
    if kind == 3:
        authors = [*reversed(row["authors"]), "Ann Baker"]
        return {**row, "authors": authors, "tags": ["Blog", *row["tags"]], "parser_version": "x"}
    if kind == 4:  # the page could not be read this time
        return {**row, "body_text": None, "article_fetched": None, "article_error": "HTTP 500"}
    return {**row, "published": None, "tags": [], "series": "A new series", "series_part": 2}


def _story(url: str, n: int, **fields: Any) -> dict[str, Any]:
    """A post of story ``n`` at ``url``: its own words, so two stories never look one."""
    words = " ".join(f"n{n}w{i}" for i in range(40))
    row = {
        "url": url,
        "source": SOURCE,
        "heading": f"Flow at the front door, part {n} by Zoe Adams",
        "teaser": f"Story {n} starts with the people closest to the patient",
        "title": f"Flow at the front door, part {n}",
        "series": None,
        "series_part": None,
        "authors": ["Zoe Adams"],
        "authors_more": False,
        "kind": "article",
        "subject": None,
        "teaser_truncated": True,
        "originally_published_at": None,
        "published": None,
        "author_source": "heading",
        "parser_version": "headings-2",
        "cms_author": None,
        "tags": [],
        "reading_minutes": None,
        "body_text": None,
        "author_bio": None,
        "partial": False,
        "published_raw": None,
        "date_precision": None,
        "date_relative": None,
        "modified": None,
        "word_count": None,
        "canonical_url": None,
        "article_fetched": None,
        "article_error": None,
    }
    row.update(fields)
    if row["canonical_url"] is not None and "body_text" not in fields:
        row.update(body_text=f"Flow at the front door: {words}.", article_fetched=T[7])
    return row


def _canonical_steps(template: dict[str, Any]) -> list[Step]:
    """The cases of tests/test_store.py's canonical section, mixed with plain new posts."""

    def url(name: str) -> str:
        return f"{BLOG}2024/01/15/{name}/"

    def plain(n: int) -> dict[str, Any]:
        return {**template, "url": url(f"plain-{n}"), "heading": f"{template['heading']} {n}"}

    a1, a2, b1, b2, c1, c2 = (url(name) for name in ("a", "a-2", "b", "b-2", "c", "c-2"))
    d1, d2, y1, y2 = url("d"), url("d-2"), url("y"), url("y-2")
    far = f"{ELSEWHERE}2024/01/flow-at-the-front-door/"
    about = "https://blogs.bmj.com/about-us/"
    byline = {"authors": ["Zoe Adams", "Ann Baker"]}
    junk = [BLOG, "https://blogs.bmj.com/", BLOG + "page/2/", BLOG + "tag/flow/", BLOG + "?p=1"]
    return [
        # An alias joins the stored post, then a listing of it changes its teaser.
        ("save", T[8], [plain(1), _story(a1, 1), plain(2)]),
        ("save", T[9], [_story(a2, 1, canonical_url=a1), plain(3)]),
        ("save", T[10], [plain(1), _story(a2, 1), plain(4), _story(a2, 1, teaser="New")]),
        # Found later at the canonical URL its page declared: the post moves there.
        ("save", T[9], [plain(5), _story(b2, 2, canonical_url=b1), plain(6)]),
        ("save", T[10], [plain(7), _story(b1, 2, canonical_url=b1), plain(8), plain(7)]),
        # Two URLs of one post in one page, between new posts.
        (
            "save",
            T[9],
            [plain(9), _story(c2, 3, canonical_url=c1), plain(10), _story(c1, 3, canonical_url=c1)],
        ),
        # Two stored rows declaring one canonical merge into the older.
        ("save", T[8], [_story(d1, 4, tags=["flow"], **byline), plain(11)]),
        ("save", T[9], [_story(d1, 4, teaser="Edited", **byline)]),
        ("save", T[8], [plain(12), _story(d2, 4, teaser="Second", published="2024-01-15")]),
        ("save", T[9], [_story(d2, 4, teaser="Second, edited", authors=["Zoe"])]),
        ("save", T[10], [_story(d1, 4, canonical_url=far, teaser=None, **byline), plain(13)]),
        ("save", T[10], [plain(14), _story(d2, 4, canonical_url=far, teaser=None, **byline)]),
        ("save", T[11], [_story(d2, 4, teaser="Edited"), plain(15)]),
        # A syndicated copy joins the original on another site.
        ("save", T[8], [_story(far.replace("front", "back"), 5, source=OTHER)]),
        (
            "save",
            T[9],
            [plain(16), _story(url("e"), 5, canonical_url=far.replace("front", "back") + "?x=1")],
        ),
        (
            "save",
            T[9],
            [_story(url("e2"), 5, canonical_url=far.replace("front", "back") + "?utm_source=s")],
        ),
        # Junk canonicals join nothing.
        *(
            ("save", T[12], [_story(url(f"junk-{i}"), 6, canonical_url=value), plain(20 + i)])
            for i, value in enumerate(junk)
        ),
        # One canonical declared by two stories joins nothing, then or later.
        ("save", T[12], [_story(url("f"), 7, canonical_url=about)]),
        ("save", T[13], [plain(30), _story(url("f-2"), 8, canonical_url=about), plain(31)]),
        ("save", T[14], [_story(url("f-3"), 7, canonical_url=about)]),
        # A canonical naming another story does not join it; nor does a listing at it.
        ("save", T[12], [_story(y1, 9)]),
        ("save", T[13], [_story(y2, 10, canonical_url=y1)]),
        ("save", T[13], [_story(url("z-2"), 11, canonical_url=url("z")), plain(32)]),
        ("save", T[14], [plain(33), _story(url("z"), 12), _story(url("z"), 12, teaser="Z")]),
        ("save", T[15], [_story(url("z"), 11), plain(33)]),
    ]


def _failing_steps(page: list[dict[str, Any]]) -> list[Step]:
    """Batches that raise, each after rows that would have been written."""

    def fresh(n: int) -> dict[str, Any]:
        return {**page[0], "url": f"{BLOG}2024/03/01/failing-{n}/"}

    return [
        ("save", T[16], [fresh(1), fresh(2), {**fresh(3), "series_part": [3]}]),
        (
            "save",
            T[16],
            [*page, _story(f"{BLOG}2024/03/02/x-2/", 13, canonical_url=page[0]["url"]), fresh(4)]
            + [{**fresh(5), "published": {"no": "date"}}],
        ),
        ("save", T[16], [fresh(6), {**fresh(7), "heading": ""}]),
        ("save", T[16], [fresh(8), {**fresh(9), "source": "nowhere"}]),
        ("save", T[17], [fresh(10), fresh(10)]),
    ]


def _relabelled(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Heading fields of ``rows`` as a re-labelling would give them, every other one changed."""
    fields = ("url", "title", "series", "series_part", "authors", "authors_more", "kind", "subject")
    out = []
    for n, row in enumerate(rows):
        out.append({name: row[name] for name in fields})
        if n % 2:
            out[-1].update(series="Relabelled", authors=[*row["authors"], "Ann Baker"])
    return out


# --- replaying it with one tree's store ---------------------------------------------


def replay(code: Path, steps_file: Path, db_file: Path) -> list[str]:
    """Run the steps with the ``crawler.store`` under ``code``; what each call returned."""
    sys.path.insert(0, str(code))
    from crawler.store import Archive

    assert Path(sys.modules["crawler.store"].__file__).is_relative_to(code)
    steps = pickle.loads(steps_file.read_bytes())
    log = []
    with Archive(db_file) as archive:
        for op, *args in steps:
            try:
                if op == "register":
                    name, kind, start_url, at = args
                    result: Any = archive.register_source(name, kind, start_url, at=at)
                elif op == "save":
                    result = archive.save_posts(args[1], seen_at=args[0])
                else:
                    result = archive.refresh_heading_fields(args[0])
            except Exception as exc:  # noqa: BLE001 - the error is what is compared
                result = f"{type(exc).__name__}: {exc}"
            log.append(f"{op} {result!r}")
    return log


# --- comparing the two archives -----------------------------------------------------


def dump(db_file: Path) -> list[str]:
    """Every stored value of the archive, table by table, as lines of text."""
    import sqlite3

    conn = sqlite3.connect(db_file)
    lines = [f"journal_mode {conn.execute('PRAGMA journal_mode').fetchone()[0]}"]
    schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    lines += [f"schema {row!r}" for row in conn.execute(schema)]
    tables = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
    for (table,) in conn.execute(tables).fetchall():
        if table in _FTS_STORAGE or table.startswith("sqlite_"):
            continue
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info([{table}])")]
        kept = ", ".join(f"[{c}]" for c in columns if c != _NOT_STORED.get(table))
        rows = conn.execute(f"SELECT rowid, {kept} FROM [{table}] ORDER BY rowid").fetchall()
        lines.append(f"table {table}: {len(rows)} rows")
        lines += [f"{table} {row!r}" for row in rows]
    conn.execute("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, posts_fts, instance)")
    index = conn.execute("SELECT * FROM temp.terms ORDER BY 1, 2, 3, 4").fetchall()
    lines.append(f"fts index: {len(index)} term instances")
    lines += [f"fts {row!r}" for row in index]
    totals = conn.execute("SELECT block FROM posts_fts_data WHERE id = 1").fetchone()
    lines.append(f"fts totals {totals!r}")
    conn.execute("INSERT INTO posts_fts(posts_fts, rank) VALUES ('integrity-check', 1)")
    lines.append("fts integrity-check passed")
    conn.close()
    return lines


def _export(revision: str, folder: Path) -> Path:
    """The ``crawler`` package of ``revision``, written under ``folder``."""
    archive = subprocess.run(
        ["git", "archive", revision, "crawler"], cwd=REPO, check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def _run_side(code: Path, steps: Path, db: Path, log: Path) -> None:
    command = [sys.executable, __file__, "--replay", str(code), str(steps), str(db), str(log)]
    subprocess.run(command, check=True, cwd=REPO)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="main", help="git revision to compare with")
    parser.add_argument("--posts", type=int, default=300, help="posts of the generated blog")
    parser.add_argument("--keep", type=Path, help="folder to keep the databases and dumps in")
    parser.add_argument("--replay", nargs=4, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.replay:
        code, steps, db, log = args.replay
        log.write_text(json.dumps(replay(code, steps, db), indent=0), encoding="utf-8")
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        steps = scenario(args.posts)
        (work / "steps.pickle").write_bytes(pickle.dumps(steps))
        saves = sum(1 for step in steps if step[0] == "save")
        rows = sum(len(step[2]) for step in steps if step[0] == "save")
        print(f"scenario: {len(steps)} calls, {saves} save_posts of {rows} rows in all")
        sides = {"this tree": REPO, args.against: _export(args.against, work / "against")}
        dumps = []
        for n, (label, code) in enumerate(sides.items()):
            db, log = work / f"side{n}.sqlite", work / f"side{n}.json"
            _run_side(code, work / "steps.pickle", db, log)
            lines = [*json.loads(log.read_text(encoding="utf-8")), *dump(db)]
            (work / f"side{n}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
            dumps.append(lines)
            print(f"  {label}: {len(lines):,} lines of results and stored values")
        diff = list(difflib.unified_diff(*dumps, *sides, lineterm="", n=1))
        if diff:
            print("\n".join(diff[:200]))
            raise SystemExit(f"DIFFERENT: {sum(1 for d in diff if d[:1] in '+-') - 2} lines")
        print("identical: every call's result, every table, the full-text index")


if __name__ == "__main__":
    main()
