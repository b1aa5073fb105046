"""One slug for every id made from a name or a text: lesson ids, question ids, course ids, and the
same letter folding for package paths. Nordic letters that Unicode does not decompose (ø, æ, ß)
fold to their ASCII base instead of disappearing."""
from __future__ import annotations

from pathlib import Path

from scorm_builder.commands.new import course_id_for
from scorm_builder.source.files import safe_uri, slug
from scorm_builder.source.quiz import slugify


def test_nordic_letters_fold_to_their_base():
    assert slug("Søknad om bistånd") == "soknad-om-bistand"
    assert slug("Ærlig Straße") == "aerlig-strasse"
    assert slug("Ärende Öst Åre") == "arende-ost-are"
    assert slug("Café naïve") == "cafe-naive"


def test_decomposed_input_folds_like_composed():
    assert slug("o\u0308ga") == slug("öga") == "oga"


def test_only_letters_digits_and_single_dashes():
    assert slug("  01_intro.v2 -- Del  1 ") == "01-intro-v2-del-1"
    assert slug("???") == ""


def test_question_ids_and_course_ids_use_the_same_slug():
    assert slugify("Søknad?") == "soknad"
    assert course_id_for(Path("Søknad_kurs"), "sv") == "soknad-kurs"


def test_package_paths_keep_nordic_letters_base():
    assert safe_uri("Bilder/Søknad Ø.PNG") == "Bilder/Soknad-O.PNG"
