//! `subsidy serve`: the web page for the office and the JSON API (issue 15).
//!
//! A front end that only translates, as the CLI does: a query string is read
//! as a batch row ([`form`]), the core computes, and the report layer's
//! renderers write the answer (the same JSON as `calc --format json`, one
//! serializer). One process, no database, no state between requests.
//!
//! Here: the state, the router and its limits; the handlers in `routes`
//! (`page`, `api`, `files`), each returning a `Reply` whose refusal, an
//! `ApiError` in `error`, says itself as JSON or as the page. Before the
//! routes, the `guard` (hosts, bodies, refused heads). The connections:
//! `server` (the accept loop and hyper), `conns` (the cap), `io` (each
//! head read and checked, `head`, and the timeouts).

mod conns;
mod error;
pub mod form;
mod guard;
pub mod head;
pub mod host;
mod io;
mod routes;
mod server;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::NaiveDate;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::core::catalogue::{Catalogue, Lang};
use crate::i18n::Key;
use error::{ApiError, Reply, method_not_allowed, not_found};
pub use guard::MAX_BODY;
use host::Hosts;
use routes::{api, files, page};
pub use server::{Limits, Options, run};

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
    /// The host names answered to; `None`: any (a router tested in process).
    hosts: Option<Arc<Hosts>>,
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
            hosts: None,
        }
    }

    /// Answering only to `hosts` (a request for another name is refused).
    pub fn with_hosts(mut self, hosts: Hosts) -> AppState {
        self.hosts = Some(Arc::new(hosts));
        self
    }
}

/// Every route, behind the guard, with the limits and, on every response
/// (errors too), the security headers and `Cache-Control: no-store` (an
/// answer is for one facility on one day; the style sheet says its own).
pub fn router(state: AppState) -> Router {
    let header = |name: &'static str, value: &'static str| {
        SetResponseHeaderLayer::overriding(
            header::HeaderName::from_static(name),
            HeaderValue::from_static(value),
        )
    };
    let routes = Router::new()
        .route("/", by_query(false, page::answer))
        .route("/ask", by_query(false, page::guided))
        .route("/programs/{id}", by_id(false, "/programs/", page::program))
        .route("/plan.ics", by_query(true, files::plan_ics))
        .route("/chart.svg", by_query(true, files::chart_svg))
        .route("/assets/style.css", get(files::style))
        .route("/api/v1/calc", by_query(true, api::calc))
        .route("/api/v1/plan", by_query(true, api::plan))
        .route("/api/v1/programs", by_query(true, api::programs))
        .route(
            "/api/v1/programs/{id}",
            by_id(true, "/api/v1/programs/", api::program),
        )
        .route("/api/v1/openapi.json", get(api::openapi))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state.clone());
    // The guard before the routing (a layer on `routes` would run per
    // route, after it); the last layer is the outermost: the headers go on
    // every response, the guard's refusals included.
    Router::new()
        .fallback_service(routes)
        .layer(axum::middleware::from_fn_with_state(state, guard::guard))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(header("content-security-policy", CSP))
        .layer(header("x-content-type-options", "nosniff"))
        .layer(header("referrer-policy", "no-referrer"))
        .layer(header("x-frame-options", "DENY"))
        .layer(header("cross-origin-resource-policy", "same-origin"))
}

/// Runs `work` off the async threads, at most [`MAX_CONCURRENT`] at once,
/// each within [`REQUEST_TIMEOUT`] (waiting for its turn included): busy or
/// late, the answer says so in the user's language (JSON for `api`).
async fn guarded(
    state: AppState,
    lang: Lang,
    api: bool,
    work: impl FnOnce(&AppState) -> Reply + Send + 'static,
) -> Response {
    let failure = |status, key| ApiError::failure(status, lang, api, key).into_response();
    let deadline = tokio::time::Instant::now() + REQUEST_TIMEOUT;
    let permit =
        match tokio::time::timeout_at(deadline, state.permits.clone().acquire_owned()).await {
            Ok(Ok(permit)) => permit,
            _ => return failure(StatusCode::SERVICE_UNAVAILABLE, Key::ServeBusy),
        };
    let task = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        work(&state).into_response()
    });
    match tokio::time::timeout_at(deadline, task).await {
        Ok(Ok(response)) => response,
        // A panic in the work: a fault of ours, said as one, never a hang.
        Ok(Err(_)) => failure(StatusCode::INTERNAL_SERVER_ERROR, Key::ServeInternal),
        Err(_) => failure(StatusCode::SERVICE_UNAVAILABLE, Key::ServeTimeout),
    }
}

/// A route of one program, `/…/{id}`: `work`, [`guarded`]. An id that is
/// not UTF-8 (`%FF`) is one no program has.
fn by_id(
    api: bool,
    base: &'static str,
    work: fn(&AppState, String, Option<String>) -> Reply,
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
    work: fn(&AppState, Option<String>) -> Reply,
) -> axum::routing::MethodRouter<AppState> {
    get(
        move |State(state): State<AppState>, RawQuery(query): RawQuery| async move {
            let lang = form::lang_of(query.as_deref().unwrap_or(""));
            guarded(state, lang, api, move |state| work(state, query)).await
        },
    )
}

pub(in crate::serve) fn html_response(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

pub(in crate::serve) fn json_response(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body,
    )
        .into_response()
}
