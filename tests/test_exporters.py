"""Exports in every format, each read back with an independent parser.

RIS with rispy, BibLaTeX with bibtexparser (v2, names split by its own
middleware, LaTeX decoded by pylatexenc), CSL-JSON rendered by citeproc-py,
CSV with the csv module, bags validated by bagit. No archive is needed.
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import bagit
import bibtexparser
import pytest
import rispy
from bibtexparser import middlewares
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter as citeproc_formatter
from citeproc.source.json import CiteProcJSON
from pylatexenc.latex2text import LatexNodes2Text

from crawler.exporters import FORMATS, export_posts, make_bag, write_manifest
from crawler.exporters.names import Name, split_name
from crawler.exporters.spreadsheet import safe_cell
from crawler.exporting import write_json_exports

BLOGS = {"bmjleader": "BMJ Leader blog"}
FELLOWS = "Nursing Regional Clinical Leadership Fellows"
FACULTY = "Faculty of Medical Leadership and Management"
TRICKY_TITLE = "Café “rules” & 100% of #1 {braces}, $5_a~b^c"
TRICKY_TEASER = "Göran’s teaser: ‘quoted’ & 50% #tag {x}\nsecond line"


def _post(**fields):
    post = {
        "url": "https://blogs.bmj.com/bmjleader/2023/05/24/a/",
        "source": "bmjleader",
        "heading": fields.get("title", "A heading"),
        "title": "A title",
        "series": None,
        "series_part": None,
        "authors": [],
        "authors_more": False,
        "kind": "article",
        "subject": None,
        "teaser": None,
        "teaser_truncated": False,
        "originally_published_at": None,
        "published": None,
        "first_seen": "2024-01-01T08:00:00+00:00",
        "last_seen": "2024-01-31T08:00:00+00:00",
        "cms_author": None,
        "tags": [],
    }
    post.update(fields)
    return post


POSTS = [
    _post(
        url="https://blogs.bmj.com/bmjleader/2023/05/24/creating-tomorrow/",
        title="Creating tomorrow today: seven rules",
        series="Creating tomorrow today",
        series_part=5,
        authors=["Jo Hartland", "Karen Chui", "Xander Stephenson-Allen"],
        published="2023-05-24",
        teaser=TRICKY_TEASER,
        tags=["Leadership", "Quality & safety"],
    ),
    _post(
        url="https://blogs.bmj.com/bmjleader/2022/11/02/caf%C3%A9-rules/",
        title=TRICKY_TITLE,
        authors=["Göran Henriks", FELLOWS, "Jan van der Berg"],
        published="2022-11",
        last_seen=None,
    ),
    _post(
        url="https://blogs.bmj.com/bmjleader/2021/01/01/no-author/",
        title='=HYPERLINK("https://evil.example","click")',
        heading="@admin heading",
        subject="-3",
        teaser="+1 for safety",
        cms_author="\tTabbed",
        originally_published_at="\rCarriage",
        kind="-minus",
        published="2021",
    ),
    # Same first author, year and first title word as the first post: key gets "a".
    _post(
        url="https://blogs.bmj.com/bmjleader/2023/06/01/creating-more/",
        title="Creating more",
        authors=["Jo Hartland"],
        published="2023-06-01",
    ),
]


def _export(tmp_path: Path, fmt: str, **options) -> Path:
    out = tmp_path / f"posts{FORMATS[fmt].extension}"
    # A generator: every format must work in one pass.
    return export_posts(
        (post for post in POSTS), fmt, out, blog_names=BLOGS, accessed="2025-02-03", **options
    )


# --- names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Göran Henriks", Name(family="Henriks", given="Göran")),
        ("Jan van der Berg", Name(family="van der Berg", given="Jan")),
        ("Maria De Souza", Name(family="De Souza", given="Maria")),
        ("Xander Stephenson-Allen", Name(family="Stephenson-Allen", given="Xander")),
        ("Martin Luther King Jr", Name(family="King", given="Martin Luther", suffix="Jr")),
        ("J. R. Smith", Name(family="Smith", given="J. R.")),
        ("Plato", Name(family="Plato")),
        (FELLOWS, Name(literal=FELLOWS)),
        ("NHS Confederation", Name(literal="NHS Confederation")),
        ("NHS England", Name(literal="NHS England")),
        (FACULTY, Name(literal=FACULTY)),
        ("the BMJ Leader editorial team", Name(literal="the BMJ Leader editorial team")),
    ],
)  # fmt: skip
def test_split_name(name, expected):
    assert split_name(name) == expected


# --- RIS -----------------------------------------------------------------------------


def test_ris_reads_back_with_rispy(tmp_path):
    out = _export(tmp_path, "ris")
    raw = out.read_bytes()
    assert raw.startswith(b"TY  - BLOG\r\n")
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    entries = rispy.load(out, encoding="utf-8")
    assert len(entries) == len(POSTS)
    first, tricky, anonymous, _ = entries
    assert first["type_of_reference"] == "BLOG"
    assert first["title"] == "Creating tomorrow today: seven rules"
    assert first["authors"] == ["Hartland, Jo", "Chui, Karen", "Stephenson-Allen, Xander"]
    assert first["secondary_title"] == "BMJ Leader blog"
    assert first["tertiary_title"] == "Creating tomorrow today"
    assert first["date"] == "2023/05/24/"
    assert first["year"] == "2023"
    assert first["urls"] == [POSTS[0]["url"]]
    assert first["access_date"] == "2024/01/31/"
    assert first["abstract"] == TRICKY_TEASER.replace("\n", " ")
    assert first["keywords"] == ["Leadership", "Quality & safety"]
    assert tricky["title"] == TRICKY_TITLE
    assert tricky["authors"] == [
        "Henriks, Göran",
        FELLOWS,
        "van der Berg, Jan",
    ]
    assert tricky["date"] == "2022/11//"
    assert tricky["access_date"] == "2025/02/03/"  # no last_seen: the export's date
    assert "authors" not in anonymous
    assert anonymous["date"] == "2021///"


# --- BibLaTeX ------------------------------------------------------------------------


def _decode(text: str) -> str:
    # pylatexenc reads \textasciicircum as U+02C6; LaTeX prints a plain caret.
    return LatexNodes2Text().latex_to_text(text).replace("\u02c6", "^")


def _bib_entries(out: Path):
    library = bibtexparser.parse_string(
        out.read_text(encoding="utf-8"),
        append_middleware=[middlewares.SeparateCoAuthors(), middlewares.SplitNameParts()],
    )
    assert library.failed_blocks == []
    return library.entries


def _person(parts) -> str:
    """``Family, Given`` from bibtexparser's split, LaTeX decoded."""
    family = " ".join([*parts.von, *parts.last])
    return _decode(", ".join(p for p in (family, " ".join(parts.first)) if p))


def test_biblatex_reads_back_with_bibtexparser(tmp_path):
    entries = _bib_entries(_export(tmp_path, "bibtex"))
    assert [e.key for e in entries] == [
        "hartland2023creating",
        "henriks2022cafe",
        "bmjleader2021hyperlink",
        "hartland2023creatinga",
    ]
    first, tricky, anonymous, _ = entries
    assert {e.entry_type for e in entries} == {"online"}
    assert [_person(p) for p in first["author"]] == [
        "Hartland, Jo",
        "Chui, Karen",
        "Stephenson-Allen, Xander",
    ]
    assert _decode(first["title"]) == "Creating tomorrow today: seven rules"
    assert first["title"].startswith("{") and first["title"].endswith("}")  # case kept
    assert first["organization"] == "BMJ Leader blog"
    assert first["date"] == "2023-05-24"
    assert first["urldate"] == "2024-01-31"
    assert first["url"] == POSTS[0]["url"]
    assert first["series"] == "Creating tomorrow today"
    assert first["number"] == "5"
    assert _decode(first["abstract"]) == TRICKY_TEASER.replace("\n", " ")
    assert _decode(first["keywords"]) == "Leadership, Quality & safety"

    assert _decode(tricky["title"]) == TRICKY_TITLE
    # A group stays one name: bibtexparser sees a single braced last name.
    group = tricky["author"][1]
    assert (group.first, group.von) == ([], [])
    assert _decode(group.last[0]) == FELLOWS
    assert tricky["author"][2].von == ["van", "der"]
    assert [_person(p) for p in tricky["author"][::2]] == ["Henriks, Göran", "van der Berg, Jan"]
    assert tricky["url"] == POSTS[1]["url"]  # verbatim: the % is not escaped
    assert tricky["date"] == "2022-11"
    assert "series" not in tricky.fields_dict and "author" not in anonymous.fields_dict


def test_biblatex_escapes_every_special_character(tmp_path):
    text = tmp_path / "x.bib"
    original = "a\\b {c} & d % e # f $ g _ h ~ i ^ j"
    export_posts(
        [_post(title=original)],
        "bibtex",
        text,
        blog_names=BLOGS,
        accessed="2025-02-03",
    )
    title = _bib_entries(text)[0]["title"]
    assert title == (
        r"{a\textbackslash{}b \{c\} \& d \% e \# f \$ g \_ h"
        r" \textasciitilde{} i \textasciicircum{} j}"
    )
    assert _decode(title) == original


# --- CSL-JSON ------------------------------------------------------------------------


def test_csljson_fields_and_citeproc_renders_every_item(tmp_path):
    items = json.loads(_export(tmp_path, "csljson").read_text(encoding="utf-8"))
    first, tricky, anonymous, again = items
    assert first["type"] == "post-weblog"
    assert first["id"] == "hartland2023creating" and again["id"] == "hartland2023creatinga"
    assert first["author"] == [
        {"family": "Hartland", "given": "Jo"},
        {"family": "Chui", "given": "Karen"},
        {"family": "Stephenson-Allen", "given": "Xander"},
    ]
    assert first["container-title"] == "BMJ Leader blog"
    assert first["issued"] == {"date-parts": [[2023, 5, 24]]}
    assert first["accessed"] == {"date-parts": [[2024, 1, 31]]}
    assert first["URL"] == POSTS[0]["url"]
    assert first["abstract"] == TRICKY_TEASER.replace("\n", " ")
    assert (first["collection-title"], first["collection-number"]) == (
        "Creating tomorrow today",
        5,
    )
    assert tricky["title"] == TRICKY_TITLE
    assert tricky["author"][1] == {"literal": FELLOWS}
    assert tricky["issued"] == {"date-parts": [[2022, 11]]}
    assert "author" not in anonymous and anonymous["issued"] == {"date-parts": [[2021]]}

    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), citeproc_formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = {str(entry) for entry in bibliography.bibliography()}
    assert len(rendered) == len(items)
    for item in items:
        line = next(text for text in rendered if item["URL"] in text)
        families = [n.get("family") or n["literal"] for n in item.get("author", [])]
        positions = [line.index(family) for family in families]
        assert positions == sorted(positions), line


# --- CSV -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+1 for safety", "'+1 for safety"),
        ("-minus", "'-minus"),
        ("@admin", "'@admin"),
        ("\tTabbed", "'\tTabbed"),
        ("\rCarriage", "'\rCarriage"),
        ("-3", "-3"),
        ("+1.5", "+1.5"),
        ("-2e3", "-2e3"),
        ("plain", "plain"),
        (-3, -3),
        (True, "true"),
        (None, ""),
        (["Jo Hartland", "Karen Chui"], "Jo Hartland; Karen Chui"),
    ],
)
def test_safe_cell(value, cell):
    assert safe_cell(value) == cell


def test_csv_reads_back_neutralised(tmp_path):
    out = _export(tmp_path, "csv")
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(POSTS)
    first, tricky, formula, _ = rows
    assert first["authors"] == "Jo Hartland; Karen Chui; Xander Stephenson-Allen"
    assert first["teaser"] == TRICKY_TEASER  # a newline inside a quoted cell survives
    assert first["series_part"] == "5"
    assert tricky["title"] == TRICKY_TITLE
    assert formula["title"] == '\'=HYPERLINK("https://evil.example","click")'
    assert formula["heading"] == "'@admin heading"
    assert formula["teaser"] == "'+1 for safety"
    assert formula["cms_author"] == "'\tTabbed"
    assert formula["originally_published_at"] == "'\rCarriage"
    assert formula["kind"] == "'-minus"
    assert formula["subject"] == "-3"


def test_csv_for_excel_has_a_bom(tmp_path):
    out = _export(tmp_path, "csv", excel=True)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    assert header[0] == "url"


def test_csv_of_no_posts_has_a_header(tmp_path):
    out = export_posts([], "csv", tmp_path / "none.csv", blog_names=BLOGS, accessed="2025-02-03")
    assert out.read_text(encoding="utf-8").startswith("url,source,heading,title,")


# --- JSON, atomic writes, registry -------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_is_what_the_crawl_exports(tmp_path, fmt):
    out = export_posts(
        iter(POSTS), fmt, tmp_path / f"my.{fmt}.txt", blog_names=BLOGS, accessed="2025-02-03"
    )
    reference = write_json_exports(POSTS, tmp_path / "ref", stem="posts")
    expected = reference[0] if fmt == "json" else reference[1]
    assert out.read_bytes() == expected.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my." + fmt + ".txt", "ref"]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_a_failed_export_keeps_the_old_file(tmp_path, fmt):
    out = tmp_path / "out"
    out.write_text("old", encoding="utf-8")

    def broken():
        yield POSTS[0]
        raise RuntimeError("archive went away")

    with pytest.raises(RuntimeError):
        export_posts(broken(), fmt, out, blog_names=BLOGS, accessed="2025-02-03")
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_unknown_format(tmp_path):
    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        export_posts(POSTS, "xml", tmp_path / "x", blog_names=BLOGS, accessed="2025-02-03")


# --- manifest and bag ----------------------------------------------------------------


def _collection(tmp_path: Path) -> tuple[Path, list[Path]]:
    folder = tmp_path / "collection"
    files = [
        export_posts(POSTS, fmt, folder / f"posts.{fmt}", blog_names=BLOGS, accessed="2025-02-03")
        for fmt in ("jsonl", "ris", "bibtex")
    ]
    return folder, files


def test_manifest_records_how_and_hashes(tmp_path):
    folder, files = _collection(tmp_path)
    path = write_manifest(
        folder,
        files,
        filters={"source": "bmjleader", "since": "2022-01-01"},
        query="compassionate leadership",
        count=len(POSTS),
        archive_path="/srv/archive.sqlite",
        parser_version="7",
        created="2025-02-03T10:00:00+00:00",
    )
    manifest = json.loads(path.read_text(encoding="utf-8"))
    assert path == folder / "manifest.json"
    assert manifest["filters"] == {"source": "bmjleader", "since": "2022-01-01"}
    assert manifest["query"] == "compassionate leadership"
    assert manifest["count"] == 4
    assert manifest["archive"] == "/srv/archive.sqlite"
    assert manifest["parser_version"] == "7"
    assert manifest["created"] == "2025-02-03T10:00:00+00:00"
    assert [entry["path"] for entry in manifest["files"]] == [f.name for f in files]
    for entry, file in zip(manifest["files"], files, strict=True):
        assert entry["sha256"] == hashlib.sha256(file.read_bytes()).hexdigest()
        assert entry["bytes"] == file.stat().st_size


def test_bag_validates(tmp_path):
    folder, files = _collection(tmp_path)
    write_manifest(
        folder,
        files,
        filters={},
        query=None,
        count=len(POSTS),
        archive_path="archive.sqlite",
        parser_version="7",
        created="2025-02-03T10:00:00+00:00",
    )
    make_bag(folder, info={"Source-Organization": "A library", "External-Description": "Test"})
    bag = bagit.Bag(str(folder))
    assert bag.validate()
    assert bag.info["External-Description"] == "Test"
    assert bag.info["Source-Organization"] == "A library"
    assert {"Bagging-Date", "Payload-Oxum"} <= set(bag.info)
    assert sorted(bag.payload_files()) == [
        "data/manifest.json",
        "data/posts.bibtex",
        "data/posts.jsonl",
        "data/posts.ris",
    ]


def test_bag_of_a_missing_folder(tmp_path):
    with pytest.raises(FileNotFoundError):
        make_bag(tmp_path / "nothing", info={})
