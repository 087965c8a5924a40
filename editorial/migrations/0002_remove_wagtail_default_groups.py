"""Wagtail's default groups Editors and Moderators, and its default workflow "Moderators approval", go:
the roles and the "Granskning" workflow of 0001 replace them, and two sets of groups side by side only
confuse whoever hands out roles. A default group that has members stays, and so does the default
workflow or task if anything was ever moderated in it.

Not reversed: migrating back leaves them removed (Wagtail's own migrations made them once, at install).
"""

from django.db import migrations

DEFAULT_GROUPS = ["Editors", "Moderators"]
DEFAULT_WORKFLOW = "Moderators approval"


def remove_default_groups(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowState = apps.get_model("wagtailcore.WorkflowState")
    Task = apps.get_model("wagtailcore.Task")
    TaskState = apps.get_model("wagtailcore.TaskState")

    for workflow in Workflow.objects.filter(name=DEFAULT_WORKFLOW):
        if WorkflowState.objects.filter(workflow=workflow).exists():
            continue
        task_ids = list(WorkflowTask.objects.filter(workflow=workflow).values_list("task_id", flat=True))
        workflow.delete()
        for task in Task.objects.filter(pk__in=task_ids, name=DEFAULT_WORKFLOW):
            if not TaskState.objects.filter(task=task).exists() and not task.workflow_tasks.exists():
                task.delete()
    Group.objects.filter(name__in=DEFAULT_GROUPS, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_groups_and_workflow"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(remove_default_groups, migrations.RunPython.noop)]
