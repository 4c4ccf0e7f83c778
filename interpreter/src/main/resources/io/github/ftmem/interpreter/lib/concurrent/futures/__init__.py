"""Running callables asynchronously: Future, wait, as_completed and ThreadPoolExecutor (CPython 3.11's API)."""

from concurrent.futures._base import (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, CancelledError,
                                      TimeoutError, InvalidStateError, BrokenExecutor, Future, Executor,
                                      wait, as_completed)
from concurrent.futures.thread import ThreadPoolExecutor

__all__ = ('FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', 'CancelledError', 'TimeoutError',
           'BrokenExecutor', 'Future', 'Executor', 'wait', 'as_completed', 'ProcessPoolExecutor',
           'ThreadPoolExecutor')


def __getattr__(name):
    if name == 'ProcessPoolExecutor':
        raise ImportError("ftpy has no process pool: use ThreadPoolExecutor (threads run in parallel here)")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
