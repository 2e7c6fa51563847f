"""K-Startup OpenAPI: the portal's programs and calls, read without losing an item or a key.

창업진흥원 K-Startup 조회서비스 (data.go.kr 15125364) publishes the integrated notice's programs
(``getBusinessInformation01``) and the calls for applications (``getAnnouncementInformation01``).
One module per job, each importable on its own (importing this package loads none of them):

- :mod:`~loaders.kstartup.keys` — the service key: where it comes from, and scrubbing it out of
  every message, log line and stored URL;
- :mod:`~loaders.kstartup.wire` — operation names and the response envelope (JSON or XML, the
  portal gateway's error answers);
- :mod:`~loaders.kstartup.client` — the HTTP client (timeouts, bounded retries, paging);
- :mod:`~loaders.kstartup.mapping` — business items onto :class:`~loaders.model.Program`, every
  item accounted for in a :class:`~loaders.report.LoadReport`;
- :mod:`~loaders.kstartup.sync` — one refresh: fetch, map, save a dated snapshot
  (:mod:`loaders.snapshots`) and say which data is shown now.
"""
