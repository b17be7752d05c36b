"""The one field for a whole number typed by a person.

What was typed is shown back as typed with the error; `data` is an `int` only when the text is
the digits 0-9 within the field's bounds (see `jobnet.domain.numbers`). Its messages are lazy, so
they are worded in the language of the page that shows them, not of the process that loaded the
module.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import Field
from wtforms.validators import StopValidation
from wtforms.widgets import TextInput

from jobnet.domain.numbers import parse_whole_number

NOT_A_WHOLE_NUMBER = _l("Enter a whole number with the digits 0 to 9")


class WholeNumberField(Field):
    """A whole number from `minimum` to `maximum` (either may be None).

    `required` is the sentence shown when nothing is typed (the field is then marked required);
    without it an empty field is simply None. `not_a_number` and `out_of_range` word the other
    two problems."""

    widget = TextInput()

    def __init__(
        self,
        label: Any = None,
        validators: Any = None,
        *,
        minimum: int | None = None,
        maximum: int | None = None,
        required: Any = None,
        not_a_number: Any = NOT_A_WHOLE_NUMBER,
        out_of_range: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(label, validators, **kwargs)
        self.minimum, self.maximum = minimum, maximum
        self.required_message = required
        self.not_a_number = not_a_number
        self.out_of_range = out_of_range
        if required is not None:
            self.flags.required = True
        self.typed = ""

    def process_formdata(self, valuelist: list[Any]) -> None:
        self.typed = str(valuelist[0]) if valuelist else ""
        self.data = parse_whole_number(self.typed)

    def _value(self) -> str:
        if self.raw_data:
            return str(self.raw_data[0])
        return "" if self.data is None else str(self.data)

    def pre_validate(self, form: Any) -> None:
        typed = self.typed.strip() if self.raw_data else ("" if self.data is None else "x")
        if not typed:
            self.data = None
            if self.required_message is not None:
                raise StopValidation(str(self.required_message))
            raise StopValidation()  # nothing typed in an optional field: nothing more to check
        if self.data is None:
            raise StopValidation(str(self.not_a_number))
        too_small = self.minimum is not None and self.data < self.minimum
        too_large = self.maximum is not None and self.data > self.maximum
        if too_small or too_large:
            message = self.out_of_range or _l(
                "Enter a whole number from %(minimum)s to %(maximum)s",
                minimum=self.minimum,
                maximum=self.maximum,
            )
            raise StopValidation(str(message))
