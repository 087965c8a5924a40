"""Publicister may pause all topic alerts (Inställningar > Bevakningar), e.g. during a bulk import.

Reversible: the permission is taken from the group again.
"""

from django.db import migrations

PUBLISHERS = "Publicister"
CODENAME = "change_alertsettings"


def permission(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="alerts", model="alertsettings")
    return Permission.objects.get_or_create(
        content_type=content_type, codename=CODENAME, defaults={"name": "Can change bevakningar"}
    )[0]


def let_publishers_pause_alerts(apps, schema_editor):
    group = apps.get_model("auth.Group").objects.filter(name=PUBLISHERS).first()
    if group:
        group.permissions.add(permission(apps))


def take_it_back(apps, schema_editor):
    group = apps.get_model("auth.Group").objects.filter(name=PUBLISHERS).first()
    if group:
        group.permissions.remove(*group.permissions.filter(content_type__app_label="alerts", codename=CODENAME))


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0003_snippet_publishing_and_notice_approval"),
        ("alerts", "0001_initial"),
    ]

    operations = [migrations.RunPython(let_publishers_pause_alerts, take_it_back)]
