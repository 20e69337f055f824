"""``blogarchive serve``: the demo archive in Datasette, driven in a real headless Chromium.

The browser is Debian's Chromium with its chromedriver (``.ci/install-browser``
installs them); without them these tests fail, they do not skip.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from crawler.cli import cli
from crawler.serving import LICENSE, QUERIES, TABLES, TITLE, ServeError, make_datasette
from tests.conftest import BIN, run_command

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
KNOWN_POST = "Pharmacy Leadership in Medicines Equity"
SERIES = "Greener Leader Blog Series"
# No proxy, ever: everything here is on 127.0.0.1.
HTTP = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def serve_command(db: Path, port: int) -> list[str]:
    if "serve" in cli.commands:
        return [str(BIN / "blogarchive"), "serve", "--db", str(db), "--port", str(port)]
    return [sys.executable, "-m", "crawler.serving", "--db", str(db), "--port", str(port)]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def get(url: str) -> tuple[int, str]:
    try:
        with HTTP.open(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def get_json(url: str):
    status, body = get(url)
    assert status == 200, body[:500]
    return json.loads(body)


class Server:
    """``blogarchive serve`` as a subprocess, up until stopped."""

    def __init__(self, db: Path, log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        with log.open("w") as out:
            self.process = subprocess.Popen(
                serve_command(db, self.port), cwd=db.parent, stdout=out, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + 30
        while True:
            if self.process.poll() is not None:
                raise AssertionError(f"serve exited {self.process.returncode}:\n{log.read_text()}")
            try:
                if get(f"{self.url}/-/versions.json")[0] == 200:
                    return
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise AssertionError(f"serve did not answer in 30 s:\n{log.read_text()}")
            time.sleep(0.1)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """The archive ``blogarchive demo`` builds offline."""
    folder = tmp_path_factory.mktemp("serve")
    result = run_command(["blogarchive", "demo"], cwd=folder)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "demo.sqlite"


@pytest.fixture(scope="module")
def server(archive: Path) -> Iterator[Server]:
    running = Server(archive, archive.with_name("serve.log"))
    yield running
    running.stop()


def browser_missing() -> str:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    return f"{', '.join(missing)} missing: run .ci/install-browser" if missing else ""


def test_chromium_and_chromedriver_are_installed():
    assert not browser_missing()


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Iterator[webdriver.Chrome]:
    assert not browser_missing(), browser_missing()
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-proxy-server",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def column_texts(driver: webdriver.Chrome, column: str) -> list[str]:
    return [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, f"td.col-{column}")]


def test_the_search_box_finds_a_known_post(browser, server):
    browser.get(f"{server.url}/demo/posts")
    box = browser.find_element(By.ID, "_search")
    box.send_keys("pharmacy", Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda d: "_search=pharmacy" in d.current_url)
    assert KNOWN_POST in column_texts(browser, "title")


def test_a_series_facet_filters_the_posts(browser, server):
    browser.get(f"{server.url}/demo/posts")
    facet = browser.find_element(By.ID, "facet-series")
    count = int(facet.find_element(By.XPATH, f".//a[text()='{SERIES}']/..").text.split()[-1])
    facet.find_element(By.LINK_TEXT, SERIES).click()
    WebDriverWait(browser, 10).until(lambda d: "series=" in d.current_url)
    series = column_texts(browser, "series")
    assert len(series) == count > 0
    assert set(series) == {SERIES}


def test_title_licence_and_descriptions_show(server):
    status, home = get(server.url + "/")
    assert status == 200
    assert TITLE in home and LICENSE in home
    assert get_json(server.url + "/-/metadata.json")["title"] == TITLE
    status, posts = get(server.url + "/demo/posts")
    assert TABLES["posts"][0] in posts
    assert TABLES["posts"][1]["series_part"] in posts


def test_every_table_and_column_of_the_archive_is_described(archive):
    with sqlite3.connect(archive) as db:
        tables = [
            name
            for (name,) in db.execute("select name from sqlite_master where type = 'table'")
            if not name.startswith("posts_fts")
        ]
        undescribed = [
            f"{table}.{column}"
            for table in tables
            for (column,) in db.execute("select name from pragma_table_info(?)", [table])
            if column not in TABLES.get(table, ("", {}))[1]
        ]
    assert undescribed == []


def test_facets_on_source_series_kind_year_and_authors(server):
    page = get_json(server.url + "/demo/posts.json?_shape=objects&_size=max")
    facets = page["facet_results"]
    assert {"source", "series", "kind", "published", "authors"} <= set(facets)
    assert facets["published"]["type"] == "year"
    assert facets["authors"]["type"] == "array"
    years = {v["value"]: v["count"] for v in facets["published"]["results"]}
    dated = [row["published"][:4] for row in page["rows"] if row["published"]]
    assert years == {year: dated.count(year) for year in set(dated)}
    year, count = max(years.items())
    chosen = get_json(
        server.url + f"/demo/posts.json?_shape=objects&_size=max&published__startswith={year}"
    )
    assert len(chosen["rows"]) == count
    assert all(row["published"].startswith(year) for row in chosen["rows"])


def test_canned_queries_answer_in_json(server, archive):
    query = urllib.parse.urlencode({"series": SERIES, "_shape": "array"})
    posts = get_json(f"{server.url}/demo/series_posts.json?{query}")
    assert len(posts) == 5
    keys = [(p["series_part"] is None, p["series_part"] or 0, p["published"]) for p in posts]
    assert keys == sorted(keys)

    ranked = get_json(server.url + "/demo/authors_by_posts.json?_shape=array")
    counts = [row["posts"] for row in ranked]
    assert counts == sorted(counts, reverse=True) and counts[0] > 1
    with sqlite3.connect(archive) as db:
        (links,) = db.execute("select count(*) from post_authors").fetchone()
        (dated,) = db.execute("select count(*) from posts where published is not null").fetchone()
    assert sum(counts) == links

    months = get_json(server.url + "/demo/posts_per_month.json?_shape=array")
    assert [m["month"] for m in months] == sorted(m["month"] for m in months)
    assert all(len(m["month"]) == 7 for m in months)
    assert sum(m["posts"] for m in months) == dated
    assert set(QUERIES) == {"series_posts", "authors_by_posts", "posts_per_month"}


def test_serving_never_changes_the_archive(archive, tmp_path):
    before = sha256(archive)
    running = Server(archive, tmp_path / "serve.log")
    try:
        sql = urllib.parse.quote("delete from posts")
        status, body = get(f"{running.url}/demo.json?sql={sql}")
        assert status == 400 and "must be a SELECT" in body
        metadata = get_json(running.url + "/-/metadata.json")
        queries = metadata["databases"]["demo"]["queries"]
        assert not any(q.get("write") for q in queries.values())
        get(running.url + "/demo/posts?_search=leader&_facet=tags")
    finally:
        running.stop()
    assert sha256(archive) == before
    wal = archive.with_name(archive.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_no_connection_can_write_not_even_a_write_canned_query(archive, tmp_path):
    copy = tmp_path / "demo.sqlite"
    shutil.copy(archive, copy)
    before = sha256(copy)
    ds = make_datasette(copy)
    queries = ds._metadata_local["databases"]["demo"]["queries"]
    queries["retitle"] = {"sql": "update posts set title = :title", "write": True}

    async def attempt() -> tuple[str, str]:
        response = await ds.client.post("/demo/retitle", data={"title": "x", "_json": "1"})
        try:
            await ds.get_database("demo").execute_write("delete from posts")
        except sqlite3.OperationalError as error:
            return response.text, str(error)
        return response.text, "written"

    page, direct = asyncio.run(attempt())
    assert "readonly" in direct
    answer = json.loads(page)
    assert answer["ok"] is False and "readonly" in answer["message"]
    assert sha256(copy) == before
    with sqlite3.connect(copy) as db:
        assert db.execute("select count(*) from posts where title = 'x'").fetchone() == (0,)


def test_immutable_refuses_changes_still_in_the_wal(archive, tmp_path):
    copy = tmp_path / "demo.sqlite"
    shutil.copy(archive, copy)
    writer = sqlite3.connect(copy)
    try:
        writer.execute("pragma wal_autocheckpoint = 0")
        writer.execute("update posts set title = title || '!' where id = 1")
        writer.commit()
        with pytest.raises(ServeError, match="serve without --immutable"):
            make_datasette(copy, immutable=True)
        assert make_datasette(copy).get_database("demo").is_mutable
    finally:
        writer.close()


def test_a_missing_archive_is_one_line_and_exit_2(tmp_path):
    result = subprocess.run(
        serve_command(tmp_path / "nothing.sqlite", free_port()),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "no archive at" in result.stderr
