"""Platform spiders. Per-source spiders are derived from the registry by
:mod:`crawler.spiderloader`; this package holds only the platform bases."""
