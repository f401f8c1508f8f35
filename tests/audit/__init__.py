"""The audit trail and the append-only guard of every history table."""
