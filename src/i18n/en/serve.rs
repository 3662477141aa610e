//! The English sentences of `Serve`.

use crate::i18n::key::Serve;

/// The sentence for `key`.
pub(super) fn text(key: Serve) -> &'static str {
    match key {
        Serve::ServeGetOnly => "only GET is served here (the form is sent with GET)",
        Serve::ServeChartLink => "chart",
        Serve::ServeInternal => "an internal fault stopped the answer (please report this URL)",
        Serve::ServeMinWage => "Staff near the minimum wage",
        Serve::ServeSmallBusiness => "Small business",
        Serve::ServeMembers => "Group members",
        Serve::ServeFunctions => "Invoice functions",
        Serve::ServeProcesses => "Business processes",
        Serve::ServeDigitalAi => "Digitalisation and AI grant",
        Serve::ServePlan => "Plan: what can still be applied for, and the largest grants",
        Serve::ServeNoChart => {
            "no result to chart (only a tier paid on one cost is drawn; chart=ID picks the program)"
        }
        Serve::ServeLeftOut => {
            "Cannot be applied for, so not shown: {tiers} of {programs} ({counts})."
        }
        Serve::ServeQueryTooLong => "the query is too long (at most {max} bytes)",
        Serve::ChartCostAxis => "Cost",
        Serve::ChartGrantAxis => "Grant",
        Serve::ChartBusinessCap => "Business-cost cap {yen}",
        Serve::ChartGrantCap => "Grant cap reached at {yen}",
        Serve::ChartYourCost => "Your cost {cost} → {grant}",
        Serve::ServeTitle => "Medical-DX subsidy estimate",
        Serve::ServeIntro => {
            "Enter your facility and its cost to see which subsidies you can apply for, how many yen, and until when. Leave anything you do not know as \"don't know\": it is shown as to confirm."
        }
        Serve::ServeRefused => "Please check your input",
        Serve::ServeInvalidValue => "invalid value '{value}' for {field}: {reason}",
        Serve::ServeMissing => "{field} is missing: {reason}",
        Serve::ServeField => "Field",
        Serve::ServeBack => "Back to the estimate",
        Serve::ServeOtherLang => "日本語",
        Serve::ServeFooter => {
            "Amounts are estimates from the sources' rules; confirm with each program's office before applying."
        }
        Serve::ServeCalendar => "Add the deadlines to your calendar (.ics)",
        Serve::ServeExplain => "How it was computed",
        Serve::ServeChartCaption => "{program} ({tier}): the grant as the cost rises",
        Serve::ServeUnknown => "Don't know",
        Serve::ServeYes => "Yes",
        Serve::ServeNo => "No",
        Serve::ServeFacility => "Facility",
        Serve::ServeFacilityClass => "Kind",
        Serve::ServeBeds => "Beds",
        Serve::ServeKenshin => "Health checkups",
        Serve::ServePrefecture => "Prefecture",
        Serve::ServeEntity => "Legal form",
        Serve::ServeMedicalCorporation => "Medical corporation",
        Serve::ServeSoleProprietor => "Sole proprietor",
        Serve::ServeCompany => "Company",
        Serve::ServeCapital => "Capital (yen)",
        Serve::ServeEmployees => "Regular employees",
        Serve::ServeCosts => "Costs",
        Serve::ServeCost => "Cost (yen)",
        Serve::ServeCoupons => "Coupons",
        Serve::ServeAsOf => "As of",
        Serve::ServeFacts => "Conditions (as far as you know)",
        Serve::ServeSubmit => "Estimate",
        Serve::ServeNotFound => "No such page: {path}",
        Serve::ServeListening => "subsidy serve: listening on http://{addr}/ (Ctrl+C to stop)",
        Serve::ServeCannotListen => "cannot listen on {addr}: {reason}",
        Serve::ServeBusy => "busy: try again in a moment",
        Serve::ServeTimeout => "the request took too long",
        Serve::ServeBadRequest => "the request cannot be read (it is not well-formed HTTP)",
        Serve::ServeRequestLineTooLong => "the request line is too long (at most {max} bytes)",
        Serve::ServeHeadersTooLarge => {
            "the headers are too large (at most {max} bytes and {lines} lines)"
        }
        Serve::ServeBodyTooLarge => {
            "the body is too large (at most {max} bytes; only GET is served here)"
        }
        Serve::ServeNoHost => "the Host header is missing (HTTP/1.1 requires one)",
        Serve::ServeHostTwice => "more than one Host header (give one)",
        Serve::ServeHostNotServed => {
            "this server does not answer to '{host}' (it answers to {names}; to use another name, whoever starts the server allows it)"
        }
        Serve::ServeFieldTwice => "'{field}' is given twice (give it once)",
        Serve::ServeFieldTwicePage => "{field} is given twice (give it once)",
        Serve::ServeConnectionsRefused => {
            "refused {count} new connection(s): all {max} connections are open and none is idle"
        }
        Serve::ServeConnectionsLowered => {
            "at most {max} connections at once (the limit on open files is {limit})"
        }
        Serve::ServeAcceptFailed => "cannot accept a connection: {reason}",
        Serve::ServeAskContacts => "Check with each program's contact (on the program's page).",
    }
}
