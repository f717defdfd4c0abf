"""Cleaning whole collections: ``clean-scan batch``.

* ``discover``: input files, and their safe output paths;
* ``work``: the per-file work (``runner.clean_file``, as the single-file
  command does it) and the resume check;
* ``engines``: a local process pool, or a Dask cluster;
* ``run``: the batch from start to summary; ``summary``: JSON, CSV, HTML;
* ``progress``: the bar or log lines on standard error.
"""
