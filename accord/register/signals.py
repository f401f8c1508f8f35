"""What the register tells the layers above it when partnerships change (ADR 0026).

The register is the layer every domain app builds on, so it cannot call them. It sends these signals
instead, inside the transaction of the change; each app that keeps something about a partnership
connects a receiver in its AppConfig.ready(). Receivers run in the order of INSTALLED_APPS, lower
layers first: the framework assesses a new partnership's significance before the cycle records its
first state.

- `partnership_created(sender=Partnership, actor, partnership)`: a partnership was added, with its
  council membership, through any write path (a page, the API, an import, the demo).
- `partnerships_changed(sender=Partnership, partnership_ids)`: facts the framework reads have changed
  for these partnerships, so kept obligation statuses must be worked out again.
"""

from django.dispatch import Signal

partnership_created = Signal()
partnerships_changed = Signal()
