"""``python -m bench``: every benchmark, one table (see bench/README.md)."""

from bench.run import main

main()
