"""Scrapy settings for blogarchive.

Own settings carry no Scrapy prefix and are documented in the README:
ARCHIVE_DB, EXPORTS_DIR, SOURCES_FILE, BLOGARCHIVE_CONTACT_URL.
Everything here can be overridden with ``-s NAME=value``.
"""

BOT_NAME = "blogarchive"

SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
# Spiders are made from the source registry (sources are data, not code).
SPIDER_LOADER_CLASS = "crawler.spiderloader.SourceSpiderLoader"

# --- blogarchive's own settings -------------------------------------------
ARCHIVE_DB = "archive.sqlite"  # SQLite archive, relative to the current folder
EXPORTS_DIR = "exports"  # posts.json and posts.jsonl are rewritten here after each crawl
SOURCES_FILE = None  # extra TOML registry merged over crawler/sources.toml
WARC_ENABLED = True  # keep every page data was taken from, as received, in WARC files
WARC_DIR = "archive/warc"  # one .warc.gz per crawl run; `blogarchive reparse` reads them
# Page parsing, SQLite writes and WARC compression run in child processes, beside
# the crawl's one thread; False keeps everything in the crawl's process.
BACKGROUND_PROCESSES = True
# What parses a WordPress listing page in that process (module:Class, see crawler.extract).
LISTING_READER = "crawler.extract:ListingReader"
FULL_CRAWL = False  # walk every listing page, not only up to the posts already archived
FOLLOW_ARTICLES = True  # read new and changed posts' own pages (dates, tags, text)
CONDITIONAL_REQUESTS = True  # send listing/feed pages' stored ETag/Last-Modified: unchanged -> 304
PROGRESS_ENABLED = True  # per-source progress on stderr: live lines on a terminal, else plain
PROGRESS_INTERVAL = 1.0  # seconds between redraws of the live lines on a terminal
PROGRESS_LOG_INTERVAL = 30.0  # seconds between plain lines per source off a terminal; 0: final only
BLOGARCHIVE_CONTACT_URL = "https://github.com/blogarchive/blogarchive"  # goes in the User-Agent

# --- politeness -----------------------------------------------------------
ROBOTSTXT_OBEY = True
# USER_AGENT is built from BLOGARCHIVE_CONTACT_URL by the base spider unless set.
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 2
# Listing pages of these blogs are well under 1 MB; a 20 MB page is not a listing.
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
COOKIES_ENABLED = False
# No consoles into a scheduled archiving crawl: neither the telnet one nor Scrapy's
# remote-control HTTP server, which runs posted Python code and leaves a job file per run.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

# --- pipeline: normalise -> deduplicate -> store -> export -----------------
# Outputs of one callback handled one at a time: the pipelines are synchronous, so
# more gains nothing, and Scrapy starts that many asyncio tasks for every response
# (the default 100 cost the crawl's thread more than a page's Scrapy work).
CONCURRENT_ITEMS = 1
ITEM_PIPELINES = {
    "crawler.pipelines.normalise.NormalisePipeline": 100,
    "crawler.pipelines.dedupe.DedupePipeline": 200,
    "crawler.pipelines.store.StorePipeline": 300,
    "crawler.pipelines.export.ExportPipeline": 900,
}

DOWNLOADER_MIDDLEWARES = {
    # Engine side of RedirectMiddleware (600): a redirected request passes again, a 3xx never.
    "crawler.middlewares.conditional.ConditionalRequestMiddleware": 580,
    # Just outside HttpCompressionMiddleware (590): sees bodies before they are decoded.
    "crawler.middlewares.warc.ReceivedBodyMiddleware": 595,
    # Download side of RedirectMiddleware (600): sees each 3xx before it is followed.
    "crawler.middlewares.warc.RedirectHopMiddleware": 610,
}
SPIDER_MIDDLEWARES = {
    # Next to the spider: sees each callback's output and its response.
    "crawler.middlewares.warc.WarcRecorderMiddleware": 950,
}

EXTENSIONS = {
    "crawler.extensions.archive_lock.ArchiveLockHolder": 100,
    "crawler.extensions.run_ledger.RunLedger": 500,
    "crawler.extensions.progress.Progress": 510,
}

LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
