"""``python -m vnpress``: the same command line as the ``vnpress`` script."""

from vnpress.cli import main

if __name__ == "__main__":  # not when a spawned worker process imports this module
    main()
