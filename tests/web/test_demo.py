"""`manage.py demo` (what `make run` loads) registers the samples and prints the cast."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from chidao.accounts.cast import CAST
from chidao.documents.models import Document, DocumentStatus
from chidao.tracking.models import Assignment, State

pytestmark = pytest.mark.slow


@pytest.mark.django_db
def test_demo_registers_every_sample_and_prints_each_account() -> None:
    out = StringIO()
    call_command("demo", password="Mat-khau-demo-123", stdout=out)
    printed = out.getvalue()
    assert Document.objects.count() == 4
    assert set(Document.objects.values_list("status", flat=True)) == {DocumentStatus.REGISTERED}
    for member in CAST:
        assert member.username in printed
        user = get_user_model().objects.get(username=member.username)
        assert user.check_password("Mat-khau-demo-123")
    states = set(Assignment.objects.values_list("state", flat=True))
    assert {State.IN_PROGRESS, State.AWAITING, State.DONE} <= states


@pytest.mark.django_db
def test_demo_twice_adds_nothing() -> None:
    call_command("demo", password="Mat-khau-demo-123", stdout=StringIO())
    counts = (Document.objects.count(), Assignment.objects.count())
    reports = sorted(Assignment.objects.values_list("state", flat=True))
    call_command("demo", password="Mat-khau-demo-123", stdout=StringIO())
    assert (Document.objects.count(), Assignment.objects.count()) == counts
    assert sorted(Assignment.objects.values_list("state", flat=True)) == reports
