from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_editor_help_text"),
    ]

    operations = [
        migrations.CreateModel(
            name="PageCacheGeneration",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("token", models.CharField(editable=False, max_length=32, verbose_name="token")),
                ("changed_at", models.DateTimeField(auto_now=True, verbose_name="ändrad")),
            ],
            options={
                "verbose_name": "sidcachens generation",
                "verbose_name_plural": "sidcachens generation",
            },
        ),
    ]
