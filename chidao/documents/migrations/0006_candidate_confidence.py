"""Candidates keep the extractor's confidence, so the review can show the least certain
first; the candidates of documents already read take it from their stored extraction."""

from django.db import migrations, models


def from_extraction(apps, schema_editor):  # type: ignore[no-untyped-def]
    Document = apps.get_model("documents", "Document")
    Candidate = apps.get_model("documents", "Candidate")
    for document in Document.objects.only("pk", "extraction").iterator():
        tasks = [t for t in (document.extraction or {}).get("tasks") or [] if isinstance(t, dict)]
        scores = {t.get("text"): t.get("confidence") for t in tasks}  # edited ones stay None
        changed = []
        for c in Candidate.objects.filter(document_id=document.pk).only("pk", "text"):
            if scores.get(c.text) is not None:
                c.confidence = scores[c.text]
                changed.append(c)
        Candidate.objects.bulk_update(changed, ["confidence"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("documents", "0005_import_jobs")]

    operations = [
        migrations.AddField(
            model_name="candidate",
            name="confidence",
            field=models.FloatField(blank=True, null=True, verbose_name="độ chắc chắn"),
        ),
        migrations.RunPython(from_extraction, migrations.RunPython.noop),
    ]
