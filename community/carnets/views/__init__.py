"""The carnets' views. The carnet hangs from a team (a Django view of the
members app), not from a Wagtail page: its URLs live in ``urls.py`` under
``/communaute/equipes/<équipe>/carnet/`` and ``/communaute/carnets/``; every
refusal goes through ``policy.ensure``."""
