"""The kernel: what every other layer builds on and nothing in it builds on them.

The audit trail and append-only history (`audit`), users, roles and the access policy (`accounts`),
the design system (`ui`: forms, components, charts, Word documents, spreadsheets) and the one clock.
See docs/adr/0026-layers.md.
"""
