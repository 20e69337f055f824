"""The ``blogarchive`` command line.

Each command is a thin call into the library; library errors become one line
on stderr and a documented exit status: 0 ok, 1 some source degraded or failed
(or, for reparse, a record skipped), 2 usage or config error, 3 another run
holds the archive, 130 interrupted. ``writing`` holds the commands that write
the archive (crawl, demo, reparse), ``reading`` those that only read it.
"""

from __future__ import annotations

import sys
from typing import NoReturn

import click

EXIT_OK, EXIT_DEGRADED, EXIT_USAGE, EXIT_LOCKED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


@click.group()
@click.version_option(package_name="blogarchive")
def cli() -> None:
    """Crawl healthcare leadership blogs into a queryable SQLite archive."""


def fail(message: str) -> NoReturn:
    click.echo(f"blogarchive: {message}", err=True)
    sys.exit(EXIT_USAGE)


def main() -> None:
    cli()


# The commands register themselves on ``cli`` when imported.
from crawler.cli import reading, writing  # noqa: E402, F401
