"""WSGI entry point for production servers."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")
application = get_wsgi_application()

# What is loaded now (apps, models, the URLconf and the views it imports) lives as long as the
# process. Frozen out of the garbage collector's reach, it is no longer walked by every full
# collection, which a page creating thousands of objects triggers: a third of the CPU time of
# an agency's home at ten times its data (benchmarks/README.md).
get_resolver().check()  # imports every view module before the freeze
gc.freeze()
