//! A target and a reason in both languages, from the message tables.

use super::*;

use crate::core::catalogue::Entity;
use crate::core::money::group_thousands;
use crate::i18n::Lang;

/// What `target` is, worded to follow "no example where" (to precede
/// 「例がありません」).
pub(super) fn target(target: &Target) -> Said {
    said_each(|lang| target_in(target, lang))
}

/// Why a rule is not a target.
pub(super) fn reason(reason: &Reason) -> Said {
    said_each(|lang| reason_in(reason, lang))
}

fn target_in(target: &Target, lang: Lang) -> String {
    let text = |key, values: &[(&str, &dyn std::fmt::Display)]| i18n::text(lang, key, values);
    let either = |binds: bool, yes, no| if binds { yes } else { no };
    match target {
        Target::Tier { tier } => text(Msg::CoverageTier, &[("tier", tier)]),
        Target::ItemCap { tier, item, binds } => text(
            either(*binds, Msg::CoverageItemCapBinds, Msg::CoverageItemCapFree),
            &[("tier", tier), ("item", item)],
        ),
        Target::BusinessCostCap { tier, binds } => text(
            either(
                *binds,
                Msg::CoverageBusinessCapBinds,
                Msg::CoverageBusinessCapFree,
            ),
            &[("tier", tier)],
        ),
        Target::GrantCap { tier, binds } => text(
            either(
                *binds,
                Msg::CoverageGrantCapBinds,
                Msg::CoverageGrantCapFree,
            ),
            &[("tier", tier)],
        ),
        Target::GrantMin { tier, below } => text(
            either(
                *below,
                Msg::CoverageGrantMinBelow,
                Msg::CoverageGrantMinReached,
            ),
            &[("tier", tier)],
        ),
        Target::PartCostCap { tier, part, binds } => text(
            either(
                *binds,
                Msg::CoveragePartCostCapBinds,
                Msg::CoveragePartCostCapFree,
            ),
            &[("tier", tier), ("part", part)],
        ),
        Target::PartGrantCap { tier, part, binds } => text(
            either(
                *binds,
                Msg::CoveragePartGrantCapBinds,
                Msg::CoveragePartGrantCapFree,
            ),
            &[("tier", tier), ("part", part)],
        ),
        Target::GroupCap {
            tier, parts, binds, ..
        } => text(
            either(
                *binds,
                Msg::CoverageGroupCapBinds,
                Msg::CoverageGroupCapFree,
            ),
            &[("tier", tier), ("parts", parts)],
        ),
        Target::Band { tier, band, rate } => text(
            Msg::CoverageBand,
            &[("tier", tier), ("band", band), ("rate", rate)],
        ),
        Target::Rate { tier, flag, rate } => {
            let flag = i18n::template(
                lang,
                match flag {
                    RateFlag::SmallBusiness => Msg::CoverageFlagSmallBusiness,
                    RateFlag::MinWageNearby => Msg::CoverageFlagMinWageNearby,
                    RateFlag::LargeCompany => Msg::CoverageFlagLargeCompany,
                },
            );
            text(
                Msg::CoverageRate,
                &[("tier", tier), ("flag", &flag), ("rate", rate)],
            )
        }
        Target::Rounding { rule } => text(Msg::CoverageRounding, &[("rule", &rule.label(lang))]),
        Target::Condition { condition, held } => text(
            either(
                *held,
                Msg::CoverageConditionHeld,
                Msg::CoverageConditionNotHeld,
            ),
            &[("condition", condition)],
        ),
        Target::Threshold {
            tier,
            on,
            value,
            inside,
        } => {
            let at = text(
                match on {
                    Measure::Beds => Msg::CoverageAtBeds,
                    Measure::Processes => Msg::CoverageAtProcesses,
                    Measure::Functions => Msg::CoverageAtFunctions,
                    Measure::Members => Msg::CoverageAtMembers,
                },
                &[("value", value)],
            );
            text(
                either(
                    *inside,
                    Msg::CoverageThresholdInside,
                    Msg::CoverageThresholdOutside,
                ),
                &[("at", &at), ("tier", tier)],
            )
        }
        Target::Size {
            facilities,
            entity,
            on,
            value,
            inside,
        } => {
            let at = match on {
                SizeMeasure::Capital => text(
                    Msg::CoverageAtCapital,
                    &[("value", &group_thousands(u128::from(*value)))],
                ),
                SizeMeasure::Employees => text(Msg::CoverageAtEmployees, &[("value", value)]),
            };
            let classes: Vec<&str> = facilities.iter().map(|c| c.name(lang)).collect();
            let classes = classes.join(i18n::template(lang, Msg::ListSeparator));
            let entity = Entity::ALL
                .into_iter()
                .find(|e| e.id() == *entity)
                .map_or(*entity, |e| e.name(lang));
            text(
                either(*inside, Msg::CoverageSizeInside, Msg::CoverageSizeOutside),
                &[("classes", &classes), ("entity", &entity), ("at", &at)],
            )
        }
        Target::Window { day, date } => match (day, date) {
            (Day::OpensEve, Some(date)) => text(Msg::CoverageOpensEve, &[("date", date)]),
            (Day::DeadlineDay, Some(date)) => text(Msg::CoverageDeadlineDay, &[("date", date)]),
            (Day::AfterLastDeadline, Some(date)) => {
                text(Msg::CoverageAfterLastDeadline, &[("date", date)])
            }
            (Day::OpensEve, None) => text(Msg::CoverageOpensEveUndated, &[]),
            (_, None) => text(Msg::CoverageWindowUndated, &[]),
        },
    }
}

fn reason_in(reason: &Reason, lang: Lang) -> String {
    let text = |key, values: &[(&str, &dyn std::fmt::Display)]| i18n::text(lang, key, values);
    match reason {
        Reason::NeverBinds { most, cap } => text(
            Msg::CoverageNeverBinds,
            &[("most", most), ("cap", &group_thousands(u128::from(*cap)))],
        ),
        Reason::NeverReached => text(Msg::CoverageNeverReached, &[]),
        Reason::NoFraction { rates } => text(Msg::CoverageNoFraction, &[("rates", rates)]),
        Reason::NoSuchFacility { facility, beds } => {
            let why = match crate::core::estimate::Facility::new(*facility, *beds) {
                Err(e) => e.reason(lang),
                Ok(_) => String::new(),
            };
            text(Msg::CoverageInputRefused, &[("reason", &why)])
        }
        Reason::CountBelowOne => {
            let why = i18n::template(lang, Msg::CoverageCountBelowOne);
            text(Msg::CoverageInputRefused, &[("reason", &why)])
        }
        Reason::NoTierThere => text(Msg::CoverageNoTierThere, &[]),
        Reason::NoOpeningDate => text(Msg::CoverageNoOpeningDate, &[]),
        Reason::NoDeadline => text(Msg::CoverageNoDeadline, &[]),
    }
}
