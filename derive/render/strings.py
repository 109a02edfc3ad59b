"""The words of the templates, in each language: templates/strings/<lang>.json.

A missing translation is an error, never a silent fallback to English: every language must
have exactly the keys English has, and asking for a key that does not exist names the key
and the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path

from derive.model import InputError, Text

REFERENCE = "en"  # the language every other one is compared with


class Strings(Mapping[str, str]):
    """The strings of one language; `t.key` and `t["key"]` in templates."""

    def __init__(self, lang: str, words: dict[str, str], path: Path):
        self.lang, self._words, self.path = lang, words, path

    def __getitem__(self, key: str) -> str:
        try:
            return self._words[key]
        except KeyError:
            raise InputError(f"missing translation: {self.path} has no string {key!r}") from None

    def __getattr__(self, key: str) -> str:
        if key.startswith("_"):
            raise AttributeError(key)
        return self[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


def _find(lang: str, folders: list[Path]) -> Path:
    for folder in folders:
        path = folder / "strings" / f"{lang}.json"
        if path.is_file():
            return path
    raise InputError(f"missing translation: no templates/strings/{lang}.json")


def _read(path: Path) -> dict[str, str]:
    try:
        words = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise InputError(f"{path}:{error.lineno}: not valid JSON: {error.msg}") from error
    if not isinstance(words, dict) or not all(isinstance(v, str) for v in words.values()):
        raise InputError(f"{path}: must be one JSON object of strings")
    return words


def load(lang: str, folders: list[Path]) -> Strings:
    """The strings of `lang`, checked to have every key the reference language has."""
    path = _find(lang, folders)
    words = _read(path)
    if lang != REFERENCE:
        reference = _find(REFERENCE, folders)
        missing = sorted(set(_read(reference)) - set(words))
        if missing:
            raise InputError(
                f"missing translation: {path} has no string for {', '.join(map(repr, missing))} "
                f"(which {reference} has)"
            )
    return Strings(lang, words, path)


def translated(text: Text, lang: str, what: str) -> str:
    """One language of a Text; an error when the other language has words and this one has none."""
    words = text[lang]
    if not words.strip() and (text.en.strip() or text.zh.strip()):
        raise InputError(f"missing translation: {what} has no {lang} text")
    return words
