//! `subsidy serve`: the web page for the office and the JSON API (issue 15).
//!
//! A front end that only translates, as the CLI does: a query string is read
//! as a batch row ([`form`]), the core computes, and the CLI's renderers
//! write the answer (the same JSON as `calc --format json`, one serializer).
//! One process, no database, no state between requests.

pub mod form;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::NaiveDate;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::core::catalogue::{Catalogue, Lang, Program};
use crate::core::estimate::{self, Estimate, Query};
use crate::i18n::{self, Key};
use crate::input::request::{Checker, InputError};
use crate::report::chart::Chart;
use crate::report::{self, CalcReport, CalcView, html};
use form::{Form, FormError};

/// At most this many requests are computed at once; more wait their turn.
pub const MAX_CONCURRENT: usize = 64;

/// A request not answered in this time (its wait for a turn included) is
/// answered 503, saying so.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// After SIGINT or SIGTERM, requests in flight get this long to finish.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// The Content-Security-Policy of every response: nothing from elsewhere, no script.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// What every handler shares: the catalogue, read once.
#[derive(Clone)]
pub struct AppState {
    catalogue: Arc<Catalogue>,
    /// One permit per request being computed ([`MAX_CONCURRENT`]).
    permits: Arc<tokio::sync::Semaphore>,
    /// Today, for requests without `as_of` (a function, so tests can pin it).
    today: fn() -> NaiveDate,
}

impl AppState {
    pub fn new(catalogue: Catalogue) -> AppState {
        AppState::with_today(catalogue, || chrono::Local::now().date_naive())
    }

    /// With `today` for requests without `as_of` (tests pin it).
    pub fn with_today(catalogue: Catalogue, today: fn() -> NaiveDate) -> AppState {
        AppState {
            catalogue: Arc::new(catalogue),
            permits: Arc::new(tokio::sync::Semaphore::new(MAX_CONCURRENT)),
            today,
        }
    }
}

/// Every route, with the limits and, on every response (errors too), the
/// security headers.
pub fn router(state: AppState) -> Router {
    let header = |name: &'static str, value: &'static str| {
        SetResponseHeaderLayer::overriding(
            header::HeaderName::from_static(name),
            HeaderValue::from_static(value),
        )
    };
    Router::new()
        .route("/", by_query(false, page_now))
        .route(
            "/programs/{id}",
            by_id(false, "/programs/", program_page_now),
        )
        .route("/plan.ics", by_query(true, plan_ics_now))
        .route("/chart.svg", by_query(true, chart_svg_now))
        .route("/assets/style.css", get(style))
        .route("/api/v1/calc", by_query(true, api_calc_now))
        .route("/api/v1/plan", by_query(true, api_plan_now))
        .route("/api/v1/programs", by_query(true, api_programs_now))
        .route(
            "/api/v1/programs/{id}",
            by_id(true, "/api/v1/programs/", api_program_now),
        )
        .route("/api/v1/openapi.json", get(openapi))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
        // The last layer is the outermost: the headers go on every
        // response, the body limit's 413 included.
        .layer(tower_http::limit::RequestBodyLimitLayer::new(16 * 1024))
        .layer(header("content-security-policy", CSP))
        .layer(header("x-content-type-options", "nosniff"))
        .layer(header("referrer-policy", "no-referrer"))
        .layer(header("x-frame-options", "DENY"))
        .layer(header("cross-origin-resource-policy", "same-origin"))
}

/// Serves until SIGINT or SIGTERM, then finishes the requests in flight.
pub fn run(
    addr: SocketAddr,
    catalogue: Catalogue,
    lang: Lang,
    announce: impl FnOnce(&str),
) -> Result<(), String> {
    // The computing is CPU work: as many threads for it as cores, so that
    // memory stays flat (a thread per waiting request would grow it).
    let cores = std::thread::available_parallelism().map_or(2, usize::from);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(cores.max(2))
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| {
            i18n::text(
                lang,
                Key::ServeCannotListen,
                &[("addr", &addr), ("reason", &i18n::io_reason(lang, &e))],
            )
        })?;
        let bound = listener.local_addr().unwrap_or(addr);
        announce(&i18n::text(lang, Key::ServeListening, &[("addr", &bound)]));
        // On a signal, stop accepting and let requests in flight finish;
        // after SHUTDOWN_GRACE, stop anyway (a client that holds a
        // connection open cannot keep the server up).
        let (stop, mut stopped) = tokio::sync::watch::channel(false);
        let server = axum::serve(listener, router(AppState::new(catalogue)))
            .with_graceful_shutdown(async move {
                let _ = stopped.changed().await;
            });
        tokio::select! {
            served = server => served.map_err(|e| i18n::io_reason(lang, &e)),
            () = async {
                shutdown().await;
                let _ = stop.send(true);
                tokio::time::sleep(SHUTDOWN_GRACE).await;
            } => Ok(()),
        }
    })
}

/// SIGINT (Ctrl+C) or SIGTERM.
async fn shutdown() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}

/// Runs `work` off the async threads, at most [`MAX_CONCURRENT`] at once,
/// each within [`REQUEST_TIMEOUT`] (waiting for its turn included): busy or
/// late, the answer says so in the user's language (JSON for `api`).
async fn guarded(
    state: AppState,
    lang: Lang,
    api: bool,
    work: impl FnOnce(&AppState) -> Response + Send + 'static,
) -> Response {
    let deadline = tokio::time::Instant::now() + REQUEST_TIMEOUT;
    let permit =
        match tokio::time::timeout_at(deadline, state.permits.clone().acquire_owned()).await {
            Ok(Ok(permit)) => permit,
            _ => return failure(StatusCode::SERVICE_UNAVAILABLE, lang, api, Key::ServeBusy),
        };
    let task = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        work(&state)
    });
    match tokio::time::timeout_at(deadline, task).await {
        Ok(Ok(response)) => response,
        // A panic in the work: a fault of ours, said as one, never a hang.
        Ok(Err(_)) => failure(
            StatusCode::INTERNAL_SERVER_ERROR,
            lang,
            api,
            Key::ServeInternal,
        ),
        Err(_) => failure(
            StatusCode::SERVICE_UNAVAILABLE,
            lang,
            api,
            Key::ServeTimeout,
        ),
    }
}

/// A request the server could not answer: why, as JSON or as the page.
fn failure(status: StatusCode, lang: Lang, api: bool, key: Key) -> Response {
    let error = FormError::whole("request", "", i18n::text(lang, key, &[]));
    if api {
        return json_error(status, &error);
    }
    let other = other_lang_query(None, "", lang);
    let form = html::FormState::empty(&other);
    let answer = html::Answer::Refused {
        field: "request",
        message: &error.message,
    };
    html_response(status, html::page(&answer, &form, lang))
}

/// A route of one program, `/…/{id}`: `work`, [`guarded`]. An id that is
/// not UTF-8 (`%FF`) is one no program has.
fn by_id(
    api: bool,
    base: &'static str,
    work: fn(&AppState, String, Option<String>) -> Response,
) -> axum::routing::MethodRouter<AppState> {
    get(
        move |State(state): State<AppState>,
              id: Result<Path<String>, axum::extract::rejection::PathRejection>,
              RawQuery(query): RawQuery| async move {
            let Ok(Path(id)) = id else {
                return not_found(axum::http::Uri::from_static(base)).await;
            };
            let lang = form::lang_of(query.as_deref().unwrap_or(""));
            guarded(state, lang, api, move |state| work(state, id, query)).await
        },
    )
}

/// A route that reads only its query string: `work`, [`guarded`]; `api`
/// for a machine's answer (JSON errors).
fn by_query(
    api: bool,
    work: fn(&AppState, Option<String>) -> Response,
) -> axum::routing::MethodRouter<AppState> {
    get(
        move |State(state): State<AppState>, RawQuery(query): RawQuery| async move {
            let lang = form::lang_of(query.as_deref().unwrap_or(""));
            guarded(state, lang, api, move |state| work(state, query)).await
        },
    )
}

/// The form of a request, or the refusal to send back.
fn read_form(query: Option<&str>) -> Result<Form, FormError> {
    Form::parse(query.unwrap_or(""))
}

fn refused(lang: Lang) -> impl Fn(InputError) -> FormError {
    move |e| FormError::input(&e, lang, Vec::new())
}

/// A refusal as the page shows it: the field by the label its form gives
/// it (病床数, a cost item's name, a fact's text) and the sentence naming it
/// so; the query's own name where the form has no such field.
fn page_words(error: &FormError, catalogue: &Catalogue, lang: Lang) -> (String, String) {
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

/// `calc`'s estimates for a form, and the query as checked.
fn estimates<'c>(
    checker: &Checker<'c>,
    form: &Form,
    as_of: NaiveDate,
) -> Result<(Vec<Estimate<'c>>, Query), FormError> {
    let estimates = checker
        .estimates(&form.request, as_of, true)
        .map_err(refused(form.lang))?;
    let mut query = checker
        .profile(&form.request, as_of)
        .map_err(refused(form.lang))?;
    query.cost = form.request.cost;
    query.coupon_costs.clone_from(&form.request.coupon_costs);
    Ok((estimates, query))
}

fn html_response(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

fn json_response(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body,
    )
        .into_response()
}

/// `{"error": {"field": …, "value": …, "message": …}}`.
fn json_error(status: StatusCode, error: &FormError) -> Response {
    let body = serde_json::json!({
        "error": { "field": error.field, "value": error.value, "message": error.message }
    });
    json_response(status, format!("{body:#}\n"))
}

/// The query with `lang` switched, for the page's language link.
fn other_lang_query(form: Option<&Form>, query: &str, lang: Lang) -> String {
    let other = match lang {
        Lang::Ja => "en",
        Lang::En => "ja",
    };
    match form {
        Some(form) => form.with("lang", other),
        None => {
            let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect();
            html::query_with(&pairs, "lang", other)
        }
    }
}

fn page_now(state: &AppState, query: Option<String>) -> Response {
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

fn program_page_now(state: &AppState, id: String, query: Option<String>) -> Response {
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

/// The page's chart alone, as an SVG image (`chart=ID` picks the program).
fn chart_svg_now(state: &AppState, query: Option<String>) -> Response {
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
fn plan_ics_now(state: &AppState, query: Option<String>) -> Response {
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

async fn style() -> Response {
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

fn api_calc_now(state: &AppState, query: Option<String>) -> Response {
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

fn api_plan_now(state: &AppState, query: Option<String>) -> Response {
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

fn api_programs_now(state: &AppState, query: Option<String>) -> Response {
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

fn api_program_now(state: &AppState, id: String, query: Option<String>) -> Response {
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
async fn openapi() -> Response {
    json_response(StatusCode::OK, OPENAPI.to_string())
}

const OPENAPI: &str = include_str!("openapi.json");

/// Only GET is served: anything else is told so, in the user's language.
async fn method_not_allowed(uri: axum::http::Uri) -> Response {
    let lang = form::lang_of(uri.query().unwrap_or(""));
    failure(
        StatusCode::METHOD_NOT_ALLOWED,
        lang,
        uri.path().starts_with("/api/"),
        Key::ServeGetOnly,
    )
}

async fn not_found(uri: axum::http::Uri) -> Response {
    let lang = form::lang_of(uri.query().unwrap_or(""));
    if uri.path().starts_with("/api/") {
        let error = FormError::whole(
            "path",
            uri.path(),
            i18n::text(lang, Key::ServeNotFound, &[("path", &uri.path())]),
        );
        return json_error(StatusCode::NOT_FOUND, &error);
    }
    not_found_page(uri.path(), lang)
}

fn not_found_page(path: &str, lang: Lang) -> Response {
    not_found_message(
        &i18n::text(lang, Key::ServeNotFound, &[("path", &path)]),
        lang,
    )
}

fn not_found_message(message: &str, lang: Lang) -> Response {
    let other = other_lang_query(None, "", lang);
    let form = html::FormState::empty(&other);
    let answer = html::Answer::Refused {
        field: "path",
        message,
    };
    html_response(StatusCode::NOT_FOUND, html::page(&answer, &form, lang))
}
