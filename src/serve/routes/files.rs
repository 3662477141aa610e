//! Files: the chart as SVG, the plan's deadlines as a calendar, the style sheet.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::{estimates, read_form, refused};
use crate::core::estimate;
use crate::i18n::{self, Key};
use crate::input::request::Checker;
use crate::report::chart::Chart;
use crate::report::{self, CalcReport, CalcView, html};
use crate::serve::AppState;
use crate::serve::error::json_error;
use crate::serve::form::FormError;

/// The page's chart alone, as an SVG image (`chart=ID` picks the program).
pub(in crate::serve) fn chart_svg_now(state: &AppState, query: Option<String>) -> Response {
    let form = match read_form(query.as_deref()) {
        Ok(form) => form,
        Err(error) => return json_error(StatusCode::BAD_REQUEST, &error),
    };
    let checker = Checker::new(&state.catalogue);
    let as_of = form.as_of.unwrap_or_else(state.today);
    let (estimates, query) = match estimates(&checker, &form, as_of) {
        Ok(found) => found,
        Err(error) => return json_error(StatusCode::BAD_REQUEST, &error),
    };
    let stacks = estimate::stacks(&estimates);
    let report = CalcReport::new(&estimates, &stacks, CalcView::default());
    let chosen = form.chart.as_deref().unwrap_or("");
    let Some(chart) = report
        .chart(chosen)
        .and_then(|e| Chart::of(e, &query, form.lang))
    else {
        let error = FormError::whole(
            "chart",
            chosen,
            i18n::text(form.lang, Key::ServeNoChart, &[]),
        );
        return json_error(StatusCode::BAD_REQUEST, &error);
    };
    let svg = chart.svg(form.lang);
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "image/svg+xml; charset=utf-8")],
        svg.into_string(),
    )
        .into_response()
}

/// The plan's deadlines as an iCalendar file, as `plan --format ics` writes it.
pub(in crate::serve) fn plan_ics_now(state: &AppState, query: Option<String>) -> Response {
    let form = match read_form(query.as_deref()) {
        Ok(form) => form,
        Err(error) => return json_error(StatusCode::BAD_REQUEST, &error),
    };
    let checker = Checker::new(&state.catalogue);
    let as_of = form.as_of.unwrap_or_else(state.today);
    let query = match checker.plan_query(&form.request, as_of) {
        Ok(query) => query,
        Err(e) => return json_error(StatusCode::BAD_REQUEST, &refused(form.lang)(e)),
    };
    let entries = crate::core::plan::plan(&state.catalogue, &query).entries;
    let body = report::plan_ics(&entries, &query, state.catalogue.receipt(), form.lang);
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"subsidy-deadlines.ics\"",
            ),
        ],
        body,
    )
        .into_response()
}

pub(in crate::serve) async fn style() -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        html::STYLE,
    )
        .into_response()
}
