//! The keys of [`Serve`].

use super::Key;

area! {
    /// `subsidy serve`: the web page, its chart, the server's messages (src/serve).
    Serve {
        ServeGetOnly,
        ServeChartLink,
        ServeInternal,
        ServeMinWage,
        ServeSmallBusiness,
        ServeMembers,
        ServeFunctions,
        ServeProcesses,
        ServeDigitalAi,
        ServePlan,
        ServeNoChart,
        ServeLeftOut,
        ServeQueryTooLong,
        ChartCostAxis,
        ChartGrantAxis,
        ChartBusinessCap,
        ChartGrantCap,
        ChartYourCost,
        ServeTitle,
        ServeIntro,
        ServeRefused,
        /// The web page's refusal of a field, named by its label on the form:
        /// `{field}`, `{value}`, `{reason}`; a missing one: `{field}`, `{reason}`.
        ServeInvalidValue,
        ServeMissing,
        ServeField,
        ServeBack,
        ServeOtherLang,
        ServeFooter,
        ServeCalendar,
        ServeExplain,
        ServeChartCaption,
        ServeUnknown,
        ServeYes,
        ServeNo,
        ServeFacility,
        ServeFacilityClass,
        ServeBeds,
        ServeKenshin,
        ServePrefecture,
        ServeEntity,
        ServeMedicalCorporation,
        ServeSoleProprietor,
        ServeCompany,
        ServeCapital,
        ServeEmployees,
        ServeCosts,
        ServeCost,
        ServeCoupons,
        ServeAsOf,
        ServeFacts,
        ServeSubmit,
        ServeNotFound,
        ServeListening,
        ServeCannotListen,
        ServeBusy,
        ServeTimeout,
        ServeBadRequest,
        /// The request line over `{max}` bytes (414).
        ServeRequestLineTooLong,
        /// The header lines over `{max}` bytes or `{lines}` lines (431).
        ServeHeadersTooLarge,
        /// A body over `{max}` bytes (413).
        ServeBodyTooLarge,
        /// An HTTP/1.1 request without a Host header.
        ServeNoHost,
        ServeHostTwice,
        /// A host name not answered to: `{host}`, and those answered to, `{names}`.
        ServeHostNotServed,
        /// The API's refusal of a field given twice: `{field}` as the query names it.
        ServeFieldTwice,
        /// The page's refusal of a field given twice: `{field}`, its label on the form.
        ServeFieldTwicePage,
        /// The log line for `{count}` connections refused with all `{max}` places busy.
        ServeConnectionsRefused,
        /// At most `{max}` connections, the limit on open files being `{limit}`.
        ServeConnectionsLowered,
        ServeAcceptFailed,
        /// Where the page shows each program's contact (when the rule data is stale).
        ServeAskContacts,
    }
}
