from django.db import migrations


def load(apps, schema_editor):
    from taxonomy.initial import load_initial_taxonomy

    load_initial_taxonomy(*(apps.get_model("taxonomy", name) for name in
                            ("Sector", "Theme", "Subtheme", "CustomerGroup")))


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
