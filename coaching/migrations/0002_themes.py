"""The five coaching themes of the programme's 2021 call; staff edit and add to them
in the admin."""

from django.db import migrations

THEMES = [
    ("tyoyhteiso-ja-kulttuuri", "Työyhteisö ja -kulttuuri",
     "Arbetsgemenskap och arbetskultur", "Work community and culture"),
    ("yhteiskehittaminen-ja-osallisuus", "Yhteiskehittäminen ja osallisuus",
     "Samutveckling och delaktighet", "Co-development and participation"),
    ("prosessit-palvelut-ja-asiakaslahtoisyys", "Prosessit, palvelut ja asiakaslähtöisyys",
     "Processer, tjänster och kundorientering", "Processes, services and customer orientation"),
    ("tyokuormitus-ja-hyvinvointi", "Työkuormitus ja hyvinvointi",
     "Arbetsbelastning och välbefinnande", "Workload and wellbeing"),
    ("etatyo-ja-etapalvelut", "Etätyö ja etäpalvelut",
     "Distansarbete och distanstjänster", "Remote work and services"),
]


def add(apps, schema_editor):
    theme = apps.get_model("coaching", "CoachingTheme")
    for position, (slug, fi, sv, en) in enumerate(THEMES, start=1):
        theme.objects.update_or_create(
            slug=slug, defaults={"name_fi": fi, "name_sv": sv, "name_en": en, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("coaching", "0001_initial")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
