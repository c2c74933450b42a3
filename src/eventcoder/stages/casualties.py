"""Casualty mentions (in progress)."""
from eventcoder.article import Article


def find_casualties(article: Article) -> Article:
    return article
