from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("tracking", "0006_series_end"),
    ]

    operations = [
        # (state, deadline) widened with done_on: the cards count from the index alone
        migrations.RemoveIndex(model_name="assignment", name="asg_state_deadline"),
        migrations.AddIndex(
            model_name="assignment",
            index=models.Index(fields=["state", "deadline", "done_on"], name="asg_state_counts"),
        ),
    ]
