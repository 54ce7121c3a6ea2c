"""How the benchmarks time a request and summarise their timings (milliseconds)."""

import statistics
import time


def percentiles(timings: list[float]) -> tuple[float, float]:
    """The median and the 95th percentile."""
    timings = sorted(timings)
    return statistics.median(timings), timings[max(0, int(len(timings) * 0.95) - 1)]


def time_get(client, path: str, runs: int, params: dict | None = None):
    """GET `path` 3 times to warm up, then `runs` times timed: (timings, last response).
    Every answer must be 200."""
    for _ in range(3):
        response = client.get(path, params)
        assert response.status_code == 200, (path, params, response.status_code)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(path, params)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, params, response.status_code)
    return timings, response
