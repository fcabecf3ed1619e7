"""Send anonymous visitors refused with 403 to the login page instead; read
the policy's shared state once per reading request.

The policy answers 403 when someone may know an object exists; an anonymous
visitor is then better served by logging in, after which they come back.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from . import policy


class LoginForForbiddenMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if (
            isinstance(exception, PermissionDenied)
            and not request.user.is_authenticated
        ):
            return redirect_to_login(request.get_full_path())
        return None


class PolicySnapshotMiddleware:
    """A page that lists many related objects asks the policy several times
    (the page itself, its édition, its related pages, a filter's choices):
    a reading request (GET/HEAD) reads the shared view restrictions once, in
    one ``policy.snapshot()``. Writing requests read them afresh each time."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        with policy.snapshot():
            return self.get_response(request)
