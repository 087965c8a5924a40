"""People and site notices have drafts now (core 0003): who may publish them, and the approval of notices.

A Kommunikatör publishes people (a phone number should not wait for approval) but submits a site notice
to "Granskning", since it shows on every page; a Publicist publishes both and approves notices.
Reversible: the permissions and the workflow's hold on notices are removed again.
"""

from django.db import migrations

COMMUNICATORS = "Kommunikatörer"
PUBLISHERS = "Publicister"
WORKFLOW = "Granskning"

PUBLISH = {
    COMMUNICATORS: [("person", "publish_person", "Can publish person")],
    PUBLISHERS: [
        ("person", "publish_person", "Can publish person"),
        ("sitenotice", "publish_sitenotice", "Can publish driftmeddelande"),
    ],
}


def permission(apps, model, codename, name):
    """The permission Wagtail makes after migrating (snippets' post_migrate), made here if it is missing."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="core", model=model)
    return Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})[0]


def add_publishing_and_approval(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowContentType = apps.get_model("wagtailcore.WorkflowContentType")
    for group_name, permissions in PUBLISH.items():
        group = Group.objects.filter(name=group_name).first()
        if group:
            group.permissions.add(*(permission(apps, *spec) for spec in permissions))
    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow:
        notice_type, _ = ContentType.objects.get_or_create(app_label="core", model="sitenotice")
        WorkflowContentType.objects.update_or_create(content_type=notice_type, defaults={"workflow": workflow})


def remove_publishing_and_approval(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    WorkflowContentType = apps.get_model("wagtailcore.WorkflowContentType")
    Permission = apps.get_model("auth.Permission")
    WorkflowContentType.objects.filter(content_type__app_label="core", content_type__model="sitenotice").delete()
    for group in Group.objects.filter(name__in=list(PUBLISH)):
        codenames = [codename for _model, codename, _name in PUBLISH[group.name]]
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="core", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_remove_wagtail_default_groups"),
        ("core", "0003_drafts_and_revisions_for_people_and_notices"),
    ]

    operations = [migrations.RunPython(add_publishing_and_approval, remove_publishing_and_approval)]
