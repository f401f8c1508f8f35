"""The bulk writers moved to accord.kernel.audit.bulk, so the register's write path can use them too."""

from accord.kernel.audit.bulk import (
    Maker,
    Snapshots,
    collector_paused,
    created_changes,
    insert_returning,
    insert_rows,
)

__all__ = ["Maker", "Snapshots", "collector_paused", "created_changes", "insert_returning", "insert_rows"]
