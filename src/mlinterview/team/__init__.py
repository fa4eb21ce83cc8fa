"""Team mode: accounts, cohorts and coaching, and judge jobs on Celery workers.

Everything here is core: the web app's team routes and the ``users``/``cohorts``/``worker``
commands call it through the Workspace, like the single-user features.
"""
