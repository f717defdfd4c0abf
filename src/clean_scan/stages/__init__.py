"""One module per stage. Each exposes ``STAGE``; the order lives in
``clean_scan.pipeline``."""
