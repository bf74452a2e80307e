from django.contrib.auth.forms import AdminUserCreationForm, PasswordResetForm, UserChangeForm

from emails.services import email_queue

from .models import User


class UserCreateForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = ("email",)


class PasswordResetQueuedForm(PasswordResetForm):
    """Django's reset form, but the message goes through our email queue (retried when
    the mail server is down) in the person's own language."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):  # noqa: E501
        user = context["user"]
        email_queue(
            to=to_email,
            template="password_reset",
            context={"uid": context["uid"], "token": context["token"], "user": user},
            language=user.language,
        )
