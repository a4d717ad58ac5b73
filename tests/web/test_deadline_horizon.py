"""A deadline or an extension more than five years after the directive's date is refused,
with the latest day allowed in the message: in review, at registration, when an extension
is asked for (page and API) and when one is granted."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from chidao.common.errors import ActionError
from chidao.documents.models import Candidate
from chidao.documents.review import CandidateEdit, add_candidate, save_candidate
from chidao.tracking import horizon, services
from chidao.tracking.models import ExtensionRequest, ExtensionState
from tests.web.api_support import api_for
from tests.web.factories import assignment_of, make_document, make_task

TODAY = date(2026, 11, 21)
ISSUED = date(2026, 10, 1)  # the factories' directive date
LATEST = date(2031, 10, 1)
FAR = date(9999, 12, 31)


def test_the_horizon_is_five_years_after_the_directive(office: Any) -> None:
    assert horizon.latest_deadline(ISSUED) == LATEST
    assert horizon.latest_deadline(date(2028, 2, 29)) == date(2033, 2, 28)
    horizon.check(LATEST, make_document(office))
    with pytest.raises(ActionError, match="01/10/2031"):
        horizon.check(date(2031, 10, 2), make_document(office))


def test_an_undated_directive_counts_from_its_upload(office: Any) -> None:
    document = make_document(office, issued_on=None)
    uploaded = timezone.localdate(document.uploaded_at)
    assert horizon.document_date(document) == uploaded
    with pytest.raises(ActionError, match="quá xa"):
        horizon.check(uploaded.replace(year=uploaded.year + 6), document)


def test_an_extension_to_9999_is_refused(office: Any, officer_a: Any, agency_a: Any) -> None:
    a = assignment_of(make_task(office, [agency_a], deadline=TODAY), agency_a)
    with pytest.raises(ActionError, match=r"quá xa.*chậm nhất ngày 01/10/2031"):
        services.request_extension(officer_a, a, FAR, "Chờ số liệu.", today=TODAY)
    assert not ExtensionRequest.objects.exists()
    services.request_extension(officer_a, a, LATEST, "Chờ số liệu.", today=TODAY)


def test_an_extension_too_far_is_refused_on_the_page(
    office: Any, officer_a: Any, agency_a: Any, client_for: Any
) -> None:
    a = assignment_of(make_task(office, [agency_a], deadline=TODAY), agency_a)
    url = reverse("tracking:assignment_action", kwargs={"pk": a.pk, "slug": "gia-han"})
    data = {"gia-han-new_deadline": "31/12/9999", "gia-han-reason": "Chờ số liệu"}
    response = client_for(officer_a).post(url, data)
    assert response.status_code == 400
    assert "quá xa" in response.content.decode()


def test_an_extension_too_far_is_refused_by_the_api(
    office: Any, officer_a: Any, agency_a: Any
) -> None:
    a = assignment_of(make_task(office, [agency_a], deadline=TODAY), agency_a)
    client: APIClient = api_for(officer_a)
    body = {"requested_deadline": "9999-12-31", "reason": "Chờ số liệu."}
    response = client.post(f"/api/assignments/{a.pk}/extension/", body, format="json")
    assert response.status_code == 400
    assert "quá xa" in response.json()["detail"]


def test_a_far_extension_asked_before_the_rule_is_not_granted(
    office: Any, officer_a: Any, agency_a: Any
) -> None:
    a = assignment_of(make_task(office, [agency_a], deadline=TODAY), agency_a)
    req = ExtensionRequest.objects.create(
        assignment=a, requested_deadline=FAR, reason="Cũ.", requested_by=officer_a
    )
    with pytest.raises(ActionError, match="quá xa"):
        services.decide_extension(office, req, grant=True)
    req.refresh_from_db()
    a.refresh_from_db()
    assert req.state == ExtensionState.PENDING and a.deadline == TODAY
    services.decide_extension(office, req, grant=False, note="Quá xa.")


def test_review_refuses_a_far_deadline_when_editing_and_adding(office: Any, agency_a: Any) -> None:
    document = make_document(office)
    c = Candidate.objects.create(document=document, order=1, text="Rà soát kinh phí.")
    far = CandidateEdit("Rà soát kinh phí.", [agency_a.pk], deadline=date(2062, 1, 1))
    with pytest.raises(ActionError, match="quá xa"):
        save_candidate(office, c, far, read_version=1)
    with pytest.raises(ActionError, match="quá xa"):
        add_candidate(office, document, far)
    near = CandidateEdit("Rà soát kinh phí.", [agency_a.pk], deadline=date(2027, 1, 1))
    save_candidate(office, c, near, read_version=1)


def test_registration_refuses_a_far_deadline(office: Any, agency_a: Any) -> None:
    with pytest.raises(ActionError, match="quá xa"):
        make_task(office, [agency_a], deadline=date(2040, 1, 1))
