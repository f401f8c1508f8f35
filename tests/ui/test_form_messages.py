"""GOV.UK error messages on a form: a file field's length limit is its file name's (issue 19: the
upload page said "Upload a file must be 200 characters or fewer")."""

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile

from accord.kernel.ui.forms import GovukForm


class Upload(GovukForm):
    file = forms.FileField(label="Upload a file", max_length=200)
    title = forms.CharField(label="Title", max_length=20)


def test_a_file_names_length_is_said_as_the_file_names_and_a_texts_as_its_own():
    form = Upload(data={"title": "x" * 21}, files={"file": SimpleUploadedFile("a" * 201 + ".pdf", b"%PDF")})
    assert not form.is_valid()
    assert form.errors["file"] == ["The selected file's name must be 200 characters or fewer"]
    assert form.errors["title"] == ["Title must be 20 characters or fewer"]
