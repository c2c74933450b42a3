"""Toponyms."""

def find_places(article):
    return article
