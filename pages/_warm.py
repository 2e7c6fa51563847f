"""Server start: build what every visitor shares before the first one arrives.

A fresh server's first session used to pay alone for what all later sessions share — importing
the engine, loading and parsing the embedded notice, parsing the 1,327 embedded calls and
linking them to programs (≈ 2.3 CPU-s, most of a 3–9 s first visit; README "Performance").
:data:`lifespan` runs :func:`warm` when the server starts, before its health check answers, so
the first visitor finds those caches built. ``app.py`` hands it to ``st.App`` (Streamlit's own
start-up hook); ``streamlit run app.py`` stays the command.

The caches are the pages' own (:mod:`pages._caches`, :mod:`pages._dataset`): the same calls
with the same keys as a page makes, so nothing here can drift from what a page would build.
A failure never keeps the server from starting: it is logged, and the first visitor builds the
caches as before (and sees the error the page shows for it).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

__all__ = ["lifespan", "warm"]

_LOG = logging.getLogger("navigator.warm")


def warm() -> float:
    """Build the default dataset's shared caches; the seconds it took.

    The default catalogue, its calls joined to programs, today's call statuses, the search
    index, the finder's filter choices, the overview's summary, the program frame and the
    policy map's positions — everything a page computes per dataset rather than per profile.
    """
    start = time.perf_counter()
    from pages._caches import (
        call_statuses,
        finder_options,
        map_layout,
        program_frame,
        search_index,
        summary,
    )
    from pages._dataset import active_dataset

    ds = active_dataset()
    call_statuses(ds)  # loads and joins the calls (active_calls) on the way
    search_index(ds)
    finder_options(ds)
    summary(ds)
    program_frame(ds)
    map_layout(ds)
    return time.perf_counter() - start


@asynccontextmanager
async def lifespan(_app: Any) -> AsyncIterator[None]:
    """``st.App`` lifespan: :func:`warm` in a worker thread before the server takes requests."""
    try:
        took = await asyncio.to_thread(warm)
    except Exception:  # never keep the app from starting; a page shows the error
        _LOG.exception("warming the shared caches failed; the first visitor will build them")
    else:
        _LOG.info("shared caches built in %.1f s", took)
    yield
