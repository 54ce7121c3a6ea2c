"""Importing status lists of treaty actions: a documented CSV layout, the UN Treaty
Collection table as copied from its page, and the ICAO list of parties.

`import_participation(path)` reads the whole file, resolves every state, checks every
row, and only then writes, in one transaction; `dry_run=True` reports the same plan and
writes nothing.
"""

from participation.importing.errors import ImportFailed
from participation.importing.service import ImportPlan, import_participation

__all__ = ["ImportFailed", "ImportPlan", "import_participation"]
