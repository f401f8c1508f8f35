"""Object-level access: what a role may do depends on its link to the partnership."""
