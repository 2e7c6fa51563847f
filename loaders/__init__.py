"""Ingestion: every source (notice spreadsheet, K-Startup API, embedded data) onto one record.

The bottom layer: no Streamlit, nothing from ``graph/``, ``navigator/`` or ``pages/``.
:class:`loaders.model.Program` is the one record; :class:`loaders.report.LoadReport` accounts
for every input row; vocabularies (regions, support types, header variants, taxonomy) are data
modules here so every layer reads the same words. Submodules are imported on use, so importing
one part does not load the others (``loaders.kstartup`` alone pulls in ``requests``).
"""

__all__: list[str] = []
