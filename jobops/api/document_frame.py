"""What the OpenAPI document says besides its operations: the API's name, server, security and own path."""

from __future__ import annotations

from typing import Any

from jobops import __version__

DOCUMENT_PATH: dict[str, Any] = {
    "get": {
        "operationId": "openapi",
        "summary": "This document (not wrapped in an envelope).",
        "tags": ["meta"],
        "security": [],
        "responses": {
            "200": {
                "description": "The OpenAPI document.",
                "content": {
                    "application/json": {"schema": {"type": "object", "required": ["openapi", "paths"]}}
                },
            }
        },
    }
}


def frame() -> dict[str, Any]:
    """The document without the declared operations and their models."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "JobOps API",
            "version": __version__,
            "description": "Track job applications after applying. Every answer is an envelope: "
            "{ok: true, data, meta: {requestId}} or {ok: false, error: {code, message, details?}, meta}.",
        },
        "servers": [{"url": "http://localhost:3001"}],
        "security": [{}, {"bearerToken": []}],
        "paths": {"/api/openapi.json": DOCUMENT_PATH},
        "components": {
            "schemas": {},
            "securitySchemes": {
                "bearerToken": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "Required on every route but /api/health when JOBOPS_API_TOKEN is set.",
                }
            },
        },
    }
