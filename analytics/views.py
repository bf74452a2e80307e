"""Staff's visitor dashboard: figures from the daily totals, never from raw hits."""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.charts import Band
from recognition.models import Campaign

from .forms import CompareForm, PeriodForm
from .report import period_report
from .services import analytics_rollup


@staff_member_required
def dashboard(request):
    # A form is bound only when its own fields were sent, so that each keeps its defaults.
    asked = request.GET.keys()
    period_form = PeriodForm(request.GET if asked & {"start", "end"} else None)
    compare_form = CompareForm(request.GET if asked & {"compare_start", "compare_end"} else None)
    start, end = period_form.period()
    # Campaigns are drawn over the timeline and offered as periods to compare.
    campaigns = list(Campaign.objects.filter(starts_on__lte=end, ends_on__gte=start))
    bands = [Band(c.starts_on, c.ends_on, c.name) for c in campaigns]
    context = {
        "period_form": period_form,
        "compare_form": compare_form,
        "campaigns": Campaign.objects.order_by("-starts_on")[:6],
        "report": period_report(start, end, compare=compare_form.period(), bands=bands),
    }
    invalid = period_form.errors or compare_form.errors
    return render(request, "analytics/dashboard.html", context, status=400 if invalid else 200)


@staff_member_required
@require_POST
def rollup_now(request):
    """Bring the figures up to date (today's too) without waiting for the scheduled rollup."""
    analytics_rollup()
    messages.success(request, _("Today's figures are up to date."))
    return redirect("analytics:dashboard")
