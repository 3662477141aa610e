//! What people type, read one way everywhere: values ([`parse`]), a request
//! checked into a query ([`request`]), facility profiles ([`profile`]), and
//! how a value is quoted back ([`text`]).

pub mod parse;
pub mod profile;
pub mod request;
pub mod text;
