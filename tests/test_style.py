"""House rules that keep the code base easy to see, checked on every run."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RUFF = Path(sys.executable).parent / "ruff"


def test_ruff_is_clean():
    result = subprocess.run(
        [str(RUFF), "check", "crawler", "tests", "benchmarks"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_parsing_never_imports_scrapy():
    offenders = [
        path.name
        for path in (REPO / "crawler" / "parsing").glob("*.py")
        if re.search(r"^\s*(from|import) scrapy", path.read_text(encoding="utf-8"), re.M)
    ]
    assert offenders == []


def test_only_the_store_writes_sql():
    pattern = re.compile(r"\b(INSERT|UPDATE|DELETE|CREATE TABLE|ALTER TABLE)\b")
    offenders = [
        str(path.relative_to(REPO))
        for path in (REPO / "crawler").rglob("*.py")
        if "store" not in path.relative_to(REPO / "crawler").parts
        and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
