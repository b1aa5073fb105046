"""Theme search path, as MkDocs' custom_dir and Pelican's `!simple` prefix do it:
the course's `theme_overrides/` first, then `themes/<name>/`, then `themes/default/`;
`default/<template>` always names the default theme's original, so an override can extend it."""
from __future__ import annotations

import re
from pathlib import Path

import jinja2

from scorm_builder.i18n import t
from scorm_builder.resources import THEMES_DIR


def search_path(course_root: Path, theme: str) -> list[Path]:
    dirs = [course_root / "theme_overrides", THEMES_DIR / theme, THEMES_DIR / "default"]
    return [d for d in dict.fromkeys(dirs) if d.is_dir()]


def environment(course_root: Path, theme: str) -> jinja2.Environment:
    loaders = [jinja2.FileSystemLoader(str(d)) for d in search_path(course_root, theme)]
    loaders.append(jinja2.PrefixLoader({"default": jinja2.FileSystemLoader(str(THEMES_DIR / "default"))}))
    return jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), autoescape=True,
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def find_file(course_root: Path, theme: str, name: str) -> Path:
    """A theme file (like theme.css) from the first folder on the search path that has it."""
    for d in search_path(course_root, theme):
        if (d / name).is_file():
            return d / name
    raise FileNotFoundError(name)


# Jinja's StrictUndefined messages (English) -> catalogue key; the captures are the names involved.
UNDEFINED = [
    (r"'(?P<name>[^']+)' is undefined", "theme.undefined"),
    (r"'(?P<owner>[^']+)' has no attribute '(?P<name>[^']+)'", "theme.no_attribute"),
]


def template_problem(error: jinja2.TemplateError) -> str:
    """What went wrong in a template, in the interface language when it is a name the template
    uses but the context lacks (the usual mistake in an override); else Jinja's own words."""
    for pattern, key in UNDEFINED:
        match = re.fullmatch(pattern, str(error))
        if match:
            return t(key, **match.groupdict())
    return str(error)
