#!/usr/bin/env python
"""Django's command-line utility for developers working in a checkout of Accord.

It runs in development mode (DEBUG on) unless the environment says otherwise. Deployments use
the installed `accord` command, which takes its configuration from the environment alone.
"""

import os

from accord.cli import main

if __name__ == "__main__":
    os.environ.setdefault("DEBUG", "true")
    main()
