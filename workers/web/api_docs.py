"""/api/docs: the JSON API's OpenAPI description as a plain page (no scripts from elsewhere, works offline)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from ..models import User
from .app import render
from .deps import page_user

router = APIRouter(include_in_schema=False)
METHODS = ("get", "post", "put", "patch", "delete")


def operations(openapi: dict) -> list[dict]:
    """Each operation of the description: method, path, summary, parameters and request body type."""
    found = []
    for path, item in openapi.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            found.append({
                "method": method.upper(), "path": path,
                "summary": op.get("summary") or op.get("operationId", ""),
                "description": (op.get("description") or "").strip(),
                "parameters": [{"name": p["name"], "in": p["in"], "required": p.get("required", False)}
                               for p in op.get("parameters", [])],
                "body": ", ".join(op.get("requestBody", {}).get("content", {})),
                "responses": sorted(op.get("responses", {})),
            })
    return found


@router.get("/api/docs")
def api_docs_page(request: Request, user: User = Depends(page_user)):
    return render(request, "api_docs.html", title="The JSON API", operations=operations(request.app.openapi()))
