"""Fetch the peer suites' pinned sdists into a cache and unpack them.

Usage:
  fetch [SUITE...]

Run it as `python -m peers.fetch` from the repository's top. SUITE is `sqlalchemy` or `psycopg2` (both when none is given). The cache is
`$TWINNING_PEERS_CACHE`, else `~/.cache/twinning-peers`. Each tarball is
checked against the sha256 pinned below before it is unpacked; a cached,
already unpacked sdist is used as is (a marker file records the digest it
was unpacked from), so a second call costs nothing.

The sdists come straight from files.pythonhosted.org by URL: `pip download
--no-binary` would try to build SQLAlchemy's metadata, which needs its
build dependencies, and we only want its test tree.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tarfile
import tempfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Sdist:
    suite: str
    project: str
    version: str
    url: str
    sha256: str

    @property
    def filename(self) -> str:
        return self.url.rsplit("/", 1)[1]

    @property
    def dirname(self) -> str:
        """The top-level folder the tarball unpacks to."""
        return self.filename.removesuffix(".tar.gz")


_FILES = "https://files.pythonhosted.org/packages"

SDISTS: dict[str, Sdist] = {
    "sqlalchemy": Sdist(
        "sqlalchemy", "SQLAlchemy", "2.0.58",
        f"{_FILES}/74/9a/8d798711d1e56fa5f51152c228c2e0a8f03c95f3d59c969dd720ed492b83/"
        "sqlalchemy-2.0.58.tar.gz",
        "2acdcec9836b7c1514a9ad426e7731669a1186d96481a2e82c50bf2aebb49061"),
    "psycopg2": Sdist(
        "psycopg2", "psycopg2", "2.9.10",
        f"{_FILES}/62/51/2007ea29e605957a17ac6357115d0c1a1b60c8c984951c19419b3474cdfd/"
        "psycopg2-2.9.10.tar.gz",
        "12ec0b40b0273f95296233e8750441339298e6a572f7039da5b260e3c8b60e11"),
}

_MARKER = ".twinning-peers-sha256"
_TIMEOUT = 120.0


def cache_dir() -> Path:
    env = os.environ.get("TWINNING_PEERS_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "twinning-peers"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _download(sdist: Sdist, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".part-")
    try:
        with os.fdopen(fd, "wb") as out, \
                urllib.request.urlopen(sdist.url, timeout=_TIMEOUT) as resp:
            shutil.copyfileobj(resp, out)
        got = _sha256(Path(tmp))
        if got != sdist.sha256:
            raise RuntimeError(f"{sdist.filename}: sha256 {got}, "
                               f"expected {sdist.sha256}")
        os.replace(tmp, dest)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def fetch(suite: str, cache: Path | None = None) -> Path:
    """The unpacked source tree of `suite`'s pinned sdist (downloaded,
    verified and unpacked on first use)."""
    sdist = SDISTS[suite]
    cache = cache or cache_dir()
    tree = cache / sdist.dirname
    marker = tree / _MARKER
    if marker.is_file() and marker.read_text().strip() == sdist.sha256:
        return tree
    tarball = cache / "sdists" / sdist.filename
    if not tarball.is_file() or _sha256(tarball) != sdist.sha256:
        _download(sdist, tarball)
    staging = Path(tempfile.mkdtemp(dir=cache, prefix=".unpack-"))
    try:
        with tarfile.open(tarball) as tar:
            tar.extractall(staging, filter="data")
        if tree.exists():
            shutil.rmtree(tree)
        os.replace(staging / sdist.dirname, tree)
        (tree / _MARKER).write_text(sdist.sha256 + "\n")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return tree


def main(argv: list[str] | None = None) -> int:
    from docopt import docopt

    args = docopt(__doc__, argv=argv)
    suites = args["SUITE"] or sorted(SDISTS)
    for suite in suites:
        if suite not in SDISTS:
            print(f"unknown suite {suite!r}; one of {', '.join(sorted(SDISTS))}",
                  file=sys.stderr)
            return 2
        sdist = SDISTS[suite]
        print(f"{sdist.project} {sdist.version}: {fetch(suite)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
