"""What Accord gives out: committee reports (`reports`), the published register and open data
(`public`), imports, exports and backups (`transfer`), the JSON API (`api`) and reminders
(`reminders`). They read the domain apps and never each other; see docs/adr/0026-layers.md.
"""
