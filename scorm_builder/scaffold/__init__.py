"""Course skeletons for `scorm-builder new`: one folder per language (sv/, en/), copied as is
except for `{course_id}` and `{course_title}` in course.yml."""
