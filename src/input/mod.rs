//! What people type, read one way everywhere: values ([`parse`]), the
//! columns, keys and fields and how each is read ([`fields`]), a request
//! checked into a query ([`request`]), facility profiles ([`profile`]), and
//! how a value is quoted back ([`text`]), and the guided mode's
//! questions one at a time ([`guide`]).

pub mod fields;
pub mod guide;
pub mod parse;
pub mod profile;
pub mod request;
pub mod spelling;
pub mod text;
