"""Views of the events app: the programme and registration (``programme``),
iCal exports (``calendars``), « mon programme » (``account``), proposals
(``proposals``) and the selection committee (``committee``)."""
