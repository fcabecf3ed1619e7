"""The default guide of the carnets, written from seed 002 (the text lives in
``community/carnets/defaults.py``); organisers adapt it in the admin."""

from django.db import migrations


def create_default_guide(apps, schema_editor):
    from community.carnets.defaults import MOMENTS, PROMPTS

    CarnetGuide = apps.get_model("carnets", "CarnetGuide")
    CarnetPrompt = apps.get_model("carnets", "CarnetPrompt")
    if CarnetGuide.objects.filter(is_default=True).exists():
        return
    fields = {}
    for moment, (title, intro) in MOMENTS.items():
        name = "suites" if moment == "suites" else moment
        fields[f"{name}_title"] = title
        fields[f"{name}_intro"] = intro
    guide = CarnetGuide.objects.create(is_default=True, **fields)
    order = 0
    for moment, prompts in PROMPTS.items():
        for question, help_text in prompts:
            CarnetPrompt.objects.create(
                guide=guide,
                moment=moment,
                question=question,
                help_text=help_text,
                sort_order=order,
            )
            order += 1


def remove_default_guide(apps, schema_editor):
    apps.get_model("carnets", "CarnetGuide").objects.filter(is_default=True).delete()


class Migration(migrations.Migration):
    dependencies = [("carnets", "0001_initial")]

    operations = [migrations.RunPython(create_default_guide, remove_default_guide)]
