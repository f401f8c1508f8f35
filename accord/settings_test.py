"""Settings for the test suite: Accord's settings with testing switched on.

Browser tests drive Chromium through Playwright's sync API inside the live server's process
lifetime, which Django would otherwise refuse as async-unsafe.
"""

import os

os.environ.setdefault("ACCORD_TESTING", "1")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import tempfile  # noqa: E402

from accord.settings import *  # noqa: E402,F403

MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="accord-test-uploads-"))  # noqa: F405

# Rate limits are off for the suites that make many requests from one address (schemathesis, the
# access proof, browser journeys); the tests of limiting switch them on with the rate they need.
ACCORD_SIGNIN_RATE = None
ACCORD_API_RATE = None
ACCORD_API_ANON_RATE = None
