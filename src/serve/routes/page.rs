//! The pages for people: the form with its answer, the guided form
//! (`/ask`) a step at a time, and a program's page.

use std::sync::Arc;

use axum::http::StatusCode;

use super::Asked;
use crate::core::estimate;
use crate::input::guide::{Guide, Topic};
use crate::report::chart::Chart;
use crate::report::layout::Screen;
use crate::report::{self, CalcReport, CalcView, html};
use crate::serve::error::{ApiError, Refill, Reply, page_words};
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

/// The guided form (`/ask`): step 1 asks the kind of facility, its beds
/// and the cost; step 2 the answer so far and, under it, only the
/// questions that change it ([`Guide::pending`]), the largest yen at stake
/// first; once none is left, the answer alone. Every step is a GET whose
/// query carries what was said, and which questions were put (`asked`,
/// answered or left unknown), so a step can be bookmarked and each is
/// worked out afresh. A refusal is said above step 1, the rest carried.
pub(in crate::serve) fn guided(state: &AppState, query: Option<String>) -> Reply {
    let raw = query.as_deref().unwrap_or("");
    let catalogue = &state.catalogue;
    let refused_page = |error: &FormError, lang, pairs: &[(String, String)]| {
        let (label, message) = page_words(error, catalogue, lang);
        let other = form::other_lang(None, raw, lang);
        let page = html::guided_page(
            &html::Guided {
                answer: None,
                refused: Some((&label, &error.field, &message)),
                pairs,
                other_lang: &other,
                age: None,
            },
            lang,
        );
        Ok(html_response(StatusCode::BAD_REQUEST, page))
    };
    let form = match Form::parse(raw) {
        Ok(form) => form,
        Err(error) => return refused_page(&error, form::lang_of(raw), &error.pairs),
    };
    let lang = form.lang;
    let other = form::other_lang(Some(&form), raw, lang);
    let step_one = |pairs: &[(String, String)]| {
        let page = html::guided_page(
            &html::Guided {
                answer: None,
                refused: None,
                pairs,
                other_lang: &other,
                age: None,
            },
            lang,
        );
        Ok(html_response(StatusCode::OK, page))
    };
    if form.request.facility.is_none() {
        return step_one(&form.pairs);
    }
    let as_of = form.as_of.unwrap_or_else(state.today);
    let mut guide = Guide::new(catalogue, form.request.clone(), as_of);
    // Step 1 always has the cost: left blank, it is not known.
    guide.mark_asked(Topic::Cost);
    for name in &form.asked {
        if let Some(topic) = Topic::named(name, catalogue) {
            guide.mark_asked(topic);
        }
    }
    let refused = |e: &crate::input::request::InputError| {
        refused_page(&FormError::input(e, lang, Vec::new()), lang, &form.pairs)
    };
    if let Some(missing) = guide.missing() {
        return refused(&missing);
    }
    let outcome = match guide.outcome() {
        Ok(outcome) => outcome,
        Err(e) => return refused(&e),
    };
    let questions = guide.pending();
    let answered = report::Answered::of(&outcome);
    let page = html::guided_page(
        &html::Guided {
            answer: Some((&answered, &questions)),
            refused: None,
            pairs: &form.pairs,
            other_lang: &other,
            age: catalogue.receipt().age(as_of),
        },
        lang,
    );
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
