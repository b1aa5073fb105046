"""The work behind each CLI command: option values in, user-facing output out."""
