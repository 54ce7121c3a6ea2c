"""Addresses of the assistance pages, one module per namespace: requests, activities, matrix."""
