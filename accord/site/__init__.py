"""The site: composes the layers below into one service — the URL map, the home pages, the
partnership page and its tabs, and the demo council. Nothing imports it; see docs/adr/0026-layers.md.
"""
