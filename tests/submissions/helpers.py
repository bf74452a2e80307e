import re

from django.core.management import call_command

FORM_URL = "/ilmianna/"


def hidden_fields(html):
    return dict(re.findall(r'<input type="hidden" name="(form_key|started)" value="([^"]+)"', html))


def open_form(client, url=FORM_URL):
    response = client.get(url)
    assert response.status_code == 200
    return hidden_fields(response.content.decode())


def post_form(client, values, *, action="save", url=FORM_URL, hidden=None, files=None):
    hidden = hidden if hidden is not None else open_form(client, url)
    data = {**hidden, **values, "action": action, **(files or {})}
    return client.post(url, data)


def link_from(message):
    """The secret link in an email we sent."""
    match = re.search(r"https?://[^\s\"<>]+/ilmianna/seuraa/[^\s\"<>]+/", message.body)
    assert match, message.body
    return match.group(0).split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def deliver_emails():
    call_command("send_pending_emails", verbosity=0)
