"""Bringing a team's Trello board into the document library.

An editor uploads the board's JSON export (``home.trello`` reads it) and
picks a collection; the preview says, card by card, what will be created,
updated or skipped; on confirmation the tasks worker imports the cards (each
becomes a document: a text sheet with its description, checklists and links,
its labels as thèmes or tags), and the progress page follows it. Importing
the same board again updates its documents (matched by card id), never
copies them. Views in ``views.py``, the plan in ``plan.py``, the worker's
task in ``tasks.py``.
"""
