"""The command line in the interface language: click's own words and our --help texts.

click marks its sentences for gettext (`_()`, `ngettext()`, bound when click is imported); with no
.mo files they stay English. We route those calls to the catalogues instead, keyed
`click.<click's English text>`, so "No such option" reads "Flaggan finns inte" for a Swedish
author. Help texts live in the catalogues too, keyed by command and parameter name
(`help.<command>.<param>`), and argument names by `metavar.<param>`.

The language must be known before click parses anything (a usage error or --help happens before
any callback runs), so `LocalizedGroup.main` finds `--lang` in the arguments first, wherever it is.
"""
from __future__ import annotations

import gettext
import sys

import click

from scorm_builder import i18n

LANGUAGES = ("sv", "en")


def _text(key: str, fallback: str) -> str:
    """The raw catalogue text (placeholders left for click to fill), or click's English."""
    return i18n.catalogue(i18n.current_lang()).get(key, fallback)


def click_gettext(message: str) -> str:
    return _text("click." + message, message)


def click_ngettext(singular: str, plural: str, n: int) -> str:
    return click_gettext(singular if n == 1 else plural)


def route_click_messages() -> None:
    """Point every loaded click module's `_`/`ngettext` at the catalogues."""
    for name, module in list(sys.modules.items()):
        if name == "click" or name.startswith("click."):
            if getattr(module, "_", None) is gettext.gettext:
                module._ = click_gettext
            if getattr(module, "ngettext", None) is gettext.ngettext:
                module.ngettext = click_ngettext


def find_lang(args: list[str]) -> str | None:
    """The value of the last `--lang X` / `--lang=X` before `--`, wherever it stands."""
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith("--lang="):
            found = arg.split("=", 1)[1]
    return found if found in LANGUAGES else None


def lang_option() -> click.Option:
    """`--lang` for a subcommand, so it also works after the command name; main() has used it."""
    return click.Option(["--lang"], type=click.Choice(LANGUAGES), expose_value=False, help="")


def translate_help(group: click.Group) -> None:
    """Fill help texts and argument names from the catalogue of the current language. A text the
    catalogue lacks stays as declared (English), so a new option is never without help."""
    for name, command in [("main", group), *group.commands.items()]:
        command.help = _text(f"help.{name}", _declared(command, "help"))
        command.short_help = None
        command.options_metavar = _text("metavar.options", "[OPTIONS]")
        if isinstance(command, click.Group):
            command.subcommand_metavar = _text("metavar.subcommand", "COMMAND [ARGS]...")
        for param in command.params:
            if isinstance(param, click.Argument):
                word = _text(f"metavar.{param.name}", param.name.upper())
                param.metavar = (word if param.required else f"[{word}]") + ("..." if param.nargs != 1 else "")
                continue
            if i18n.has(f"metavar.{param.name}"):
                param.metavar = _text(f"metavar.{param.name}", "")
            if "--lang" in param.opts and name != "new":
                param.help = _text("help.lang", _declared(param, "help"))
            elif param.help is not None:
                declared = _declared(param, "help")
                param.help = _text(f"help.{name}.{param.name}", click_gettext(declared))


def _declared(thing, attribute: str) -> str:
    """The text as cli.py declared it, kept before the first translation overwrites it."""
    kept = thing.__dict__.setdefault("_declared", {})
    return kept.setdefault(attribute, getattr(thing, attribute) or "")


class LocalizedGroup(click.Group):
    """A group whose usage errors and help come out in the interface language."""

    def main(self, args=None, *rest, **kwargs):
        args = list(sys.argv[1:] if args is None else args)
        i18n.use(find_lang(args))
        route_click_messages()
        for command in self.commands.values():
            if not any("--lang" in p.opts for p in command.params if isinstance(p, click.Option)):
                command.params.append(lang_option())
        translate_help(self)
        return super().main(args, *rest, **kwargs)
