"""runofshow: a desktop run-of-show controller for live events."""

__version__ = "0.1.0"
