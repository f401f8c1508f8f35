"""Test-only WSGI entry point: Accord, with one step of one operation made to stop and wait.

gunicorn serves `tests.resilience.boot:application` for the kill tests. RESILIENCE_PAUSE says where
the worker stops, inside the operation's transaction, so the test can SIGKILL it at a known point:

- `import`: after the import has inserted the new organisations and the partnerships (the latter in
  two bulk batches), before their cycle rows, search terms, memberships and history are written;
- `transition`: after a move has changed the partnership's status and written the transition row,
  before the partnership's history entry is written.

The worker writes its process id to RESILIENCE_MARKER and sleeps; the test kills it. Never used
outside the tests.
"""

import os
import time
from pathlib import Path

from accord.wsgi import application  # noqa: F401 - what gunicorn serves; sets Django up first

PAUSE = os.environ.get("RESILIENCE_PAUSE", "")
MARKER = Path(os.environ.get("RESILIENCE_MARKER", "/nonexistent"))


def hold(where: str) -> None:
    MARKER.write_text(f"{os.getpid()} {where}\n")
    time.sleep(600)  # the test kills this process long before


def pause_the_import() -> None:
    # The importer creates partnerships through the register's one write path (accord.register.writes).
    from accord.register import writes
    from accord.register.models import Partnership

    insert = writes.insert_returning

    def insert_then_hold(model, objects, batch=writes.BATCH):
        insert(model, objects, batch)
        if model is Partnership:
            hold("import: partnerships inserted")

    writes.insert_returning = insert_then_hold


def pause_the_transition() -> None:
    from accord.domain.lifecycle import services
    from accord.register.models import Partnership

    record = services.audit

    def hold_then_record(**event):
        if isinstance(event.get("instance"), Partnership):
            hold("transition: status and transition row written")
        return record(**event)

    services.audit = hold_then_record


if PAUSE == "import":
    pause_the_import()
elif PAUSE == "transition":
    pause_the_transition()
elif PAUSE:
    raise RuntimeError(f"RESILIENCE_PAUSE={PAUSE!r}: expected 'import' or 'transition'")
