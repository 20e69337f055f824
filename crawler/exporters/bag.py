"""Package an export folder as a BagIt bag (RFC 8493) with the ``bagit`` library."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import bagit

CHECKSUMS = ("sha256",)


def make_bag(folder: Path, *, info: Mapping[str, str]) -> None:
    """Turn ``folder`` into a bag in place: its files move under ``data/``.

    ``info`` goes to ``bag-info.txt`` (``Source-Organization``,
    ``External-Description``...); bagit adds ``Bagging-Date``,
    ``Payload-Oxum`` and ``Bag-Software-Agent``. Payload manifests are SHA-256,
    the digest ``manifest.json`` uses. bagit changes the working directory while
    it works, so do not call this from several threads at once. Raises
    ``FileNotFoundError`` for a missing folder and ``bagit.BagError`` when its
    files cannot be moved or read.
    """
    if not Path(folder).is_dir():
        raise FileNotFoundError(f"no folder to bag: {folder}")
    bagit.make_bag(str(folder), bag_info=dict(info), checksums=list(CHECKSUMS))
