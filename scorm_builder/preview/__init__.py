"""`scorm-builder preview`: the course in the playback LMS page, rebuilt on every save."""
