"""HTML renderers: every value that came from front matter is escaped here."""
