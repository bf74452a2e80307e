from taxonomy.models import CustomerGroup, Sector, Subtheme, Theme


def sector(slug):
    """The initial taxonomy is loaded by migrations; tests use its terms by slug."""
    return Sector.objects.get(slug=slug)


def theme(slug):
    return Theme.objects.get(slug=slug)


def subtheme(slug):
    return Subtheme.objects.get(slug=slug)


def customer_group(slug):
    return CustomerGroup.objects.get(slug=slug)
