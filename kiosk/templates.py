"""Document templates kept as UTF-8 text in ``resources/templates``.

A template names its blanks as ``${name}`` (``string.Template``). Rendering
demands a value for every blank and refuses values for blanks the template
does not have, so a renamed placeholder fails loudly instead of leaving a
contract with an empty line or silently dropping a field. ``$$`` is a literal $.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk.errors import ValidationError
from kiosk.resources import RESOURCES_DIR

TEMPLATES_DIR = RESOURCES_DIR / "templates"


@dataclass(frozen=True)
class DocumentTemplate:
    name: str
    text: str

    @property
    def placeholders(self) -> frozenset[str]:
        return frozenset(string.Template(self.text).get_identifiers())

    def render(self, values: Mapping[str, str]) -> str:
        wanted = self.placeholders
        missing = sorted(wanted - set(values))
        if missing:
            raise ValidationError(f"template {self.name}: no value for {', '.join(missing)}",
                                  field=missing[0], code="template_missing_value",
                                  hint="give every placeholder a value (an empty string if it is blank)")
        unknown = sorted(set(values) - wanted)
        if unknown:
            raise ValidationError(f"template {self.name} has no placeholder {', '.join(unknown)}",
                                  field=unknown[0], code="template_unknown_value",
                                  hint="check the placeholder names against the template file")
        return string.Template(self.text).substitute(values)


def load_template(name: str, directory: Path | None = None) -> DocumentTemplate:
    """The template ``<name>.txt``; a clear error when it is missing or malformed."""
    path = (directory or TEMPLATES_DIR) / f"{name}.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValidationError(f"document template {path} is missing", field="template",
                              code="template_missing",
                              hint="reinstall the kiosk; templates ship in resources/templates") from None
    if not string.Template(text).is_valid():
        raise ValidationError(f"document template {path} has a malformed placeholder "
                              "(write ${name}, or $$ for a dollar sign)",
                              field="template", code="template_syntax")
    return DocumentTemplate(name=name, text=text)
