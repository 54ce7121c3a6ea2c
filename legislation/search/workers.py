"""Tokenizing a whole law in a second process while the first writes it to the database.

Importing a law is bound by tokenizing (jieba, Snowball) and by the database writes; on a
machine with two cores or more the two run side by side: the terms are made in forked
worker processes (which inherit jieba's loaded dictionary and never touch the database)
while the caller writes the provisions, then the caller writes the terms.

Only large batches are sent (a process costs some milliseconds), only where `fork` exists,
and only from a process with a single thread, since forking a threaded process can copy a
lock that another thread holds.
"""

import multiprocessing
import os
import threading

from legislation.search.tokenize import jieba_tokenizer, language_code, tokenize

PARALLEL_MIN = 1_000  # texts below this are tokenized in the calling process
WORKERS = max(1, min(2, os.cpu_count() or 1))


class Terms:
    """The space-separated terms of each (text, language), in order; `result()` waits."""

    def __init__(self, items: list[tuple[str, str]]):
        self._items = items
        self._pool = None
        self._pending = None
        if self._parallel():
            if any(language_code(language) == "zh" for _text, language in items):
                jieba_tokenizer()  # loaded once here, inherited by the workers
            context = multiprocessing.get_context("fork")
            self._pool = context.Pool(WORKERS)
            size = -(-len(items) // (WORKERS * 4))
            self._pending = self._pool.map_async(_terms_of, _chunks(items, size))

    def _parallel(self) -> bool:
        return (
            WORKERS > 1
            and len(self._items) >= PARALLEL_MIN
            and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1
            and not multiprocessing.current_process().daemon
        )

    def result(self) -> list[str]:
        if self._pending is None:
            return _terms_of(self._items)
        try:
            return [terms for chunk in self._pending.get() for terms in chunk]
        finally:
            self._pool.close()
            self._pool.join()


def _terms_of(items: list[tuple[str, str]]) -> list[str]:
    return [" ".join(tokenize(text, language)) for text, language in items]


def _chunks(items: list, size: int) -> list[list]:
    return [items[index : index + size] for index in range(0, len(items), size)]
