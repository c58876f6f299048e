"""Files in and out: the agenda loader, the journal and the report."""
