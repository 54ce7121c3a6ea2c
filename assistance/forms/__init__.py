"""Forms of the assistance pages: requests (F5) and activities (F6)."""
