//! The English sentences of `Sentence`.

use crate::i18n::key::Sentence;

/// The sentence for `key`.
pub(super) fn text(key: Sentence) -> &'static str {
    match key {
        Sentence::StackSum => {
            "[{base}] {base_grant} + [{top}] {top_grant} = {combined}; self-pay after both {self_pay}"
        }
        Sentence::StatusOpenDays => "open ({days} left)",
        Sentence::StatusNotYetOpenFrom => "not yet open (from {opens})",
        Sentence::NoDeadlineStated => "no deadline stated",
        Sentence::FacilityWithBeds => "{class}, {beds} beds",
        Sentence::WithCheckups => ", health checkups",
        Sentence::WithoutCheckups => ", no health checkups",
        Sentence::WithEntity => ", {entity}",
        Sentence::WithCapital => ", capital {capital} yen",
        Sentence::WithEmployees => ", {employees} employees",
        Sentence::WithLargeCompany => ", a large company",
        Sentence::SizeLabel => "Size",
        Sentence::SizeLine => "{facility} → {outcome}",
        Sentence::SizeLineWithRule => "{facility} → {outcome} (an SME: {rule})",
        Sentence::SizeSme => "an SME (中小企業・小規模事業者等)",
        Sentence::SizeLarge => "a large company (大企業等)",
        Sentence::SizeUnknown => "not known ({how})",
        Sentence::SizeRuleCapitalOrEmployees => {
            "capital of at most {capital} yen or at most {employees} employees"
        }
        Sentence::SizeRuleEmployees => "at most {employees} employees",
        Sentence::SizeRuleCapital => "capital of at most {capital} yen",
        Sentence::SizeRuleNone => "no limit in the sources for this legal form",
        Sentence::ShowSmeLimits => {
            "Who counts as an SME (the size test: {entity}, {capital}, {employees})"
        }
        Sentence::ShowSmeLimit => "a {entity}: {rule}",
        Sentence::DaysLeft => "{days} left",
        Sentence::ClosesToday => "closes today",
        Sentence::OpensOn => "opens {opens}",
        Sentence::NothingAppliesSeeAbove => {
            "Nothing can be applied for on {on} by this facility (the table above says why). {more}"
        }
        Sentence::NothingApplies => "Nothing can be applied for on {on} by this facility. {more}",
        Sentence::NothingAppliesPlan => {
            "Nothing can be applied for on {on} by this facility. {more}"
        }
        Sentence::CanApplyCount => "Can be applied for: {programs}, {tiers}.",
        Sentence::SummaryLargest => "{count} Largest: {grant} from {name} ({id}), {when}.",
        Sentence::NearestDeadline => "{count} {more}The nearest deadline: {name} ({id}), {when}.",
        Sentence::WhenOpen => "deadline {deadline}, {days_left}",
        Sentence::WhenNotYetOpen => "opens {opens}, deadline {deadline}",
        Sentence::WhenClosed => "closed on {deadline}",
        Sentence::LeftOutLine => {
            "Cannot be applied for, so not shown: {tiers} of {programs} ({counts}). {more}"
        }
        Sentence::Parenthesized => "{text} ({note})",
        Sentence::PerLicensedBed => "{yen} per licensed bed",
        Sentence::PerMember => "{yen} per member",
        Sentence::ShowFacilityTiers => "This facility ({facility}) is in: {tiers}",
        Sentence::ShowNoFacilityTier => "No tier fits this facility ({facility})",
        Sentence::ShowTierOfVariant => "{tier} ({variant})",
        Sentence::PlanDiscovery => {
            "The sources also name (no rate table, so no amount is computed; subsidy list shows what they fund): {names}"
        }
        Sentence::PlanPeriodUnknown => {
            "Programs whose application period the sources do not give (ask where you apply): {entries}"
        }
        Sentence::SourceDateRank => "{date}, rank {rank}",
        Sentence::DataAgeOld => "Rule data of {version} ({days} old)",
        Sentence::DataAgeSameDay => "Rule data of {version} (the as-of date itself)",
        Sentence::DataAgeAhead => "Rule data of {version} ({days} after the as-of date)",
        Sentence::DataStale => {
            "The rule data is more than {limit} days old: programs may have opened or changed since. {ask}"
        }
        Sentence::AskThisContact => "Check with its contact: {contact}.",
    }
}
