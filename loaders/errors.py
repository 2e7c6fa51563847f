"""One small exception family whose messages a person can act on.

The CLI maps these to exit codes and the UI shows their message with ``st.error``; neither ever
shows a traceback. Messages are Korean first with the English gist, and always name the file,
sheet, row, column or field involved.
"""

from __future__ import annotations

__all__ = ["LoadError", "NavigatorError", "ProfileError", "SyncError"]


class NavigatorError(Exception):
    """Base of every error a user may see; ``str(err)`` is the message to show."""

    exit_code = 2


class LoadError(NavigatorError):
    """A file cannot be read or holds no recognisable program table."""

    def __init__(self, message: str, *, file: str = "", sheet: str = "") -> None:
        super().__init__(message)
        self.file = file
        self.sheet = sheet


class ProfileError(NavigatorError):
    """A firm profile has a bad value; ``field`` names it so forms can highlight it."""

    def __init__(self, message: str, *, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class SyncError(NavigatorError):
    """The K-Startup API could not be read; the message never contains the service key."""
