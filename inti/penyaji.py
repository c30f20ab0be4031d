"""A form renderer that writes Django's plain `<input>` widgets (text, number, hidden,
checkbox…) directly, the same markup their templates give, and leaves every other template
to Django.

A table of formset rows renders hundreds of inputs, and a template render per input was
most of such a page's time (issue 13: the SDM and sarana tables). Handed to a formset with
`renderer=PENYAJI_RINGAN`; a single form gains nothing from it.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

# Django's widget templates that are nothing but `django/forms/widgets/input.html`.
MASUKAN = frozenset(
    f"django/forms/widgets/{jenis}.html"
    for jenis in ("text", "number", "email", "url", "password", "hidden", "checkbox", "date", "search", "tel")
)


def masukan(widget: dict) -> SafeString:
    """`input.html` and `attrs.html` of Django: the value if there is one, an attribute
    True as its bare name, one False left out."""
    bagian = [format_html('<input type="{}" name="{}"', widget["type"], widget["name"])]
    if widget["value"] is not None:
        bagian.append(format_html(' value="{}"', widget["value"]))
    for nama, nilai in widget["attrs"].items():
        if nilai is True:
            bagian.append(format_html(" {}", nama))
        elif nilai is not False:
            bagian.append(format_html(' {}="{}"', nama, nilai))
    return mark_safe("".join(bagian) + ">")


class PenyajiRingan(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name in MASUKAN:
            return masukan(context["widget"])
        return super().render(template_name, context, request)


PENYAJI_RINGAN = PenyajiRingan()
