"""What the register tells the layers above it when partnerships change (ADR 0026).

The register is the layer every domain app builds on, so it cannot call them. It sends these signals
instead, inside the transaction of the change; each app that keeps something about a partnership
connects a receiver in its AppConfig.ready(). Receivers run in the order of INSTALLED_APPS, lower
layers first: the framework assesses a new partnership's significance before the cycle records its
first state.

- `partnerships_created(sender=Partnership, actor, partnerships, reason)`: partnerships were added, with their
  members, through the one write path (accord.register.writes) that a page, the API, an import and the
  demo all use; one or thousands at once, so receivers do their work in bulk. `reason` is the
  change's reason ("Imported from register.xlsx"), or "" (a receiver must not require it).
- `partnerships_changed(sender=Partnership, partnership_ids)`: facts the framework reads have changed
  for these partnerships, so kept obligation statuses must be worked out again.
"""

from django.dispatch import Signal

partnerships_created = Signal()
partnerships_changed = Signal()
