"""Demonstration records for trying ctassist: `ctassist demo-data` generates them, `--clear` removes them."""
