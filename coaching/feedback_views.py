from django.http import Http404


def feedback_answer_page(request, token):
    raise Http404
