"""Inputs that are not plain local files: archives of articles and fsspec URLs.

- **Archives.** A ``.zip``, ``.tar``, ``.tar.gz`` / ``.tgz``, ``.tar.bz2`` or ``.tar.xz`` named as an
  input stands for its members that match ``--glob`` (hidden ones left out), read with the standard
  library's :mod:`zipfile` and :mod:`tarfile`. A member's document path is
  ``ARCHIVE!MEMBER``: ``press.zip!2021/07/a.txt``, the convention of Java's ``jar:`` URLs, readable,
  stable, and never mistaken for a directory on disk. A compressed tar is decompressed once into a
  temporary file, so that reading its members in sorted order never rewinds the compressed stream.
- **URLs.** ``s3://bucket/press/**/*.txt``, ``gs://…``, ``file:///…``, ``memory://…``: anything
  fsspec opens (``pip install 'vnpress[dask]'``; s3fs or gcsfs for their schemes). A URL with a glob
  is expanded with fsspec's glob, a directory is walked like a local one, and an archive at a URL
  is opened like a local one. Documents keep the URL as their path.

Every failure is an :class:`~vnpress.errors.InputError` or a problem handed to the caller, naming
the archive, member or URL, so that a bad member is reported as a bad file is.
"""

from __future__ import annotations

import bz2
import contextlib
import fnmatch
import gzip
import lzma
import re
import shutil
import tarfile
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from typing import IO, Any

from vnpress.errors import InputError

MEMBER_SEP = "!"
FSSPEC_HINT = "reading URLs needs fsspec: pip install 'vnpress[dask]'"

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")
_MEMBER = re.compile(r"^(.*?\.(?:zip|tar|tar\.gz|tgz|tar\.bz2|tar\.xz))!(.+)$", re.IGNORECASE)
_MAGIC = re.compile(r"[*?\[]")


def is_url(path: str) -> bool:
    return bool(_URL.match(path))


def is_archive(path: str) -> bool:
    return path.lower().endswith(_ARCHIVE_SUFFIXES)


def split_member(path: str) -> tuple[str, str] | None:
    """``(archive, member)`` of a member's path ``ARCHIVE!MEMBER``, else None."""
    m = _MEMBER.match(path)
    return (m.group(1), m.group(2)) if m else None


def is_source(path: str) -> bool:
    """Whether ``path`` is read by this module (a URL, an archive or an archive's member)."""
    return is_url(path) or is_archive(path) or split_member(path) is not None


def _hidden(relative: str) -> bool:
    return any(part.startswith(".") for part in relative.split("/") if part)


def _matches(name: str, pattern: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return fnmatch.fnmatch(base, pattern)


# -- URLs -------------------------------------------------------------------------------------------
def _fs(url: str) -> tuple[Any, str]:
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise InputError(url, FSSPEC_HINT) from None
    try:
        return url_to_fs(url)
    except (ImportError, ValueError) as e:  # a scheme whose package is missing (s3fs …), a bad URL
        raise InputError(url, _one_line(e)) from None


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split()) or type(e).__name__


def _expand_url(url: str, pattern: str) -> list[str]:
    fs, path = _fs(url)
    try:
        if _MAGIC.search(path):
            found = [
                p for p, info in sorted(fs.glob(path, detail=True).items()) if info.get("type") == "file"
            ]
            root = _MAGIC.split(path, 1)[0].rsplit("/", 1)[0]
        elif fs.isdir(path):
            root = path
            found = [p for p in fs.find(path) if _matches(p, pattern)]
        elif fs.exists(path):
            return [fs.unstrip_protocol(path)]  # one spelling of each URL, so each is read once
        else:
            raise InputError(url, "no such file or directory")
    except InputError:
        raise
    except Exception as e:  # the network, permissions, a bucket that does not exist …
        raise InputError(url, _one_line(e)) from None
    return [fs.unstrip_protocol(p) for p in found if not _hidden(p[len(root) :])]


def _open_url(url: str) -> IO[bytes]:
    fs, path = _fs(url)
    try:
        return fs.open(path, "rb")
    except FileNotFoundError:
        raise InputError(url, "no such file or directory") from None
    except Exception as e:
        raise InputError(url, _one_line(e)) from None


# -- archives ---------------------------------------------------------------------------------------
class _Archive:
    """An open archive: its member names (files only) and a way to open each."""

    def __init__(self, path: str):
        self.path = path
        self._stack = contextlib.ExitStack()
        try:
            raw = self._stack.enter_context(_open_url(path) if is_url(path) else open(path, "rb"))  # noqa: SIM115
            self._open(path, raw)
        except InputError:
            self.close()
            raise
        except FileNotFoundError:
            self.close()
            raise InputError(path, "no such file or directory") from None
        except (OSError, EOFError, zipfile.BadZipFile, tarfile.TarError, lzma.LZMAError) as e:
            self.close()
            kind = "zip" if path.lower().endswith(".zip") else "tar"
            raise InputError(path, f"not a readable {kind} archive ({_one_line(e)})") from None

    def _open(self, path: str, raw: IO[bytes]) -> None:
        lower = path.lower()
        if lower.endswith(".zip"):
            self.zip: zipfile.ZipFile | None = self._stack.enter_context(zipfile.ZipFile(raw))
            self.tar: tarfile.TarFile | None = None
            self.names = {i.filename: i for i in self.zip.infolist() if not i.is_dir()}
            return
        self.zip = None
        opener: Callable[..., IO[bytes]] | None = None
        if lower.endswith((".tar.gz", ".tgz")):
            opener = gzip.GzipFile
        elif lower.endswith(".tar.bz2"):
            opener = bz2.BZ2File
        elif lower.endswith(".tar.xz"):
            opener = lzma.LZMAFile
        if opener is not None:  # decompressed once, so that members are read in any order cheaply
            plain = self._stack.enter_context(tempfile.TemporaryFile(prefix="vnpress-"))  # noqa: SIM115
            with opener(fileobj=raw) as compressed:
                shutil.copyfileobj(compressed, plain, 1 << 20)
            plain.seek(0)
            raw = plain
        self.tar = self._stack.enter_context(tarfile.open(fileobj=raw, mode="r:"))  # noqa: SIM115
        self.names = {i.name: i for i in self.tar.getmembers() if i.isfile()}

    def members(self, pattern: str) -> list[str]:
        return sorted(n for n in self.names if not _hidden(n) and _matches(n, pattern))

    def read(self, member: str) -> bytes:
        source = f"{self.path}{MEMBER_SEP}{member}"
        info = self.names.get(member)
        if info is None:
            raise InputError(source, "no such member in the archive")
        try:
            if self.zip is not None:
                return self.zip.read(info)
            assert self.tar is not None
            fh = self.tar.extractfile(info)
            return fh.read() if fh is not None else b""
        except (OSError, EOFError, zipfile.BadZipFile, tarfile.TarError, lzma.LZMAError, RuntimeError) as e:
            # a damaged member (bad CRC, truncated), an encrypted one (RuntimeError)
            raise InputError(source, f"cannot read this archive member ({_one_line(e)})") from None

    def close(self) -> None:
        self._stack.close()


_OPEN: dict[str, _Archive] = {}


def _archive(path: str) -> _Archive:
    """The archive, kept open while its members are read one after another (one at a time)."""
    archive = _OPEN.get(path)
    if archive is None:
        close_archives()
        archive = _OPEN[path] = _Archive(path)
    return archive


def close_archives() -> None:
    """Close the archive kept open (at the end of a reading)."""
    while _OPEN:
        _OPEN.popitem()[1].close()


# -- the two entry points ---------------------------------------------------------------------------
_EXPANDED: set[str] = set()  # names this module produced: a second expansion trusts them


def expand(path: str, pattern: str) -> list[str]:
    """The document paths ``path`` stands for (a URL, a URL glob, an archive, a member), sorted.
    Raises :class:`InputError` when there are none to read (missing, unreadable, not an archive)."""
    if path in _EXPANDED:
        return [path]
    member = split_member(path)
    if member is not None:
        archive, name = member
        if name not in _archive(archive).names:
            raise InputError(path, "no such member in the archive")
        found = [path]
    elif is_archive(path):
        found = [f"{path}{MEMBER_SEP}{m}" for m in _archive(path).members(pattern)]
    else:
        found = []
        for url in _expand_url(path, pattern):
            if is_archive(url):
                found.extend(f"{url}{MEMBER_SEP}{m}" for m in _archive(url).members(pattern))
            else:
                found.append(url)
    if len(_EXPANDED) > 1_000_000:
        _EXPANDED.clear()
    _EXPANDED.update(found)
    return found


@contextlib.contextmanager
def open_source(path: str) -> Iterator[IO[bytes]]:
    """A binary stream of one document path this module expanded (a member or a URL)."""
    member = split_member(path)
    if member is not None:
        import io

        archive, name = member
        yield io.BytesIO(_archive(archive).read(name))
        return
    with _open_url(path) as fh:
        yield fh
