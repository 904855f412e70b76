"""The project's error types and exit statuses. The library raises; only the CLI exits."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    ERROR = 1  # a runtime or data error: some input failed
    USAGE = 2  # a usage error (click's own status for bad options)
    INTERRUPTED = 130


class VnpressError(Exception):
    """Base class: a problem to report to the user in one line, never with a traceback."""

    exit_status = ExitStatus.ERROR


class InputError(VnpressError):
    """One input (a file, a path, stdin) could not be read; the others still are."""

    def __init__(self, source: str, message: str):
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


class BinaryFileError(InputError):
    """An input that is not text (NUL bytes): skipped with a warning, not an error."""


class OutputError(VnpressError):
    """The results cannot be written (standard output closed, a full disk …); a closed pipe is not
    this error but the quiet end of ``| head``."""

    def __init__(self, reason: str):
        super().__init__(f"cannot write output: {reason}")


class CacheError(VnpressError):
    """A cache operation the user asked for (``cache clear``) failed; a run never raises it."""


class UsageError(VnpressError):
    """Options or arguments that cannot work together, or a data file given by the user that is malformed."""

    exit_status = ExitStatus.USAGE


class DataFileError(UsageError):
    """A user-supplied data file (gazetteer, dictionary, stop words) is malformed."""

    def __init__(self, path: str, line: int | None, message: str):
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
