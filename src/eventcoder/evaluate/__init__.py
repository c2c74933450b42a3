"""Evaluation against gold-standard corpora: one reader per format, shared metrics."""
