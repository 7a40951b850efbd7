"""E-mail work done outside the request: one background thread works through a queue.

A password-reset request answers the same way, with the same work, whether or not the address has an
account: the lookup, the rendering and the sending all happen here, after the response.
"""

import logging
import queue
import threading
from collections.abc import Callable

from django.db import connections

log = logging.getLogger(__name__)
_jobs: "queue.Queue[Callable[[], None]]" = queue.Queue()
_worker: list[threading.Thread] = []
_lock = threading.Lock()


def _work() -> None:
    while True:
        job = _jobs.get()
        try:
            job()
        except Exception:
            log.exception("an e-mail job failed")
        finally:
            connections.close_all()
            _jobs.task_done()


def later(job: Callable[[], None]) -> None:
    """Queue a job for the background thread (started on first use)."""
    with _lock:
        if not _worker or not _worker[0].is_alive():
            _worker[:] = [threading.Thread(target=_work, name="gradeline-outbox", daemon=True)]
            _worker[0].start()
    _jobs.put(job)


def drain() -> None:
    """Wait until every queued job has run (for shutdown and tests)."""
    _jobs.join()
