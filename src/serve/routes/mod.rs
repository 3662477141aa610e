//! The routes, each a function from the state and the request to a
//! [`Reply`](super::error::Reply): the pages for people ([`page`]), the JSON
//! API ([`api`]) and the files ([`files`]: the chart, the calendar, the
//! style sheet).

pub mod api;
pub mod files;
pub mod page;

use chrono::NaiveDate;

use super::AppState;
use super::form::{Form, FormError};
use crate::core::estimate::{Estimate, Query};
use crate::input::request::{Checker, InputError};

/// A request's form, read, with what every route that computes starts
/// from: the day it is judged on and the checker over the catalogue.
pub(in crate::serve) struct Asked<'s> {
    pub form: Form,
    /// The form's `as_of`, else today.
    pub as_of: NaiveDate,
    pub checker: Checker<'s>,
}

impl<'s> Asked<'s> {
    /// The form of `query`, or the refusal to send back.
    pub fn read(state: &'s AppState, query: Option<&str>) -> Result<Asked<'s>, FormError> {
        let form = Form::parse(query.unwrap_or(""))?;
        Ok(Asked {
            as_of: form.as_of.unwrap_or_else(state.today),
            checker: Checker::new(&state.catalogue),
            form,
        })
    }

    /// `calc`'s estimates for the form, and the query as checked (with the
    /// cost and coupon prices the header names).
    pub fn estimates(&self) -> Result<(Vec<Estimate<'s>>, Query), FormError> {
        let request = &self.form.request;
        self.checker
            .estimates_and_query(request, self.as_of, true)
            .map_err(|e| self.refused(&e))
    }

    /// `plan`'s query for the form (coupons checked against every program).
    pub fn plan_query(&self) -> Result<Query, FormError> {
        self.checker
            .plan_query(&self.form.request, self.as_of)
            .map_err(|e| self.refused(&e))
    }

    /// An input the core refused, in the form's language.
    pub fn refused(&self, e: &InputError) -> FormError {
        FormError::input(e, self.form.lang, Vec::new())
    }
}
