from django.db import migrations, models

COUNTED_STATES = (
    "chua_thuc_hien",
    "dang_thuc_hien",
    "thuc_hien_lai",
    "cho_xac_nhan",
    "da_hoan_thanh",
)


class Migration(migrations.Migration):
    dependencies = [
        ("tracking", "0007_state_counts_index"),
    ]

    operations = [
        # the task count: one probe per task into the counted assignments' task ids, read
        # from the index alone (the (task, agency) index needs a row look-up for the state)
        migrations.AddIndex(
            model_name="assignment",
            index=models.Index(
                fields=["task"],
                condition=models.Q(state__in=COUNTED_STATES),
                name="asg_task_counted",
            ),
        ),
    ]
