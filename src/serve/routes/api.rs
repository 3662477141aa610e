//! The JSON API: the same JSON as the CLI's `--format json`.

use axum::http::StatusCode;
use axum::response::Response;

use super::Asked;
use crate::core::catalogue::Program;
use crate::core::estimate;
use crate::report;
use crate::serve::error::{ApiError, Reply};
use crate::serve::form::{FIELDS, FormError};
use crate::serve::{AppState, json_response};

/// `calc --format json` (`explain=yes` for `--explain`).
pub(in crate::serve) fn calc(state: &AppState, query: Option<String>) -> Reply {
    let asked = Asked::read(state, query.as_deref())?;
    let (estimates, query) = asked.estimates()?;
    let stacks = estimate::stacks(&estimates);
    let view = report::CalcView {
        explain: asked.form.explain,
        ..report::CalcView::default()
    };
    let report = report::CalcReport::new(&estimates, &stacks, &query, view);
    let body = report::calc_json(
        state.catalogue.receipt(),
        &report,
        &query,
        asked.form.lang,
        &FIELDS,
    );
    Ok(json_response(StatusCode::OK, body))
}

/// `plan --format json`.
pub(in crate::serve) fn plan(state: &AppState, query: Option<String>) -> Reply {
    let asked = Asked::read(state, query.as_deref())?;
    let query = asked.plan_query()?;
    let plan = crate::core::plan::plan(&state.catalogue, &query);
    let recommendation = crate::core::recommend::of_plan(&plan, &query);
    let besides = report::Besides {
        period_unknown: &plan.period_unknown,
        discovery: state.catalogue.discovery(),
        recommendation: &recommendation,
    };
    let body = report::plan_json(
        state.catalogue.receipt(),
        &plan.entries,
        &besides,
        &query,
        asked.form.lang,
        &FIELDS,
    );
    Ok(json_response(StatusCode::OK, body))
}

/// `list --format json`.
pub(in crate::serve) fn programs(state: &AppState, query: Option<String>) -> Reply {
    let asked = Asked::read(state, query.as_deref())?;
    let programs: Vec<&Program> = state.catalogue.programs().iter().collect();
    let body = report::list_json(
        state.catalogue.receipt(),
        &programs,
        state.catalogue.discovery(),
        asked.as_of,
    );
    Ok(json_response(StatusCode::OK, body))
}

/// `show ID --format json`; 404 for an id no program has.
pub(in crate::serve) fn program(state: &AppState, id: String, query: Option<String>) -> Reply {
    let asked = Asked::read(state, query.as_deref())?;
    // As `show` finds it (and the program page).
    if let Some(entry) = state.catalogue.discovery().iter().find(|d| d.id == id) {
        return Ok(json_response(
            StatusCode::OK,
            report::show_discovery_json(entry),
        ));
    }
    let program = asked
        .checker
        .program(crate::input::request::Field::ProgramId, &id)
        .map_err(|e| {
            ApiError::json(
                StatusCode::NOT_FOUND,
                FormError::input(&e, asked.form.lang, Vec::new()),
            )
        })?;
    Ok(json_response(
        StatusCode::OK,
        report::show_json(state.catalogue.receipt(), program, asked.as_of, None),
    ))
}

/// A short description of the API (OpenAPI 3.1).
pub(in crate::serve) async fn openapi() -> Response {
    json_response(StatusCode::OK, OPENAPI.to_string())
}

const OPENAPI: &str = include_str!("../openapi.json");
