from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .forms import UserCreateForm, UserEditForm
from .models import User
from .second_factor import has_second_factor, second_factor_reset


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = UserEditForm
    add_form = UserCreateForm
    ordering = ["email"]
    list_display = [
        "email",
        "first_name",
        "last_name",
        "is_staff",
        "two_step",
        "is_active",
        "language",
    ]
    actions = ["reset_second_factor"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            _("Personal info"),
            {"fields": ["first_name", "last_name", "language", "notify_moderation"]},
        ),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {"classes": ["wide"], "fields": ["email", "usable_password", "password1", "password2"]},
        ),
    ]

    @admin.display(boolean=True, description=_("two-step sign-in"))
    def two_step(self, obj):
        return has_second_factor(obj)

    @admin.action(description=_("Reset two-step sign-in (lost phone)"), permissions=["change"])
    def reset_second_factor(self, request, queryset):
        for user in queryset:
            second_factor_reset(user, actor=request.user)
        messages.success(
            request,
            _("Two-step sign-in was reset; it is set up again at the next sign-in."),
        )
