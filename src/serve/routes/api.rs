//! The JSON API: the same JSON as the CLI's `--format json`.

use axum::http::StatusCode;
use axum::response::Response;

use super::{estimates, read_form, refused};
use crate::core::catalogue::Program;
use crate::core::estimate;
use crate::input::request::Checker;
use crate::report;
use crate::serve::error::json_error;
use crate::serve::form::FormError;
use crate::serve::{AppState, json_response};

pub(in crate::serve) fn api_calc_now(state: &AppState, query: Option<String>) -> Response {
    let form = match read_form(query.as_deref()) {
        Ok(form) => form,
        Err(error) => return json_error(StatusCode::BAD_REQUEST, &error),
    };
    let checker = Checker::new(&state.catalogue);
    let as_of = form.as_of.unwrap_or_else(state.today);
    match estimates(&checker, &form, as_of) {
        Ok((estimates, query)) => {
            let stacks = estimate::stacks(&estimates);
            let body = report::calc_json(
                state.catalogue.receipt(),
                &estimates,
                &stacks,
                &query,
                form.lang,
                form.explain,
            );
            json_response(StatusCode::OK, body)
        }
        Err(error) => json_error(StatusCode::BAD_REQUEST, &error),
    }
}

pub(in crate::serve) fn api_plan_now(state: &AppState, query: Option<String>) -> Response {
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
    let crate::core::plan::Plan {
        entries,
        period_unknown,
    } = crate::core::plan::plan(&state.catalogue, &query);
    let besides = report::Besides {
        period_unknown: &period_unknown,
        discovery: state.catalogue.discovery(),
    };
    json_response(
        StatusCode::OK,
        report::plan_json(&entries, &besides, &query, form.lang),
    )
}

pub(in crate::serve) fn api_programs_now(state: &AppState, query: Option<String>) -> Response {
    let form = match read_form(query.as_deref()) {
        Ok(form) => form,
        Err(error) => return json_error(StatusCode::BAD_REQUEST, &error),
    };
    let as_of = form.as_of.unwrap_or_else(state.today);
    let programs: Vec<&Program> = state.catalogue.programs().iter().collect();
    json_response(
        StatusCode::OK,
        report::list_json(&programs, state.catalogue.discovery(), as_of),
    )
}

pub(in crate::serve) fn api_program_now(
    state: &AppState,
    id: String,
    query: Option<String>,
) -> Response {
    let form = match read_form(query.as_deref()) {
        Ok(form) => form,
        Err(error) => return json_error(StatusCode::BAD_REQUEST, &error),
    };
    let as_of = form.as_of.unwrap_or_else(state.today);
    // As `show` finds it (and the program page).
    if let Some(entry) = state.catalogue.discovery().iter().find(|d| d.id == id) {
        return json_response(StatusCode::OK, report::show_discovery_json(entry));
    }
    match Checker::new(&state.catalogue).program("id", &id) {
        Ok(program) => json_response(StatusCode::OK, report::show_json(program, as_of, None)),
        Err(e) => json_error(
            StatusCode::NOT_FOUND,
            &FormError::input(&e, form.lang, Vec::new()),
        ),
    }
}

/// A short description of the API (OpenAPI 3.1).
pub(in crate::serve) async fn openapi() -> Response {
    json_response(StatusCode::OK, OPENAPI.to_string())
}

pub(in crate::serve) const OPENAPI: &str = include_str!("../openapi.json");
