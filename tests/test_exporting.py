"""JSON and JSON Lines exports: one streaming pass, atomic replacement."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crawler.exporting import write_json_exports
from crawler.store import Archive


def make_rows(count: int) -> list[dict[str, Any]]:
    return [
        {
            "url": f"https://www.ihi.org/insights/post-{n}",
            "source": "ihi",
            "heading": f"“Joy in Work”, part {n} – Göran Henriks",
            "authors": ["Göran Henriks"],
            "authors_more": False,
            "series_part": n,
            "published": None,
        }
        for n in range(count)
    ]


def failing_rows(after: int) -> Iterator[dict[str, Any]]:
    yield from make_rows(after)
    raise RuntimeError("database went away")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in {"posts.json", "posts.jsonl"})


def test_writes_json_array_and_jsonl(tmp_path: Path) -> None:
    rows = make_rows(3)
    json_path, jsonl_path = write_json_exports(iter(rows), tmp_path)
    assert (json_path.name, jsonl_path.name) == ("posts.json", "posts.jsonl")
    assert json.loads(json_path.read_text(encoding="utf-8")) == rows
    lines = jsonl_path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    assert [json.loads(line) for line in lines] == rows
    assert leftovers(tmp_path) == []


def test_key_order_is_kept(tmp_path: Path) -> None:
    json_path, _ = write_json_exports(make_rows(1), tmp_path)
    [row] = json.loads(json_path.read_text(encoding="utf-8"))
    assert list(row) == list(make_rows(1)[0])


def test_non_ascii_is_written_as_utf8_text(tmp_path: Path) -> None:
    paths = write_json_exports(make_rows(1), tmp_path)
    for path in paths:
        text = path.read_bytes().decode("utf-8")
        assert "Göran Henriks" in text and "“Joy in Work”" in text
        assert "\\u" not in text


def test_no_rows_gives_empty_array_and_empty_jsonl(tmp_path: Path) -> None:
    json_path, jsonl_path = write_json_exports([], tmp_path)
    assert json.loads(json_path.read_text(encoding="utf-8")) == []
    assert jsonl_path.read_text(encoding="utf-8") == ""


def test_creates_missing_folder(tmp_path: Path) -> None:
    folder = tmp_path / "exports" / "latest"
    paths = write_json_exports(make_rows(2), folder)
    assert all(path.parent == folder and path.is_file() for path in paths)


def test_failing_rows_keep_previous_exports_and_leave_no_temp_file(tmp_path: Path) -> None:
    write_json_exports(make_rows(2), tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    with pytest.raises(RuntimeError, match="database went away"):
        write_json_exports(failing_rows(after=5), tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_failure_before_any_export_leaves_folder_clean(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError):
        write_json_exports(failing_rows(after=0), tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_unserialisable_row_keeps_previous_exports(tmp_path: Path) -> None:
    write_json_exports(make_rows(1), tmp_path)
    with pytest.raises(TypeError):
        write_json_exports([{"url": "x", "when": object()}], tmp_path)
    assert json.loads((tmp_path / "posts.json").read_text(encoding="utf-8")) == make_rows(1)
    assert leftovers(tmp_path) == []


def test_rows_are_read_in_one_pass(tmp_path: Path) -> None:
    consumed: list[int] = []

    def once() -> Iterator[dict[str, Any]]:
        for row in make_rows(4):
            consumed.append(row["series_part"])
            yield row

    json_path, jsonl_path = write_json_exports(once(), tmp_path)
    assert consumed == [0, 1, 2, 3]
    assert len(json.loads(json_path.read_text(encoding="utf-8"))) == 4
    assert len(jsonl_path.read_text(encoding="utf-8").splitlines()) == 4


def test_exports_are_readable_by_others(tmp_path: Path) -> None:
    for path in write_json_exports(make_rows(1), tmp_path):
        assert path.stat().st_mode & 0o044 == 0o044


def test_exports_the_archive(tmp_path: Path) -> None:
    with Archive(tmp_path / "a.sqlite") as archive:
        archive.register_source("ihi", "hub", "https://www.ihi.org/insights")
        archive.save_posts(make_rows(3), seen_at="2026-11-01T10:00:00+00:00")
        json_path, jsonl_path = write_json_exports(archive.export_rows(), tmp_path / "out")
        expected = list(archive.export_rows())
    assert json.loads(json_path.read_text(encoding="utf-8")) == expected
    assert len(jsonl_path.read_text(encoding="utf-8").splitlines()) == 3
