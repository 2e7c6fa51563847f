"""Notice spreadsheets (.xlsx / .csv) to program records, one job per module.

Layouts vary by year and publisher: title rows above the table, two-row merged headers,
ministry names given only on the first row of a merged group, subtotal and footnote rows, CSVs
saved by Korean Excel in CP949.

- :mod:`~loaders.spreadsheet.grids` — file bytes to cell grids (by content, not extension);
- :mod:`~loaders.spreadsheet.header` — find the header, map columns to record fields;
- :mod:`~loaders.spreadsheet.records` — rows to records, every row accounted for;
- :mod:`~loaders.spreadsheet.load` — :func:`~loaders.spreadsheet.load.load_bytes` and
  :func:`~loaders.spreadsheet.load.load_path`, the entry points for one file.
"""
