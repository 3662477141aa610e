//! The pages for people: the form with its answer, and a program's page.

use axum::http::StatusCode;
use axum::response::Response;

use super::{estimates, other_lang_query, read_form};
use crate::core::catalogue::{Catalogue, Lang};
use crate::core::estimate;
use crate::input::request::Checker;
use crate::report::chart::Chart;
use crate::report::{self, CalcReport, CalcView, html};
use crate::serve::error::not_found_message;
use crate::serve::form::{self, Form, FormError};
use crate::serve::{AppState, html_response};

/// A refusal as the page shows it: the field by the label its form gives
/// it (病床数, a cost item's name, a fact's text) and the sentence naming it
/// so; the query's own name where the form has no such field.
pub(in crate::serve) fn page_words(
    error: &FormError,
    catalogue: &Catalogue,
    lang: Lang,
) -> (String, String) {
    let field = error.field.as_str();
    let label = form::label(field, lang).map(str::to_string).or_else(|| {
        let (kind, id) = field.split_once(':')?;
        let named = match kind.trim().to_lowercase().as_str() {
            "item" => catalogue.items(),
            "fact" => catalogue.facts(),
            _ => return None,
        };
        named
            .into_iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(id.trim()))
            .map(|(_, text)| text.get(lang).to_string())
    });
    match label {
        Some(label) => {
            let message = error.message_as(&label, lang);
            (label, message)
        }
        None => (error.field.clone(), error.message.clone()),
    }
}

pub(in crate::serve) fn page_now(state: &AppState, query: Option<String>) -> Response {
    let raw = query.as_deref().unwrap_or("");
    let catalogue = &state.catalogue;
    let facts = catalogue.facts();
    let form = match read_form(query.as_deref()) {
        Ok(form) => form,
        Err(error) => {
            let lang = form::lang_of(raw);
            let other = other_lang_query(None, raw, lang);
            let state = html::FormState {
                pairs: &error.pairs,
                query: "",
                other_lang: &other,
                facts,
                items: catalogue.items(),
            };
            let (field, message) = page_words(&error, catalogue, lang);
            let answer = html::Answer::Refused {
                field: &field,
                message: &message,
            };
            return html_response(StatusCode::BAD_REQUEST, html::page(&answer, &state, lang));
        }
    };
    let lang = form.lang;
    let other = other_lang_query(Some(&form), raw, lang);
    let form_state = html::FormState {
        pairs: &form.pairs,
        query: raw,
        other_lang: &other,
        facts,
        items: catalogue.items(),
    };
    if form.request.facility.is_none() {
        return html_response(
            StatusCode::OK,
            html::page(&html::Answer::Nothing, &form_state, lang),
        );
    }
    let checker = Checker::new(catalogue);
    let as_of = form.as_of.unwrap_or_else(state.today);
    let (estimates, query) = match estimates(&checker, &form, as_of) {
        Ok(found) => found,
        Err(error) => {
            let (field, message) = page_words(&error, catalogue, lang);
            let answer = html::Answer::Refused {
                field: &field,
                message: &message,
            };
            return html_response(
                StatusCode::BAD_REQUEST,
                html::page(&answer, &form_state, lang),
            );
        }
    };
    let stacks = estimate::stacks(&estimates);
    let report = CalcReport::new(&estimates, &stacks, CalcView::default());
    // The chart asked for (none if it cannot be drawn), else the headline's.
    let chart = report
        .chart(form.chart.as_deref().unwrap_or(""))
        .and_then(|e| Chart::of(e, &query, lang));
    // The plan as `plan` makes it (coupons checked against every program).
    let plan = checker
        .plan_query(&form.request, as_of)
        .map(|query| crate::core::plan::plan(catalogue, &query).entries)
        .unwrap_or_default();
    let results = html::Results {
        report: &report,
        query: &query,
        chart,
        explain: form.explain,
        named: !form.request.programs.is_empty(),
        plan: &plan,
    };
    html_response(
        StatusCode::OK,
        html::page(&html::Answer::Results(results), &form_state, lang),
    )
}

pub(in crate::serve) fn program_page_now(
    state: &AppState,
    id: String,
    query: Option<String>,
) -> Response {
    let raw = query.as_deref().unwrap_or("");
    let lang = form::lang_of(raw);
    // The form travels with the page (the way back keeps it); its date judges the window.
    let as_of = Form::parse(raw)
        .ok()
        .and_then(|form| form.as_of)
        .unwrap_or_else(state.today);
    let other = other_lang_query(None, raw, lang);
    // As `show` finds it: a program named without a rate table by its id,
    // else a program by its id or a part of its Japanese name.
    if let Some(entry) = state.catalogue.discovery().iter().find(|d| d.id == id) {
        let shown = report::show_discovery_text(entry, lang, report::layout::Screen::PLAIN);
        return html_response(
            StatusCode::OK,
            html::program_page(&entry.name, &entry.id, None, &shown, raw, &other, lang),
        );
    }
    match Checker::new(&state.catalogue).program("id", &id) {
        Ok(program) => {
            let shown =
                report::show_text(program, as_of, lang, report::layout::Screen::PLAIN, None);
            html_response(
                StatusCode::OK,
                html::program_page(
                    &program.name,
                    &program.id,
                    Some(program),
                    &shown,
                    raw,
                    &other,
                    lang,
                ),
            )
        }
        Err(e) => not_found_message(&e.message(lang, "id"), lang),
    }
}
