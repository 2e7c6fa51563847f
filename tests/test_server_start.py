"""Server start: the shared caches are built before the first visitor (pages/_server.py)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import streamlit as st

import loaders.announcements as ann
import pages._server as warm_module
from pages._caches import active_calls, search_index
from pages._dataset import active_dataset

ROOT = Path(__file__).resolve().parent.parent


def test_streamlit_run_serves_the_app_with_the_warm_up() -> None:
    # What `streamlit run app.py` checks (without running the file) before it serves st.App.
    from streamlit.web.server.app_discovery import discover_asgi_app

    found = discover_asgi_app(ROOT / "app.py")
    assert found.is_asgi_app and found.app_name == "app"


def test_warm_builds_what_the_first_page_would_build(monkeypatch) -> None:
    st.cache_data.clear()
    st.cache_resource.clear()
    loads: list[int] = []
    real = ann.load_active_announcements

    def counted(*args, **kwargs):
        loads.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(ann, "load_active_announcements", counted)
    assert warm_module.warm() >= 0
    assert loads == [1]
    ds = active_dataset()  # a page's calls, after the warm-up: cache hits, no second load
    assert len(active_calls(ds).announcements) == 1327
    assert search_index(ds) is search_index(ds)
    assert loads == [1]


def test_a_failed_warm_up_never_keeps_the_server_from_starting(monkeypatch) -> None:
    def broken() -> float:
        raise OSError("disk gone")

    monkeypatch.setattr(warm_module, "warm", broken)
    started: list[bool] = []

    async def start() -> None:
        async with warm_module.lifespan(None):
            started.append(True)

    asyncio.run(start())
    assert started == [True]


def test_the_map_loads_its_script_from_the_server_once_the_route_is_registered(
    monkeypatch,
) -> None:
    monkeypatch.setitem(warm_module._served, "vis", False)
    assert warm_module.vis_network_src() is None  # AppTest, or another way of starting: inline
    (route,) = warm_module.routes()
    assert route.path == warm_module.VIS_NETWORK_URL == "/vendor/vis-network-9.1.2.min.js"
    assert warm_module.vis_network_src() == warm_module.VIS_NETWORK_URL
    response = asyncio.run(route.endpoint(None))
    assert response.media_type.startswith("text/javascript")
    assert "immutable" in response.headers["cache-control"]
    assert b"vis-network" in response.body and len(response.body) > 400_000
