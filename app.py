"""Streamlit entry point: navigation only. Each page lives in pages/ and holds layout, no logic.

Run with ``streamlit run app.py``; it opens on the embedded dataset, needs no set-up and no
internet (the policy map inlines vis.js). The page list, the page config and the router are
in :mod:`pages._router`.
"""

from pages._router import run

run()
