"""The one mail sender (home/mail.py): rendered at once, sent through the
tasks queue after commit, plain text unescaped and HTML escaped."""

import smtplib

from django.core import mail
from django.db import transaction

import pytest

from home import tasks
from home.mail import send_templated_mail

pytestmark = pytest.mark.django_db

TITLE = "L'innovation & nous"
SCRIPT = "<script>alert('x')</script>"


@pytest.fixture
def mail_templates(template_strings):
    template_strings.update(
        {
            "essai/email/note_subject.txt": ("Proposition reçue :\n « {{ title }} »\n"),
            "essai/email/note_message.txt": "Bonjour {{ name }},\n{{ title }} — {{ code }}",
            "essai/email/page_subject.txt": "{{ title }}",
            "essai/email/page_message.txt": "Texte : {{ code }}",
            "essai/email/page_message.html": "<p>{{ title }}</p><div>{{ code }}</div>",
        }
    )
    return template_strings


def context():
    return {"title": TITLE, "name": "Ana & Léo", "code": SCRIPT}


class TestRendering:
    def test_subject_and_text_body_are_not_html_escaped(
        self, mail_templates, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            send_templated_mail("essai/email/note", ["a@example.org"], context())
        (message,) = mail.outbox
        assert message.subject.endswith(f"Proposition reçue : « {TITLE} »")
        assert message.subject.startswith("[")  # the site's name
        assert "\n" not in message.subject
        assert message.body == f"Bonjour Ana & Léo,\n{TITLE} — {SCRIPT}"
        assert "&amp;" not in message.body and "&#x27;" not in message.body
        assert message.alternatives == []

    def test_the_html_body_stays_escaped(
        self, mail_templates, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            send_templated_mail("essai/email/page", ["a@example.org"], context())
        (message,) = mail.outbox
        assert message.subject.endswith(TITLE)
        assert message.body == f"Texte : {SCRIPT}"
        ((html, mimetype),) = message.alternatives
        assert mimetype == "text/html"
        assert "<script>" not in html
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
        assert "<p>L&#x27;innovation &amp; nous</p>" in html


class TestQueue:
    def test_nothing_is_sent_before_the_commit(
        self, mail_templates, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            queued = send_templated_mail(
                "essai/email/note", ["a@example.org"], context()
            )
        assert queued == 1
        assert mail.outbox == []
        assert len(callbacks) == 1
        callbacks[0]()
        assert [m.to for m in mail.outbox] == [["a@example.org"]]

    def test_a_rolled_back_change_sends_nothing(
        self, mail_templates, django_capture_on_commit_callbacks
    ):
        with (
            django_capture_on_commit_callbacks(execute=True),
            pytest.raises(RuntimeError),
            transaction.atomic(),
        ):
            send_templated_mail("essai/email/note", ["a@example.org"], context())
            raise RuntimeError("annulé")
        assert mail.outbox == []

    def test_one_message_per_recipient_each_sees_only_their_address(
        self, mail_templates, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            queued = send_templated_mail(
                "essai/email/note",
                ["a@example.org", "b@example.org", "", "a@example.org"],
                context(),
            )
        assert queued == 2
        assert sorted(m.to[0] for m in mail.outbox) == [
            "a@example.org",
            "b@example.org",
        ]
        assert all(len(m.to) == 1 for m in mail.outbox)

    def test_it_goes_through_the_tasks_queue(
        self, mail_templates, django_capture_on_commit_callbacks
    ):
        from django_tasks.signals import task_enqueued

        enqueued = []

        def record(sender, task_result, **kwargs):
            enqueued.append(task_result)

        task_enqueued.connect(record)
        try:
            with django_capture_on_commit_callbacks(execute=True):
                send_templated_mail("essai/email/note", ["a@example.org"], context())
        finally:
            task_enqueued.disconnect(record)
        (result,) = enqueued
        assert result.task.func is tasks.send_mail_task.func
        assert result.kwargs["to"] == "a@example.org"
        assert result.kwargs["body"] == f"Bonjour Ana & Léo,\n{TITLE} — {SCRIPT}"
        # Only text crosses the queue: the worker needs no model.
        assert all(isinstance(v, str | None) for v in result.kwargs.values())
        assert [m.to for m in mail.outbox] == [["a@example.org"]]


class TestFailures:
    def test_a_refusing_mail_server_is_retried_later_when_the_queue_can_wait(
        self, monkeypatch
    ):
        def refuse(self, *args, **kwargs):
            raise smtplib.SMTPServerDisconnected("coupé")

        retried = []

        class Deferred:
            def enqueue(self, **kwargs):
                retried.append(kwargs)

        class Backend:
            supports_defer = True

        monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
        monkeypatch.setattr(
            type(tasks.send_mail_task), "get_backend", lambda s: Backend()
        )
        monkeypatch.setattr(
            type(tasks.send_mail_task), "using", lambda s, **kw: Deferred()
        )
        tasks.send_mail_task.call("Sujet", "Corps", "site@example.org", "a@example.org")
        assert retried[0]["attempt"] == 2

        with pytest.raises(smtplib.SMTPServerDisconnected):
            tasks.send_mail_task.call(
                "Sujet",
                "Corps",
                "site@example.org",
                "a@example.org",
                attempt=tasks.MAIL_ATTEMPTS,
            )
        assert len(retried) == 1

    def test_without_deferral_the_failure_is_recorded_not_raised_to_the_page(
        self, mail_templates, django_capture_on_commit_callbacks, monkeypatch
    ):
        def refuse(self, *args, **kwargs):
            raise smtplib.SMTPServerDisconnected("coupé")

        monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
        # The immediate back end of the tests records the failed task.
        with django_capture_on_commit_callbacks(execute=True):
            send_templated_mail("essai/email/note", ["a@example.org"], context())
        assert mail.outbox == []
