"""The agency registry in the database, loaded from the extraction engine's data file.

The JSON file (chidao/extract/data) stays the source of truth for names and aliases;
this table gives each body a primary key that assignments can point at, and keeps
bodies that were dissolved (2025 reorganisation) so old directives still resolve.
"""

from __future__ import annotations

from django.db import models

from chidao.extract.agencies import fold_search


class Agency(models.Model):
    code = models.SlugField("mã", max_length=80, unique=True)
    name = models.CharField("tên", max_length=255)
    full_name = models.CharField("tên đầy đủ", max_length=255, blank=True)
    kind = models.CharField("loại", max_length=80, blank=True)
    aliases = models.JSONField("tên viết tắt, cách viết khác", default=list, blank=True)
    groups = models.JSONField("nhóm", default=list, blank=True)
    valid_from = models.DateField("hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("hiệu lực đến", null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name="cơ quan kế thừa",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
    )
    email = models.EmailField("thư điện tử", blank=True)
    note = models.TextField("ghi chú", blank=True)
    # name and written forms folded (no accents, đ→d, lower case) for search
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = "cơ quan, đơn vị"
        verbose_name_plural = "cơ quan, đơn vị"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        forms = dict.fromkeys([self.name, self.full_name, *self.aliases])
        self.search_text = " | ".join(fold_search(f) for f in forms if f)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def dissolved(self) -> bool:
        return self.valid_to is not None
