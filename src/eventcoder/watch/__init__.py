"""Follow the news as it is published: feeds, sitemaps and folders, read pass after pass into the store.

:func:`eventcoder.watch.run.follow` runs ``eventcoder watch``: a pass of
:func:`~eventcoder.watch.run.run_pass` every few minutes. The sources and their items are read in
:mod:`~eventcoder.watch.sources`, fetched politely by :mod:`~eventcoder.watch.fetch` (as
:class:`~eventcoder.watch.settings.Politeness` says), and what has been seen is kept in the store
by :mod:`~eventcoder.watch.state`. Needs the ``watch`` extra (feedparser, httpx); nothing is
imported here, so the settings are read without it.
"""
