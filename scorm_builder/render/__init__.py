"""render step of the pipeline."""
