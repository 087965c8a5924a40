"""The editorial roles (Kommunikatörer, Publicister, Feedbackläsare) and the "Granskning" workflow.

Idempotent (every row is fetched or created) and reversible (the groups and the workflow are removed).
The data is written out here rather than imported, so the migration keeps meaning what it meant.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

COMMUNICATORS = "Kommunikatörer"
PUBLISHERS = "Publicister"
FEEDBACK_READERS = "Feedbackläsare"
WORKFLOW = "Granskning"
TASK = "Godkännande av publicist"

# Apps whose permissions the groups get; on a fresh database they may not exist yet during migrate.
PERMISSION_APPS = ["wagtailadmin", "wagtailcore", "wagtailimages", "wagtaildocs", "core", "feedback", "registrations"]

ADMIN = [("wagtailadmin", "admin", "access_admin")]
SNIPPETS = [
    ("core", model, f"{action}_{model}")
    for model in ("person", "topic", "sitenotice")
    for action in ("add", "change", "delete", "view")
]
REGISTRATIONS = [("registrations", "registration", "view_registration"), ("registrations", "registration", "change_registration")]
FEEDBACK = [("feedback", "feedbackresponse", "view_feedbackresponse")]

MODEL_PERMISSIONS = {
    COMMUNICATORS: ADMIN + SNIPPETS,
    PUBLISHERS: ADMIN + SNIPPETS + REGISTRATIONS,
    FEEDBACK_READERS: ADMIN + FEEDBACK,
}
# On the site's root page (the home page), so they cover the events and knowledge sections below it.
PAGE_PERMISSIONS = {
    COMMUNICATORS: ["add_page", "change_page"],
    PUBLISHERS: ["add_page", "change_page", "publish_page"],
}
# Pages need pictures and documents: upload, edit and choose them in the root collection.
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", codename) for codename in ("add_image", "change_image", "choose_image")
] + [("wagtaildocs", "document", codename) for codename in ("add_document", "change_document", "choose_document")]
COLLECTION_GROUPS = [COMMUNICATORS, PUBLISHERS]


def ensure_permissions(apps):
    for label in PERMISSION_APPS:
        try:
            app_config = global_apps.get_app_config(label)
        except LookupError:
            continue
        create_permissions(app_config, verbosity=0, apps=apps)


def get_permission(apps, app_label, model, codename):
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.get(content_type__app_label=app_label, content_type__model=model, codename=codename)


def site_root(apps):
    Site = apps.get_model("wagtailcore.Site")
    Page = apps.get_model("wagtailcore.Page")
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site:
        return site.root_page
    return Page.objects.filter(depth=2).order_by("path").first()


def create_groups_and_workflow(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore.Collection")
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in MODEL_PERMISSIONS}
    for name, permissions in MODEL_PERMISSIONS.items():
        groups[name].permissions.add(*(get_permission(apps, *permission) for permission in permissions))

    root = site_root(apps)
    if root is not None:
        for name, codenames in PAGE_PERMISSIONS.items():
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=groups[name], page=root, permission=get_permission(apps, "wagtailcore", "page", codename)
                )

    collection = Collection.objects.filter(depth=1).order_by("path").first()
    if collection is not None:
        for name in COLLECTION_GROUPS:
            for permission in COLLECTION_PERMISSIONS:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name], collection=collection, permission=get_permission(apps, *permission)
                )

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(groups[PUBLISHERS])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def remove_groups_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    Task = apps.get_model("wagtailcore.Task")
    Workflow.objects.filter(name=WORKFLOW).delete()
    Task.objects.filter(name=TASK).delete()
    Group.objects.filter(name__in=list(MODEL_PERMISSIONS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("core", "0001_initial"),
        ("feedback", "0001_initial"),
        ("registrations", "0001_initial"),
        ("home", "0002_create_homepage"),
    ]

    operations = [migrations.RunPython(create_groups_and_workflow, remove_groups_and_workflow)]
