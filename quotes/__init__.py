"""quotes: find attributed statements in Arabic news, say who said them, store them in SQLite."""

__version__ = "0.1.0"
