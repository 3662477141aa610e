//! Files: the chart as SVG, the plan's deadlines as a calendar, the style sheet.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::Asked;
use crate::core::estimate;
use crate::i18n::{self, Key};
use crate::report::chart::Chart;
use crate::report::{self, CalcReport, CalcView, html};
use crate::serve::AppState;
use crate::serve::error::{ApiError, Reply};
use crate::serve::form::FormError;

/// The page's chart alone, as an SVG image (`chart=ID` picks the program).
pub(in crate::serve) fn chart_svg(state: &AppState, query: Option<String>) -> Reply {
    let asked = Asked::read(state, query.as_deref())?;
    let lang = asked.form.lang;
    let (estimates, query) = asked.estimates()?;
    let stacks = estimate::stacks(&estimates);
    let report = CalcReport::new(&estimates, &stacks, &query, CalcView::default());
    let chosen = asked.form.chart.as_deref().unwrap_or("");
    let chart = report
        .chart(chosen)
        .and_then(|e| Chart::of(e, &query, lang))
        .ok_or_else(|| {
            let why = i18n::text(lang, Key::ServeNoChart, &[]);
            ApiError::from(FormError::whole("chart", chosen, why))
        })?;
    Ok((
        StatusCode::OK,
        [(header::CONTENT_TYPE, "image/svg+xml; charset=utf-8")],
        chart.svg(lang).into_string(),
    )
        .into_response())
}

/// The plan's deadlines as an iCalendar file, as `plan --format ics` writes it.
pub(in crate::serve) fn plan_ics(state: &AppState, query: Option<String>) -> Reply {
    let asked = Asked::read(state, query.as_deref())?;
    let query = asked.plan_query()?;
    let entries = crate::core::plan::plan(&state.catalogue, &query).entries;
    let body = report::plan_ics(&entries, &query, state.catalogue.receipt(), asked.form.lang);
    Ok((
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
        .into_response())
}

/// The style sheet, from the binary (nothing is fetched from elsewhere).
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
