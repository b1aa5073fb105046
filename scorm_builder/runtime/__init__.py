"""runtime step of the pipeline."""
