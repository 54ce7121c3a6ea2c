"""Pages of assistance: requests (F5), activities (F6) and the monthly matrix."""
