"""Command-line layer of Startup Support Navigator: thin wrappers over loaders/ and graph/."""

__all__: list[str] = []
