//! The pages for people: the form with its answer, and a program's page.

use std::sync::Arc;

use axum::http::StatusCode;

use super::Asked;
use crate::core::estimate;
use crate::report::chart::Chart;
use crate::report::layout::Screen;
use crate::report::{self, CalcReport, CalcView, html};
use crate::serve::error::{ApiError, Refill, Reply};
use crate::serve::form::{self, Form, FormError};
use crate::serve::{AppState, html_response};

/// The page: the form, and once a facility is given, the answer as `calc`
/// and `plan` give it, answer first. A refusal is said above the form,
/// filled in again as given.
pub(in crate::serve) fn answer(state: &AppState, query: Option<String>) -> Reply {
    let raw = query.as_deref().unwrap_or("");
    let catalogue = &state.catalogue;
    // Refused, the form is filled in again as given: its pairs as read
    // (those the error kept where it could not be read), its links keeping
    // the query only where it was read.
    let refused = |error: FormError, lang, form: Option<&Form>| {
        let refill = Refill {
            catalogue: Arc::clone(catalogue),
            pairs: form.map_or_else(|| error.pairs.clone(), |form| form.pairs.clone()),
            query: form.map_or("", |_| raw).to_string(),
            other_lang: form::other_lang(form, raw, lang),
        };
        ApiError::form(error, lang, refill)
    };
    let asked = Asked::read(state, Some(raw)).map_err(|e| refused(e, form::lang_of(raw), None))?;
    let form = &asked.form;
    let lang = form.lang;
    let other = form::other_lang(Some(form), raw, lang);
    let form_state = html::FormState {
        pairs: &form.pairs,
        query: raw,
        other_lang: &other,
        facts: catalogue.facts(),
        items: catalogue.items(),
    };
    if form.request.facility.is_none() {
        let page = html::page(&html::Answer::Nothing, &form_state, lang);
        return Ok(html_response(StatusCode::OK, page));
    }
    let (estimates, query) = asked
        .estimates()
        .map_err(|e| refused(e, lang, Some(form)))?;
    let stacks = estimate::stacks(&estimates);
    let report = CalcReport::new(&estimates, &stacks, &query, CalcView::default());
    // The chart asked for (none if it cannot be drawn), else the headline's.
    let chart = report
        .chart(form.chart.as_deref().unwrap_or(""))
        .and_then(|e| Chart::of(e, &query, lang));
    // The plan as `plan` makes it (coupons checked against every program).
    let plan = asked
        .plan_query()
        .map(|query| crate::core::plan::plan(catalogue, &query).entries)
        .unwrap_or_default();
    let results = html::Results {
        report: &report,
        query: &query,
        age: catalogue.receipt().age(query.as_of),
        chart,
        explain: form.explain,
        named: !form.request.programs.is_empty(),
        plan: &plan,
    };
    let page = html::page(&html::Answer::Results(results), &form_state, lang);
    Ok(html_response(StatusCode::OK, page))
}

/// A program's page: everything `show` prints, its links, and the way back
/// to the estimate (the form travels with the page; its date judges the
/// window, and a form that cannot be read is no reason to refuse).
pub(in crate::serve) fn program(state: &AppState, id: String, query: Option<String>) -> Reply {
    let raw = query.as_deref().unwrap_or("");
    let lang = form::lang_of(raw);
    let as_of = Form::parse(raw)
        .ok()
        .and_then(|form| form.as_of)
        .unwrap_or_else(state.today);
    let other = form::other_lang(None, raw, lang);
    // As `show` finds it: a program named without a rate table by its id,
    // else a program by its id or a part of its Japanese name.
    if let Some(entry) = state.catalogue.discovery().iter().find(|d| d.id == id) {
        let age = state.catalogue.receipt().age(as_of);
        let shown = report::show_discovery_text(entry, age.as_ref(), lang, Screen::PLAIN);
        let page = html::program_page(&entry.name, &entry.id, None, &shown, raw, &other, lang);
        return Ok(html_response(StatusCode::OK, page));
    }
    let program = crate::input::request::Checker::new(&state.catalogue)
        .program(crate::input::request::Field::ProgramId, &id)
        .map_err(|e| {
            let error = FormError::whole("path", "", e.message(lang, &crate::serve::form::FIELDS));
            ApiError::page(StatusCode::NOT_FOUND, error, lang)
        })?;
    let age = state.catalogue.receipt().age(as_of);
    let shown = report::show_text(program, as_of, age.as_ref(), lang, Screen::PLAIN, None);
    let page = html::program_page(
        &program.name,
        &program.id,
        Some(program),
        &shown,
        raw,
        &other,
        lang,
    );
    Ok(html_response(StatusCode::OK, page))
}
