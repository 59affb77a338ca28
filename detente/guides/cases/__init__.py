"""One module per case study of the seeds, each defining ``CASE``."""
