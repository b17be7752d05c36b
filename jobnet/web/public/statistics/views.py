"""The public statistics page, its CSV download and its JSON, with an OpenAPI document of the
two downloads (no login, no person data)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from flask import Response, current_app, jsonify, render_template, request, url_for
from flask_babel import gettext as _

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.statistics import (
    PublicFiguresCache,
    StatisticsTable,
    parse_catalogue,
    parse_table,
)
from jobnet.domain.statistics import parse_month
from jobnet.web.auth.users import public
from jobnet.web.journeys import known_answers, last_known
from jobnet.web.platform.i18n import current_language, format_local_number
from jobnet.web.public.statistics import bp
from jobnet.web.public.statistics.breakdowns import (
    breakdown_label,
    breakdown_table,
    comparison_group,
)
from jobnet.web.public.statistics.chart import build_chart
from jobnet.web.public.statistics.document import csv_rows, figures_document, openapi_document
from jobnet.web.public.statistics.forms import MEASURE_LABELS, StatisticsForm, month_label
from jobnet.web.public.statistics.tables import (
    area_name,
    chart_series,
    group_table,
    has_revised,
    has_suppressed,
    monthly_table,
)


def _public_figures() -> PublicFiguresCache:
    return current_app.extensions["public_figures"]


def _known(kind: str, fetch: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """DFDG's answer; while DFDG is away, the last one the web app got for the same query."""
    return known_answers.known_answer(known_answers.PUBLIC, kind, fetch)


def _fresh() -> bool:
    return last_known.known_at() is None


def _form() -> tuple[StatisticsForm, Any]:
    """The form filled from the query string, and the catalogue of what DFDG has computed."""
    catalogue = _public_figures().get(
        "measures",
        lambda: parse_catalogue(
            _known("statistics-measures", get_dfdg_client().statistics_measures_answer)
        ),
        keep=_fresh,
    )
    form = StatisticsForm(formdata=request.args if request.args else None)
    if catalogue.first_month and catalogue.last_month:
        form.fill_choices(catalogue.first_month, catalogue.last_month)
    return form, catalogue


def _table(form: StatisticsForm) -> StatisticsTable:
    query = (
        form.chosen_measure.value,
        parse_month(form.period_from.data),
        parse_month(form.period_to.data),
        form.chosen_municipality,
    )
    return _public_figures().get(
        ("figures", *query),
        lambda: parse_table(
            _known(
                known_answers.query_kind("statistics", query),
                lambda: get_dfdg_client().statistics_answer(*query),
            )
        ),
        keep=_fresh,
    )


def _query(form: StatisticsForm) -> dict[str, Any]:
    return {
        "measure": form.measure.data,
        "municipality": form.municipality.data or "",
        "period_from": form.period_from.data,
        "period_to": form.period_to.data,
    }


@bp.get("/")
@public
def index() -> str:
    form, catalogue = _form()
    context: dict[str, Any] = {
        "form": form,
        "catalogue": catalogue,
        "result": None,
        "latest_month": month_label(catalogue.last_month) if catalogue.last_month else "",
    }
    if catalogue.last_month is None or (request.args and not form.validate()):
        return render_template("public/statistics/index.html", **context)
    table = _table(form)
    language = current_language()
    measure = str(MEASURE_LABELS[form.chosen_measure])
    place = area_name(table.areas[0], language)
    monthly = monthly_table(
        table,
        _(
            "%(measure)s, %(place)s, %(start)s to %(end)s",
            measure=measure,
            place=place,
            start=month_label(table.from_month),
            end=month_label(table.to_month),
        ),
        language,
    )
    last = table.months[-1] if table.months else table.to_month
    by_group = group_table(
        table,
        last,
        _("%(measure)s by contact group, %(month)s", measure=measure, month=month_label(last)),
        language,
    )
    chart = build_chart(
        [row.heading for row in monthly.rows], chart_series(monthly), format_local_number
    )
    others = [
        (breakdown_label(breakdown), found)
        for breakdown in ("age", "gender", "duration")
        if (
            found := breakdown_table(
                table,
                last,
                breakdown,
                _(
                    "%(measure)s by %(breakdown)s, %(month)s",
                    measure=measure,
                    breakdown=breakdown_label(breakdown).lower(),
                    month=month_label(last),
                ),
                language,
            )
        )
    ]
    context["result"] = {
        "measure": measure,
        "place": place,
        "table": table,
        "monthly": monthly,
        "by_group": by_group,
        "breakdowns": others,
        "group": comparison_group(form.chosen_municipality, language),
        "chart": chart,
        "suppressed": has_suppressed(monthly, by_group, *(found for _label, found in others)),
        "revised": has_revised(monthly, by_group, *(found for _label, found in others)),
        "revisions": [(month_label(r.month), r.revised_at, r.revision) for r in table.revisions],
        "csv_url": url_for("statistics.download", **_query(form)),
        "json_url": url_for("statistics.data", **_query(form)),
    }
    return render_template("public/statistics/index.html", **context)


@bp.get("/csv")
@public
def download() -> Response:
    form, catalogue = _form()
    if catalogue.last_month is None or not form.validate():
        return Response(
            _("Choose a measure and a period on the statistics page."), 400, mimetype="text/plain"
        )
    table = _table(form)
    language = current_language()
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if language == "da" else ",", lineterminator="\r\n")
    measure = str(MEASURE_LABELS[form.chosen_measure])
    writer.writerows(csv_rows(table, measure, language))
    name = f"statistik-{table.measure}-{table.from_month:%Y-%m}-{table.to_month:%Y-%m}.csv"
    return Response(
        "\ufeff" + out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _open_to_all(response: Response) -> Response:
    """Public figures without person data: any web page or tool may read them."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@bp.get("/data.json")
@public
def data() -> Response:
    """The same figures as the page and the CSV file, as JSON: a suppressed cell is null with
    `suppressed` true."""
    form, catalogue = _form()
    if catalogue.last_month is None:
        errors = {"measure": [_("There are no figures yet.")]}
        return _open_to_all(Response(_json(errors), 400, mimetype="application/json"))
    if not form.validate():
        errors = {
            name: [str(message) for message in messages] for name, messages in form.errors.items()
        }
        return _open_to_all(Response(_json(errors), 400, mimetype="application/json"))
    table = _table(form)
    measure = str(MEASURE_LABELS[form.chosen_measure])
    return _open_to_all(jsonify(figures_document(table, measure, current_language())))


def _json(errors: dict[str, list[str]]) -> str:
    return json.dumps({"errors": errors}, ensure_ascii=False)


@bp.get("/openapi.json")
@public
def openapi() -> Response:
    document = openapi_document(url_for("statistics.data"), url_for("statistics.download"))
    return _open_to_all(jsonify(document))
