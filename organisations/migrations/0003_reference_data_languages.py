from django.db import migrations


def load(apps, schema_editor):
    # Re-load the committed reference data: municipalities' official languages were
    # corrected to follow the language status decree (tools/derive_reference_data.py).
    from organisations.reference import load_reference_data

    load_reference_data(apps.get_model("organisations", "Region"),
                        apps.get_model("organisations", "Municipality"))


class Migration(migrations.Migration):
    dependencies = [("organisations", "0002_reference_data")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
