#!/usr/bin/env python
"""Django's command-line utility for Accord (the `accord` console script does the same)."""

from accord.cli import main

if __name__ == "__main__":
    main()
