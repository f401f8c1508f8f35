"""Views of the published register (pages) and open data (downloads): no sign-in needed."""
