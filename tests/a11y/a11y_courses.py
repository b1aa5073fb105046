"""Courses for the accessibility tests: the sample course in another theme, and a small course with
one question of every type, as knowledge checks and in a test that draws them all (the types that
are never scored, likert and reflection, as a course evaluation in the lesson only), plus a page of
every content block that has parts to operate or read (tabs, accordion, glossary, …)."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from support import SAMPLE_COURSE, write_course

COURSE_YML = """\
id: alla-typer
title: Alla frågetyper
version: "1.0"
theme: THEME
glossary:
  lex Sarah: Skyldigheten att rapportera missförhållanden i vård och omsorg.
  skyddat boende: Ett boende med hemlig adress för den som behöver skydd.
lessons:
  - 01-kontroller
  - slutprov
  - 02-block
  - ordlista
"""
BLOCKS_LESSON = """\
---
title: Block
---
# Block av alla slag

Den som ser ett missförhållande rapporterar enligt [[lex Sarah]]. Ibland behövs [[ett skyddat boende|skyddat boende]].
Läs mer hos [Socialstyrelsen](https://www.socialstyrelsen.se/).

::: flikar Roller
## Chef
Chefen ser till att rutinen är känd.

## Medarbetare
Medarbetaren frågar och dokumenterar.

## Legitimerad personal
Dokumenterar skador.
:::

::: dragspel ett
## Vad är våld?
Våld kan vara fysiskt, psykiskt eller ekonomiskt.

## Vem kan utsättas?
Alla, oavsett ålder.
:::

::: steg Så gör du
## Fråga
Fråga direkt och i enrum.

## Dokumentera
Skriv ner vad personen berättar.
:::

::: tidslinje
## 1998
Kvinnofridsreformen.

## 2021
Ny lag om barnfridsbrott.
:::

::: figur
![En rund symbol i kommunens blå färg](../assets/symbol.svg)
Symbolen används i kommunens material om våld.
källa: Östersunds kommun
:::

::: citat Anna, undersköterska | Intervju 2024
Jag vågade fråga, och hon berättade.
:::
"""
GLOSSARY_LESSON = """\
---
title: Ordlista
---
# Ordlista

::: ordlista
:::
"""
SYMBOL = ('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40">'
          '<circle cx="20" cy="20" r="18" fill="#00577d"/></svg>\n')
CHECKS_LESSON = """\
---
title: Kunskapskontroller
---
# Frågor av alla slag

Källa: [World Health Organization: Violence against women](https://www.who.int/){: lang=en }

"""
TEST_LESSON = """\
---
title: Slutprov
type: test
pass_mark: 80
---
Svara på alla frågor.

"""
QUESTIONS = """\
::: fråga enval {{#{p}-enval}}
Vilket nummer har Kvinnofridslinjen?

- [x] 020-50 50 50
- [ ] 116 006
  > Nej, det är Brottsofferjouren.

rätt: Ja.
fel: Inte riktigt.
förklaring: Kvinnofridslinjen är öppen dygnet runt.
:::

::: fråga flerval {{#{p}-flerval}}
Vilka är former av våld?

- [x] latent våld
- [x] ekonomiskt våld
- [ ] en vanlig meningsskiljaktighet
:::

::: fråga santfalskt {{#{p}-santfalskt}}
Hedersförtryck är ett eget brott.

svar: sant
:::

::: fråga fritext {{#{p}-fritext}}
Hur många år fyller man när man blir myndig?

svar: arton | 18
:::

::: fråga para {{#{p}-para}}
Para ihop formen med ett exempel.

- Fysiskt våld = stryptag
- Ekonomiskt våld = lån i den utsattas namn
- Digitalt våld = kontointrång
:::

::: fråga ordning {{#{p}-ordning}}
Sätt stegen i ordning.

1. Polisen håller förhör.
2. Åklagaren beslutar om åtal.
3. Målet prövas i tingsrätten.
:::
"""
EVALUATION = """
::: fråga skala {#kontroll-skala}
Kursen var till nytta i mitt arbete.
:::

::: fråga reflektion {#kontroll-reflektion}
Vad tar du med dig från kursen?
:::
"""


def sample_in_theme(dest: Path, theme: str) -> Path:
    """A copy of the sample course whose course.yml names `theme`."""
    course = dest / SAMPLE_COURSE.name
    shutil.copytree(SAMPLE_COURSE, course)
    yml = course / "course.yml"
    text, count = re.subn(r"(?m)^theme: .*$", f"theme: {theme}", yml.read_text(encoding="utf-8"))
    assert count == 1
    yml.write_text(text, encoding="utf-8")
    return course


def every_type_course(dest: Path, theme: str) -> Path:
    return write_course(dest, {"course.yml": COURSE_YML.replace("THEME", theme),
                               "lessons/01-kontroller.md": CHECKS_LESSON + QUESTIONS.format(p="kontroll") + EVALUATION,
                               "lessons/02-block.md": BLOCKS_LESSON, "lessons/ordlista.md": GLOSSARY_LESSON,
                               "assets/symbol.svg": SYMBOL,
                               "lessons/slutprov.md": TEST_LESSON + QUESTIONS.format(p="prov")})
