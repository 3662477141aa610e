//! The routes: the page and a program's page, the JSON API, and the files (SVG, calendar, style sheet).

pub mod api;
pub mod files;
pub mod page;

use chrono::NaiveDate;

use super::form::{Form, FormError};
use crate::core::catalogue::Lang;
use crate::core::estimate::{Estimate, Query};
use crate::input::request::{Checker, InputError};
use crate::report::html;

/// The form of a request, or the refusal to send back.
pub(in crate::serve) fn read_form(query: Option<&str>) -> Result<Form, FormError> {
    Form::parse(query.unwrap_or(""))
}

pub(in crate::serve) fn refused(lang: Lang) -> impl Fn(InputError) -> FormError {
    move |e| FormError::input(&e, lang, Vec::new())
}

/// `calc`'s estimates for a form, and the query as checked.
pub(in crate::serve) fn estimates<'c>(
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

/// The query with `lang` switched, for the page's language link.
pub(in crate::serve) fn other_lang_query(form: Option<&Form>, query: &str, lang: Lang) -> String {
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
