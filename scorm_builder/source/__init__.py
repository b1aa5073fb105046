"""source step of the pipeline."""
