"""Pure parsing: text or HTML in, data out.

Nothing in this package imports Scrapy or touches the database, so every
function can be tested directly and can re-parse archived pages.
"""
