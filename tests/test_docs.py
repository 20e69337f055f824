"""The README stays true: every command, setting and export key it should name, it names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crawler.cli import cli
from crawler.store import EXPORT_KEYS
from crawler.store.resources import RESOURCE_EXPORT_KEYS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
SETTINGS = (Path(__file__).resolve().parent.parent / "crawler" / "settings.py").read_text()
# Our own settings are the ones without a Scrapy component prefix, plus these.
OWN_SETTINGS = re.findall(
    r"^((?:ARCHIVE|EXPORTS|SOURCES|BLOGARCHIVE|WARC|FULL|FOLLOW|PROGRESS|CONDITIONAL)_[A-Z_]+) =",
    SETTINGS,
    re.M,
)


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_in_the_readme_with_help(command):
    assert f"blogarchive {command}" in README
    assert cli.commands[command].help


@pytest.mark.parametrize("setting", OWN_SETTINGS)
def test_every_own_setting_is_in_the_readme(setting):
    assert f"`{setting}`" in README


def test_every_export_key_is_in_the_readme():
    assert all(key in README for key in EXPORT_KEYS + RESOURCE_EXPORT_KEYS)


def test_the_two_setup_commands_are_the_ones_ci_runs():
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text()
    test_command = ci.strip().splitlines()[-1]
    assert test_command in README
    assert "blogarchive crawl" in README.split("## Set-up")[1].split("##")[0]
