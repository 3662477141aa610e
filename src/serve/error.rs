//! Why a request is not answered, as JSON for a machine or as the page.

use axum::http::StatusCode;
use axum::response::Response;

use super::form::{self, FormError};
use super::routes::other_lang_query;
use super::{html_response, json_response};
use crate::core::catalogue::Lang;
use crate::i18n::{self, Key};
use crate::report::html;

/// A request the server could not answer: why, as JSON or as the page.
pub(in crate::serve) fn failure(status: StatusCode, lang: Lang, api: bool, key: Key) -> Response {
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

/// `{"error": {"field": …, "value": …, "message": …}}`.
pub(in crate::serve) fn json_error(status: StatusCode, error: &FormError) -> Response {
    let body = serde_json::json!({
        "error": { "field": error.field, "value": error.value, "message": error.message }
    });
    json_response(status, format!("{body:#}\n"))
}

/// Only GET is served: anything else is told so, in the user's language.
pub(in crate::serve) async fn method_not_allowed(uri: axum::http::Uri) -> Response {
    let lang = form::lang_of(uri.query().unwrap_or(""));
    failure(
        StatusCode::METHOD_NOT_ALLOWED,
        lang,
        uri.path().starts_with("/api/"),
        Key::ServeGetOnly,
    )
}

pub(in crate::serve) async fn not_found(uri: axum::http::Uri) -> Response {
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

pub(in crate::serve) fn not_found_page(path: &str, lang: Lang) -> Response {
    not_found_message(
        &i18n::text(lang, Key::ServeNotFound, &[("path", &path)]),
        lang,
    )
}

pub(in crate::serve) fn not_found_message(message: &str, lang: Lang) -> Response {
    let other = other_lang_query(None, "", lang);
    let form = html::FormState::empty(&other);
    let answer = html::Answer::Refused {
        field: "path",
        message,
    };
    html_response(StatusCode::NOT_FOUND, html::page(&answer, &form, lang))
}
