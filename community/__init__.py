"""The community side, as small Django apps whose imports point one way.

``members`` (accounts, profiles, communities, teams, the permission policy) is
at the bottom; ``challenges`` and ``events`` may import it, never the reverse;
discussions and carnets will sit on top of them.
"""
