"""Form widgets shared by the apps."""

from dataclasses import dataclass

from django import forms

from ctassist.languages import InLanguage, data_language, text_direction


@dataclass(frozen=True)
class OptionLabel:
    """An option's label with the language it is in. Not a tuple: Django reads a tuple label
    as a group of options."""

    text: str
    language: str

    @classmethod
    def of(cls, shown: InLanguage) -> "OptionLabel":
        return cls(shown.text, shown.language)

    def __str__(self) -> str:
        return self.text


class LanguageMarkedSelect(forms.Select):
    """A select whose option labels may be `OptionLabel`s: an option in another language than
    the page's (a name that falls back to English) carries its own lang and dir."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        language = label.language if isinstance(label, OptionLabel) else None
        option = super().create_option(name, value, str(label), selected, index, subindex, attrs)
        if language and language != data_language():
            option["attrs"] = {**option["attrs"], "lang": language, "dir": text_direction(language)}
        return option
