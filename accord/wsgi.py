import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "accord.settings")
application = get_wsgi_application()

# The site does not start on a framework file that does not load (accord check says the same).
from accord.frameworks.checks_startup import refuse_to_start_without_a_valid_framework  # noqa: E402

refuse_to_start_without_a_valid_framework()
