"""model step of the pipeline."""
