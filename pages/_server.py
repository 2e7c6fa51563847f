"""What the app's server does besides running sessions: warm the shared caches at start, and
serve the map's script once.

**Warm-up.** A fresh server's first session used to pay alone for what all later sessions
share — importing the engine, loading and parsing the embedded notice, parsing the 1,327
embedded calls and linking them to programs (≈ 2.3 CPU-s, most of a 3–9 s first visit; README
"Performance"). :func:`lifespan` runs :func:`warm` when the server starts, before its health
check answers, so the first visitor finds those caches built. The caches are the pages' own
(:mod:`pages._caches`, :mod:`pages._dataset`): the same calls with the same keys a page makes,
so nothing here can drift from what a page would build. A failure never keeps the server from
starting: it is logged, and the first visitor builds the caches as before (and sees the error
the page shows for it).

**The map's script.** Every map page needs vis-network (≈ 470 KB); inlined, it went down the
websocket inside every map rerun of every session. :func:`routes` serves it from this server at
:data:`VIS_NETWORK_URL` (pyvis' own copy, named by its version, cacheable for good), and
:func:`vis_network_src` tells the map page to load it from there — only once the route is
registered (under ``AppTest`` or a server started another way the page inlines it, as before).
Nothing is fetched off the machine.

``app.py`` hands :func:`lifespan` and :func:`routes` to ``st.App`` (Streamlit's own start-up
hook); ``streamlit run app.py`` stays the command.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Any

from graph.mapviz import VIS_NETWORK_FILE, vis_network_js

__all__ = ["VIS_NETWORK_URL", "lifespan", "routes", "vis_network_src", "warm"]

_LOG = logging.getLogger("navigator.server")
# Absolute: the map is an iframe whose document (srcdoc) resolves URLs against the app page.
# Outside Streamlit's reserved prefixes; a deployment under server.baseUrlPath would need it
# prefixed (the app sets none).
VIS_NETWORK_URL = f"/vendor/{VIS_NETWORK_FILE}"
_served: dict[str, bool] = {"vis": False}


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


@lru_cache(maxsize=1)
def _vis_bytes() -> bytes:
    return vis_network_js().encode("utf-8")


async def _vis_network(_request: Any) -> Any:
    from starlette.responses import Response

    return Response(
        _vis_bytes(),
        media_type="text/javascript; charset=utf-8",
        # The file name carries the version: a browser may keep it for good.
        headers={"Cache-Control": "public, max-age=31536000, immutable"},
    )


def routes() -> list[Any]:
    """The server's own routes for ``st.App``: the map's script at :data:`VIS_NETWORK_URL`."""
    from starlette.routing import Route

    _served["vis"] = True
    return [Route(VIS_NETWORK_URL, _vis_network, methods=["GET"])]


def vis_network_src() -> str | None:
    """Where the map page loads vis-network from: the served URL, or None (inline it)."""
    return VIS_NETWORK_URL if _served["vis"] else None
