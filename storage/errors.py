"""The one small hierarchy of named errors for broken input and broken archives.

Expected outcomes (no article text, a 404) are values; these are for input or state
that cannot be processed. The CLI, the pipeline and Prefect tasks translate them
into one-line messages at the boundary.
"""


class PresswatchError(Exception):
    """Base of every error Presswatch raises on purpose.

    ``message`` may be a gettext message with ``%(name)s`` placeholders filled from ``values``:
    ``str()`` is the English text; a boundary that speaks the reader's language translates
    ``template`` and fills it with ``values`` (the review app does)."""

    def __init__(self, message: str = "", **values):
        self.template, self.values = message, values
        super().__init__(message % values if values else message)


class ArchiveError(PresswatchError):
    """The archive cannot be opened, read or written."""


class ArchiveLocked(ArchiveError):
    """Another process holds the write lock longer than the busy timeout."""


class ArchiveReadOnly(ArchiveError):
    """The archive file or its directory is not writable."""


class ArchiveCorrupt(ArchiveError):
    """The file is not a SQLite database or fails its integrity check."""


class MigrationError(ArchiveError):
    """The archive's schema is newer than this code or a migration failed."""


class QueryRefused(PresswatchError):
    """A query given to ``export --query`` is not a single read-only statement."""


class ConfigError(PresswatchError):
    """A configuration file (sources.yaml, settings) is malformed."""


class FetchError(PresswatchError):
    """A source could not be fetched or parsed (recorded on the source)."""


class ExtractionError(PresswatchError):
    """A page could not be turned into an article for a reason worth recording."""


class TaggingError(PresswatchError):
    """An article could not be analysed (recorded on the article, not retried)."""


class Interrupted(PresswatchError):
    """The process was asked to stop (SIGTERM, SIGHUP, SIGINT) while a run was going on; the
    run is recorded ``interrupted`` and its pending work resumes at the next run."""

    def __init__(self, signum: int, results: dict | None = None):
        super().__init__(f"stopped by signal {signum}")
        self.signum = signum
        self.results = results or {}


class ReviewError(PresswatchError):
    """A review action is not allowed in the current state."""


class ConflictError(ReviewError):
    """Someone else changed the item since it was loaded."""

    def __init__(self, message: str, current: dict | None = None, **values):
        super().__init__(message, **values)
        self.current = current or {}


class ModelError(PresswatchError):
    """The trained detector is missing or unreadable; the message says how to rebuild it."""
