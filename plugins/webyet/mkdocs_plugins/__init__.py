"""Thin MkDocs adapters over the webyet core; the only modules that import MkDocs."""
