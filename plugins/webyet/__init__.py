"""webyet: a knowledge-site generator core (no MkDocs imports here) and its MkDocs plugins."""

__version__ = "0.1.0"
