"""Tokenizing a whole law in a second process while the first writes it to the database.

Importing a law is bound by tokenizing (jieba, Snowball) and by the database writes; on a
machine with two cores or more the two run side by side: the terms are made in forked
worker processes (which inherit jieba's loaded dictionary and never touch the database)
while the caller writes the provisions, and the caller writes each chunk of terms as soon
as it is made, while the workers make the next ones (waiting for all the terms, then
writing them, left a core idle twice: 1.36 s instead of about 1.0 s for a law of 5,100
Chinese articles on PostgreSQL).

Only large batches are sent (a process costs some milliseconds), only where `fork` exists,
and only from a process with a single thread, since forking a threaded process can copy a
lock that another thread holds.
"""

import functools
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator

from thesaurus.analysis import jieba_tokenizer, language_code, tokenize

PARALLEL_MIN = 1_000  # texts below this are tokenized in the calling process
WORKERS = max(1, min(2, os.cpu_count() or 1))
CHUNKS_PER_WORKER = 10


class Terms:
    """The terms of each (text, language), in order, as `encode` makes them (the index's
    stored form; None for a text without terms). Iterating yields them as the workers
    finish each chunk; `close()` stops the workers."""

    def __init__(self, items: list[tuple[str, str]], encode: Callable[[list[str]], object] = " ".join):
        self._items = items
        self._encode = encode
        self._pool = None
        self._pending = None
        if self._parallel():
            if any(language_code(language) == "zh" for _text, language in items):
                jieba_tokenizer()  # loaded once here, inherited by the workers
            context = multiprocessing.get_context("fork")
            self._pool = context.Pool(WORKERS)
            # Small chunks, so that the first reaches the caller soon and the last leaves
            # little to write once the workers are done.
            size = -(-len(items) // (WORKERS * CHUNKS_PER_WORKER))
            self._pending = self._pool.imap(functools.partial(_terms_of, encode), _chunks(items, size))

    def _parallel(self) -> bool:
        return (
            WORKERS > 1
            and len(self._items) >= PARALLEL_MIN
            and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1
            and not multiprocessing.current_process().daemon
        )

    def __iter__(self) -> Iterator:
        if self._pending is None:
            yield from _terms_of(self._encode, self._items)
            return
        try:
            for chunk in self._pending:
                yield from chunk
        finally:
            self.close()

    def close(self) -> None:
        """Stop the workers: at the end, or when the caller gives up on an error before
        taking every term (contextlib.closing)."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None


def _terms_of(encode, items: list[tuple[str, str]]) -> list:
    return [encode(terms) if (terms := tokenize(text, language)) else None for text, language in items]


def _chunks(items: list, size: int) -> list[list]:
    return [items[index : index + size] for index in range(0, len(items), size)]
