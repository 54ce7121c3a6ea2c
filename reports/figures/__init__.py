"""The figures of a report on a resolution, computed from the records (see base.py)."""
