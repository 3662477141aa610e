//! Why a request is not answered, in one type: each handler returns a
//! [`Reply`] and refuses with `?` (axum's error-handling example), and the
//! [`ApiError`] says it the way the route speaks: JSON to a machine (the
//! API, the chart, the calendar), the page to a person.

use std::sync::Arc;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::form::{self, FormError};
use super::{html_response, json_response};
use crate::core::catalogue::{Catalogue, Lang};
use crate::i18n::{self, Key};
use crate::report::html;

/// What a handler answers: the response, or why not.
pub(in crate::serve) type Reply = Result<Response, ApiError>;

/// A request refused or not answered: the status, why (the field, the
/// value and the sentence, in the user's language), and to whom.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    /// Boxed: handlers return it in a `Result`, which stays small.
    error: Box<FormError>,
    to: To,
}

/// How a refusal is said.
#[derive(Debug)]
enum To {
    /// `{"error": {"field": …, "value": …, "message": …}}`.
    Json,
    /// The page saying why, above an empty form.
    Page(Lang),
    /// The page saying why, above the form filled in again as given, the
    /// field named by the label the form gives it (病床数, not `beds`).
    Form(Lang, Box<Refill>),
}

/// The form of a refused page, to fill in again.
#[derive(Debug)]
pub(in crate::serve) struct Refill {
    /// For the facts and cost items the form asks, and their labels.
    pub catalogue: Arc<Catalogue>,
    pub pairs: Vec<(String, String)>,
    /// The query string as given, for links that keep the form (empty
    /// where it could not be read).
    pub query: String,
    /// The query with `lang` switched, for the language link.
    pub other_lang: String,
}

impl ApiError {
    /// `error` said to a machine, as JSON with `status`.
    pub(in crate::serve) fn json(status: StatusCode, error: FormError) -> ApiError {
        ApiError {
            status,
            error: Box::new(error),
            to: To::Json,
        }
    }

    /// `error` said on the page, above an empty form.
    pub(in crate::serve) fn page(status: StatusCode, error: FormError, lang: Lang) -> ApiError {
        ApiError {
            status,
            error: Box::new(error),
            to: To::Page(lang),
        }
    }

    /// The form refused (400): `error` said on the page, above the form as given.
    pub(in crate::serve) fn form(error: FormError, lang: Lang, refill: Refill) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            error: Box::new(error),
            to: To::Form(lang, Box::new(refill)),
        }
    }

    /// A request the server could not answer (busy, late, a fault of
    /// ours, not a GET): why, as JSON for `api`, else as the page.
    pub(in crate::serve) fn failure(
        status: StatusCode,
        lang: Lang,
        api: bool,
        key: Key,
    ) -> ApiError {
        let error = FormError::whole("request", "", i18n::text(lang, key, &[]));
        match api {
            true => ApiError::json(status, error),
            false => ApiError::page(status, error, lang),
        }
    }

    /// Nothing is at `path` (404).
    pub(in crate::serve) fn not_found(path: &str, lang: Lang, api: bool) -> ApiError {
        let message = i18n::text(lang, Key::ServeNotFound, &[("path", &path)]);
        match api {
            true => ApiError::json(
                StatusCode::NOT_FOUND,
                FormError::whole("path", path, message),
            ),
            false => ApiError::page(
                StatusCode::NOT_FOUND,
                FormError::whole("path", "", message),
                lang,
            ),
        }
    }
}

/// A form that cannot be read, or that the core refused, told to a machine (400).
impl From<FormError> for ApiError {
    fn from(error: FormError) -> ApiError {
        ApiError::json(StatusCode::BAD_REQUEST, error)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let ApiError { status, error, to } = self;
        let (lang, refill) = match to {
            To::Json => {
                let body = serde_json::json!({
                    "error": { "field": error.field, "value": error.value, "message": error.message }
                });
                return json_response(status, format!("{body:#}\n"));
            }
            To::Page(lang) => (lang, None),
            To::Form(lang, refill) => (lang, Some(refill)),
        };
        let other = form::other_lang(None, "", lang);
        let (state, (field, message)) = match &refill {
            None => (
                html::FormState::empty(&other),
                (error.field.clone(), error.message.clone()),
            ),
            Some(refill) => (
                html::FormState {
                    pairs: &refill.pairs,
                    query: &refill.query,
                    other_lang: &refill.other_lang,
                    facts: refill.catalogue.facts(),
                    items: refill.catalogue.items(),
                },
                page_words(&error, &refill.catalogue, lang),
            ),
        };
        let answer = html::Answer::Refused {
            field: &field,
            message: &message,
        };
        html_response(status, html::page(&answer, &state, lang))
    }
}

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

/// Only GET is served: anything else is told so, in the user's language.
pub(in crate::serve) async fn method_not_allowed(uri: axum::http::Uri) -> Response {
    let lang = form::lang_of(uri.query().unwrap_or(""));
    let api = uri.path().starts_with("/api/");
    ApiError::failure(StatusCode::METHOD_NOT_ALLOWED, lang, api, Key::ServeGetOnly).into_response()
}

/// No route: 404, as JSON under `/api/`.
pub(in crate::serve) async fn not_found(uri: axum::http::Uri) -> Response {
    let lang = form::lang_of(uri.query().unwrap_or(""));
    ApiError::not_found(uri.path(), lang, uri.path().starts_with("/api/")).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The body of `response`, as text.
    fn body(response: Response) -> String {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let bytes = runtime
            .block_on(axum::body::to_bytes(response.into_body(), usize::MAX))
            .unwrap();
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    fn content_type(response: &Response) -> &str {
        response.headers()[axum::http::header::CONTENT_TYPE]
            .to_str()
            .unwrap()
    }

    /// Busy, late or at fault, a machine is told in JSON and a person on the page.
    #[test]
    fn a_failure_is_json_for_a_machine_and_the_page_for_a_person() {
        let busy = i18n::text(Lang::En, Key::ServeBusy, &[]);
        let status = StatusCode::SERVICE_UNAVAILABLE;
        let json = ApiError::failure(status, Lang::En, true, Key::ServeBusy).into_response();
        assert_eq!(json.status(), status);
        assert_eq!(content_type(&json), "application/json; charset=utf-8");
        let value: serde_json::Value = serde_json::from_str(&body(json)).unwrap();
        assert_eq!(value["error"]["field"], "request");
        assert_eq!(value["error"]["value"], "");
        assert_eq!(value["error"]["message"], busy.as_str());

        let page = ApiError::failure(status, Lang::En, false, Key::ServeBusy).into_response();
        assert_eq!(page.status(), status);
        assert_eq!(content_type(&page), "text/html; charset=utf-8");
        let page = body(page);
        assert!(page.contains(&format!("<p>{busy}</p>")), "{page}");
        assert!(page.contains(r#"<html lang="en">"#), "{page}");
    }
}
