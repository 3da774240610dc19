"""Freshness: a committed snapshot of registry facts, and the staleness rules that read it."""
