"""The command line: a Click group (:mod:`vnpress.cli.app`, with the options every command shares)
and one small module per family of commands, each command a small function that parses its
options, calls one library function and hands the resulting table to the renderer.

Importing this package registers every command on the group; ``vnpress.cli:main`` is the entry point.
"""

from vnpress.cli import (  # noqa: F401  (each registers its commands)
    admin,
    entities,
    extract,
    index,
    officers,
    stats,
    words,
)
from vnpress.cli.app import SEGMENTERS, cli, main

__all__ = ["SEGMENTERS", "cli", "main"]
