"""What the members app tells members: the event types it publishes through
``home.notices.publish`` (the notifications app, above this one, registers
their labels and defaults, and decides who hears of them and how).

Invitations are not among them: they go to an address that may have no
account yet, with a secret link, straight through the mail sender.
"""

REQUEST_RECEIVED = "members.request_received"
REQUEST_DECIDED = "members.request_decided"
TEAM_REQUEST_RECEIVED = "members.team_request_received"
TEAM_REQUEST_DECIDED = "members.team_request_decided"
TEAM_EMPTY = "members.team_empty"
