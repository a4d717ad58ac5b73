"""chidao: turns Vietnamese directive documents into tracked, accountable tasks."""

__version__ = "0.1.0"
