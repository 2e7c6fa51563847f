"""Streamlit entry point: ``streamlit run app.py``.

Each session runs this file as its script (``__name__ == "__main__"``): navigation only — the
page list, the page config and the router are in :mod:`pages._router`, and each page lives in
pages/ and holds layout, no logic. The app opens on the embedded dataset and needs no set-up
and no internet.

Served, this file is also imported once as a module: ``streamlit run`` finds the ``st.App``
below and serves it (Streamlit ≥ 1.67). Its lifespan builds the caches every visitor shares
when the server starts, and its one extra route serves the policy map's script once instead of
inside every map (:mod:`pages._server`).
"""

import streamlit as st

if __name__ == "__main__":
    from pages._router import run

    run()
else:
    from pages._server import lifespan, routes

    app = st.App("app.py", lifespan=lifespan, routes=routes())
