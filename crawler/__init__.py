"""blogarchive: crawl healthcare leadership blogs into a queryable SQLite archive."""

__version__ = "0.1.0"
