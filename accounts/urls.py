from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import second_factor_views, views

app_name = "accounts"

urlpatterns = [
    path("", views.account_home, name="home"),
    path("kirjaudu/", views.SignInView.as_view(), name="login"),
    path("vahvista/", second_factor_views.second_factor, name="second_factor"),
    path(
        "kaksivaiheinen/",
        second_factor_views.second_factor_setup,
        name="second_factor_setup",
    ),
    path("kirjaudu-ulos/", auth_views.LogoutView.as_view(), name="logout"),
    path("salasana/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "salasana/lahetetty/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "salasana/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "salasana/valmis/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
