"""The community side, as small Django apps whose imports point one way.

``members`` (accounts, profiles, communities, teams, the permission policy) is
at the bottom; ``events`` imports it, ``challenges`` both (a défi names its
édition and site), never the reverse; discussions and carnets will sit on top
of them. The layers are checked by ``lint-imports`` (``pyproject.toml``).
"""
