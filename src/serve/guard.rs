//! Before any route: a head the socket refused (its stand-in), a host not
//! answered to, a body too long. Each is refused as every other request is
//! (JSON under `/api/`, the page elsewhere, in the query's language), inside
//! the layers that put the security headers on every response.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::AppState;
use super::error::ApiError;
use super::form::{self, FormError};
use super::head::{self, HeadRefused};
use super::host::HostRefused;
use crate::core::catalogue::Lang;
use crate::i18n::{self, Key};

/// The most bytes of a request's body: the routes take none (GET only).
pub const MAX_BODY: u64 = 16 * 1024;

/// The guard: refuses what no route should see, and closes the connection
/// after a request that carried a body (it is not read, so the connection
/// cannot carry another).
pub(in crate::serve) async fn guard(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let lang = form::lang_of(request.uri().query().unwrap_or(""));
    let api = request.uri().path().starts_with("/api/");
    if let Some(refused) = request.extensions().get::<HeadRefused>() {
        return head_refused(*refused);
    }
    if let Some(hosts) = &state.hosts
        && let Err(why) = hosts.admits(request.version(), request.uri(), request.headers())
    {
        // 400 without a Host or with two; 421 (not this server's name) for one not answered to.
        let (status, value, message) = match why {
            HostRefused::Missing => {
                let message = i18n::text(lang, Key::ServeNoHost, &[]);
                (StatusCode::BAD_REQUEST, String::new(), message)
            }
            HostRefused::Twice => {
                let message = i18n::text(lang, Key::ServeHostTwice, &[]);
                (StatusCode::BAD_REQUEST, String::new(), message)
            }
            HostRefused::NotServed(host) => {
                let shown = crate::input::text::shown(&host).into_owned();
                let names = hosts.names();
                let message = i18n::text(
                    lang,
                    Key::ServeHostNotServed,
                    &[("host", &shown), ("names", &names)],
                );
                (StatusCode::MISDIRECTED_REQUEST, shown, message)
            }
        };
        return refusal(status, FormError::whole("host", &value, message), lang, api);
    }
    let length = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if length.is_some_and(|length| length > MAX_BODY) {
        let message = i18n::text(lang, Key::ServeBodyTooLarge, &[("max", &MAX_BODY)]);
        let error = FormError::whole("body", "", message);
        return close(refusal(StatusCode::PAYLOAD_TOO_LARGE, error, lang, api));
    }
    let body = length.is_some_and(|length| length > 0)
        || request.headers().contains_key(header::TRANSFER_ENCODING);
    let response = next.run(request).await;
    match body {
        true => close(response),
        false => response,
    }
}

/// The answer to a head the socket refused (too long, too many lines, not HTTP).
fn head_refused(refused: HeadRefused) -> Response {
    let HeadRefused { status, api, lang } = refused;
    let message = match status {
        StatusCode::URI_TOO_LONG => i18n::text(
            lang,
            Key::ServeRequestLineTooLong,
            &[("max", &head::MAX_REQUEST_LINE)],
        ),
        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE => i18n::text(
            lang,
            Key::ServeHeadersTooLarge,
            &[
                ("max", &head::MAX_HEADER_BYTES),
                ("lines", &head::MAX_HEADERS),
            ],
        ),
        _ => i18n::text(lang, Key::ServeBadRequest, &[]),
    };
    let error = FormError::whole("request", "", message);
    close(refusal(status, error, lang, api))
}

fn refusal(status: StatusCode, error: FormError, lang: Lang, api: bool) -> Response {
    match api {
        true => ApiError::json(status, error),
        false => ApiError::page(status, error, lang),
    }
    .into_response()
}

/// `response`, after which the connection closes.
fn close(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}
