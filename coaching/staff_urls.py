"""Coaching's working pages: /sparraus/hallinta/. The board, rounds, experts, export and
feedback results are the programme team's; an application's page opens to staff and
to its assigned expert, and "omat/" lists an expert's own applications."""

from django.urls import path

from . import expert_views, staff_setup, staff_views

app_name = "coaching_staff"

urlpatterns = [
    path("", staff_views.board, name="board"),
    path("omat/", expert_views.my_applications, name="mine"),
    path("kierrokset/", staff_setup.round_list, name="rounds"),
    path("kierrokset/uusi/", staff_setup.round_form, name="round_create"),
    path("kierrokset/<int:pk>/", staff_setup.round_form, name="round_edit"),
    path("asiantuntijat/", staff_setup.expert_list, name="experts"),
    path("asiantuntijat/uusi/", staff_setup.expert_form, name="expert_create"),
    path("asiantuntijat/<int:pk>/", staff_setup.expert_form, name="expert_edit"),
    path("asiantuntijat/<int:pk>/kutsu/", staff_setup.expert_invite_view, name="expert_invite"),
    path("hakemukset.csv", staff_setup.export, {"fmt": "csv"}, name="export_csv"),
    path("hakemukset.xlsx", staff_setup.export, {"fmt": "xlsx"}, name="export_xlsx"),
    path("palaute/", staff_setup.feedback_results, name="feedback"),
    path("<int:pk>/", staff_views.application_page, name="application"),
    path("<int:pk>/arvioi/", staff_views.assess, name="assess"),
    path("<int:pk>/hyvaksy/", staff_views.accept, name="accept"),
    path("<int:pk>/hylkaa/", staff_views.decline, name="decline"),
    path("<int:pk>/peru/", staff_views.withdraw, name="withdraw"),
    path("<int:pk>/asiantuntija/", staff_views.expert_change, name="expert_change"),
    path("<int:pk>/avaa-palaute/", staff_views.feedback_open_view, name="feedback_open"),
    path("<int:pk>/sulje/", staff_views.close, name="close"),
    path("<int:pk>/teko/", staff_views.deed_link, name="deed"),
    path("<int:pk>/tapaamiset/", staff_views.session_plan_view, name="session_plan"),
    path(
        "<int:pk>/tapaamiset/<int:session>/kirjaa/",
        staff_views.session_record_view,
        name="session_record",
    ),
    path(
        "<int:pk>/tapaamiset/<int:session>/poista/",
        staff_views.session_remove_view,
        name="session_remove",
    ),
    path("<int:pk>/toteutunut/", staff_views.realise, name="realise"),
    path("<int:pk>/viesti/", staff_views.message, name="message"),
    path("<int:pk>/muistiinpano/", staff_views.note, name="note"),
]
