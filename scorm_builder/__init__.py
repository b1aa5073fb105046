"""scorm-builder: Markdown course sources to SCORM 1.2 packages, and headless playback of them."""

__version__ = "0.1.0"
