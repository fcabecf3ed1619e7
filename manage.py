#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    # Commands (migrations, reindexing, the tasks worker) may run long
    # statements: no statement timeout unless one is asked for them.
    if not os.environ.get("DATABASE_STATEMENT_TIMEOUT"):
        os.environ["DATABASE_STATEMENT_TIMEOUT"] = "0"

    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
