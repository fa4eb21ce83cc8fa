"""Lab routes: the parameter form (with the declared ranges), running, figures, verdict."""

from __future__ import annotations

import base64
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response

from mlinterview.labs.base import Lab, LabNotFoundError, LabParameterError, LabUnavailableError
from mlinterview.web.common import apply_language_switch, context, render, verify_csrf

router = APIRouter()
Csrf = Annotated[None, Depends(verify_csrf)]


def _lab_or_404(request: Request, lab_id: str) -> Lab:
    try:
        return context(request).ws.lab(lab_id)
    except LabNotFoundError:
        raise HTTPException(404) from None


@router.get("/labs")
def labs(request: Request) -> Response:
    return render(request, "labs.html", labs=context(request).ws.labs())


@router.get("/labs/{lab_id}")
def lab(request: Request, lab_id: str) -> Response:
    found = _lab_or_404(request, lab_id)
    values = {p.name: p.default for p in found.all_params}
    return render(request, "lab.html", lab=found, values=values, result=None, error=None)


@router.post("/labs/{lab_id}/run")
async def run(request: Request, lab_id: str, _: Csrf) -> Response:
    from starlette.concurrency import run_in_threadpool

    found = _lab_or_404(request, lab_id)
    form = await request.form()
    switch = form.get("switch_lang")
    apply_language_switch(context(request), switch if isinstance(switch, str) else "")
    submitted = {p.name: form.get(p.name) for p in found.all_params}
    for param in found.all_params:  # unchecked boxes are not sent at all
        if param.kind == "bool":
            submitted[param.name] = "true" if submitted.get(param.name) else "false"
    overrides = {name: value for name, value in submitted.items() if value is not None}
    ctx = context(request)
    lang = ctx.lang()
    try:
        result = await run_in_threadpool(ctx.ws.run_lab, lab_id, overrides, lang=lang)
    except (LabParameterError, LabUnavailableError) as exc:
        return render(
            request,
            "lab.html",
            status_code=400,
            lab=found,
            values=submitted,
            result=None,
            error=str(exc),
        )
    images = [
        (figure.title.get(lang), base64.b64encode(figure.png).decode("ascii"))
        for figure in result.figures
    ]
    return render(
        request,
        "lab.html",
        lab=found,
        values=result.params,
        result=result,
        images=images,
        error=None,
        repost={
            name: str(value).lower() if isinstance(value, bool) else value
            for name, value in result.params.items()
        },
    )
