"""The domain apps: what councils do with a partnership, under their framework.

The partnership cycle and its gates (`lifecycle`), joint risk registers (`risks`), performance
monitoring (`monitoring`), reviews and assurance ratings (`reviews`) and outside-body duties
(`representation`). They build on the register and the frameworks; see docs/adr/0026-layers.md.
"""
