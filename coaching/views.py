from django.http import Http404


def coaching_page(request):
    raise Http404


application_new = application_edit = application_follow = expert_profile = coaching_page
