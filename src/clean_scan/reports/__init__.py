"""Reports rendered from a cleaning result: JSON for machines and restore,
HTML for people."""
