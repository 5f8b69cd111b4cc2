"""The API refuses callers without the token, and refuses everyone when exposed without one."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from jobops import access


@pytest.fixture
def exposed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The server listens on every interface."""
    monkeypatch.setattr(access, "server_address", lambda: "0.0.0.0")


def test_on_loopback_without_a_token_the_api_answers(api: TestClient) -> None:
    assert api.get("/api/jobs").status_code == 200


def test_with_a_token_a_call_without_it_is_401(api: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBOPS_API_TOKEN", "s3cret-token-for-tests")
    response = api.get("/api/jobs")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "UNAUTHORIZED"


def test_with_a_token_a_wrong_token_is_401(api: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBOPS_API_TOKEN", "s3cret-token-for-tests")
    assert api.get("/api/jobs", headers={"Authorization": "Bearer s3cret-token-for-testS"}).status_code == 401
    assert api.get("/api/jobs", headers={"Authorization": "Basic s3cret-token-for-tests"}).status_code == 401


def test_with_a_token_the_right_one_is_let_in(api: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBOPS_API_TOKEN", "s3cret-token-for-tests")
    response = api.post(
        "/api/jobs",
        json={"title": "Engineer", "employer": "Acme"},
        headers={"Authorization": "Bearer s3cret-token-for-tests"},
    )
    assert response.status_code == 201


def test_exposed_without_a_token_every_route_is_403_with_an_explanation(
    api: TestClient, exposed: None
) -> None:
    for method, path in [("GET", "/api/jobs"), ("POST", "/api/jobs"), ("GET", "/api/jobs/some-id/events")]:
        response = api.request(
            method, path, json={"title": "x", "employer": "y"} if method == "POST" else None
        )
        assert response.status_code == 403, path
        error = response.json()["error"]
        assert error["code"] == "FORBIDDEN"
        assert "JOBOPS_API_TOKEN" in error["message"]


def test_exposed_without_a_token_nothing_is_written(api: TestClient, exposed: None, monkeypatch) -> None:
    api.post("/api/jobs", json={"title": "Engineer", "employer": "Acme"})
    monkeypatch.setattr(access, "server_address", lambda: "127.0.0.1")
    assert api.get("/api/jobs").json()["data"]["total"] == 0


def test_exposed_without_a_token_health_still_answers(api: TestClient, exposed: None) -> None:
    assert api.get("/api/health").status_code == 200


def test_exposed_with_a_password_but_no_token_the_api_is_still_refused(
    api: TestClient, exposed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOBOPS_PASSWORD", "page-password")
    assert api.get("/api/jobs").status_code == 403


def test_exposed_with_a_token_the_api_works_for_its_holder(
    api: TestClient, exposed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOBOPS_API_TOKEN", "s3cret-token-for-tests")
    assert api.get("/api/jobs").status_code == 401
    assert api.get("/api/jobs", headers={"Authorization": "Bearer s3cret-token-for-tests"}).status_code == 200
