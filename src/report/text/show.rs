//! `subsidy show`.

use std::fmt::Write as _;

use chrono::NaiveDate;
use std::collections::BTreeSet;

use super::layout::{Column, EMPTY, Emphasis, Screen, Table, hanging};
use crate::report::model::Fit;
use crate::report::words::{
    ask_this_contact, cite_text, date_text, facility_text, say, size_rule, status_text, t, yen,
};

use crate::core::calc::{self, Context, ExactYen};
use crate::core::catalogue::{
    Cite, DataAge, DecidedBy, Discovery, Lang, Program, RateFlag, RateRule, RateWhen, Text, Tier,
    rate_for,
};
use crate::core::estimate::Ask;
use crate::core::money::Yen;
use crate::core::rate::Rate;
use crate::core::window;
use crate::i18n::{self, Key};
use crate::input::request::Field;

/// `本文（注）` in Japanese, `text (note)` in English.
fn parenthesized(lang: Lang, text: &str, note: &str) -> String {
    say(
        lang,
        Key::Parenthesized,
        &[("text", &text), ("note", &note)],
    )
}

/// The largest payable grant of a tier, as text: `5,456,000円`, or the per-bed rule.
fn payable_text(program: &Program, tier: &Tier, lang: Lang) -> (String, String) {
    if let RateRule::PerBed(rule) = &tier.rule {
        return (
            per_bed_text(rule.grant_cap_per_bed, lang),
            EMPTY.to_string(),
        );
    }
    let ctx = Context::with_beds(tier.beds_min.unwrap_or(0));
    let (grant, cost) = calc::largest_payable(&tier.rule, &ctx, program.rounding.rule);
    (yen(lang, grant), yen(lang, cost))
}

/// `許可病床数1床あたり40,000円`: no `×`, which some terminals draw two columns wide.
fn per_bed_text(per_bed: Yen, lang: Lang) -> String {
    say(lang, Key::PerLicensedBed, &[("yen", &yen(lang, per_bed))])
}

/// A rate's circumstance as the front end states it: `--small-business` on
/// the command line, 小規模事業者 in plain words.
fn flag_text(flag: RateFlag, lang: Lang, screen: Screen) -> String {
    (screen.spelling.ask)(&Ask::RateFlag(flag), lang).unwrap_or_else(|| {
        let column = crate::input::fields::flag_column(flag);
        match lang {
            Lang::Ja => crate::input::fields::japanese_name(column).into_owned(),
            Lang::En => column.to_string(),
        }
    })
}

/// `1/2`, `1/2（--min-wage-nearby 2/3）`, `3/4（--small-business 4/5）→ 2/3`.
fn rate_text(tier: &Tier, lang: Lang, screen: Screen) -> String {
    let with_alternatives = |rate: Rate, when: &[RateWhen]| {
        let alternatives: Vec<String> = when
            .iter()
            .map(|w| format!("{} {}", flag_text(w.flag, lang, screen), w.rate))
            .collect();
        if alternatives.is_empty() {
            rate.to_string()
        } else {
            parenthesized(
                lang,
                &rate.to_string(),
                &alternatives.join(t(lang, Key::ListSeparator)),
            )
        }
    };
    if tier.rule.rate_assumed().is_some() {
        // No rate in the sources: never print the 1/1 the tool computes with.
        return format!("{}{}", t(lang, Key::NotStated), t(lang, Key::RateAssumed));
    }
    match &tier.rule {
        RateRule::Banded(rule) => rule
            .bands
            .iter()
            .map(|b| with_alternatives(b.rate, &b.rate_when))
            .collect::<Vec<_>>()
            .join(t(lang, Key::ThenRate)),
        rule => {
            let (rate, when) = rule.main_rate();
            with_alternatives(rate, when)
        }
    }
}

/// `50,000円〜1,500,000円未満`, `3,500,000円`, `許可病床数×40,000円`.
fn grant_cap_text(tier: &Tier, lang: Lang) -> String {
    let cap = match (tier.rule.grant_cap(), &tier.rule) {
        (Some(cap), _) => yen(lang, cap),
        (None, RateRule::PerBed(rule)) => per_bed_text(rule.grant_cap_per_bed, lang),
        (None, _) => t(lang, Key::NotStated).to_string(),
    };
    let below = match &tier.rule {
        RateRule::Capped(rule) if rule.grant_cap_exclusive => t(lang, Key::CapExclusive),
        _ => "",
    };
    match tier.rule.grant_min() {
        Some(min) => format!("{}〜{cap}{below}", yen(lang, min)),
        None => format!("{cap}{below}"),
    }
}

/// Where each rate of a grant-tiered rate applies, in grant and cost terms.
fn band_table(tier: &Tier, lang: Lang, screen: Screen) -> Option<String> {
    let RateRule::Banded(rule) = &tier.rule else {
        return None;
    };
    if rule.bands.is_empty() {
        return None;
    }
    let mut flag_sets: Vec<BTreeSet<RateFlag>> = vec![BTreeSet::new()];
    for flag in rule
        .bands
        .iter()
        .flat_map(|b| b.rate_when.iter().map(|w| w.flag))
    {
        let set = BTreeSet::from([flag]);
        if !flag_sets.contains(&set) {
            flag_sets.push(set);
        }
    }
    let mut table = Table::new(vec![
        Column::left(t(lang, Key::Flags)),
        Column::left(t(lang, Key::RateColumn)),
        Column::right(t(lang, Key::GrantRange)),
        Column::right(t(lang, Key::CostRange)),
        Column::left(t(lang, Key::TierColumn)),
    ]);
    for flags in &flag_sets {
        let (mut grant_from, mut cost_from) = (ExactYen::ZERO, ExactYen::ZERO);
        let last = rule.bands.len() - 1;
        for (i, band) in rule.bands.iter().enumerate() {
            let rate = rate_for(band.rate, &band.rate_when, flags);
            let limit = match (band.up_to_grant, rule.grant_cap) {
                (Some(up_to), Some(cap)) => Some(up_to.min(cap)),
                (Some(up_to), None) => Some(up_to),
                (None, cap) if i == last => cap,
                (None, _) => None,
            };
            let (grant_to, cost_to) = match limit {
                Some(limit) => {
                    let room = ExactYen::whole(limit).saturating_minus(grant_from);
                    (
                        Some(ExactYen::whole(limit)),
                        Some(cost_from.plus(room.divided_by_rate(rate))),
                    )
                }
                None => (None, None),
            };
            // `…` (inexact) is East-Asian ambiguous; `...` keeps the columns aligned.
            let range = |from: ExactYen, to: Option<ExactYen>| {
                let text = match to {
                    Some(to) => format!("{from}〜{to}{}", t(lang, Key::YenUnit)),
                    None => format!("{from}{}〜", t(lang, Key::YenUnit)),
                };
                text.replace('…', "...")
            };
            if grant_to == Some(grant_from) {
                // The tier's own cap ends the grant before this band begins.
                continue;
            }
            let shown: Vec<String> = flags.iter().map(|f| flag_text(*f, lang, screen)).collect();
            table.row(
                vec![
                    if shown.is_empty() {
                        EMPTY.to_string()
                    } else {
                        shown.join(" ")
                    },
                    rate.to_string(),
                    range(grant_from, grant_to),
                    range(cost_from, cost_to),
                    tier.label.get(lang).to_string(),
                ],
                Emphasis::None,
            );
            if let (Some(g), Some(c)) = (grant_to, cost_to) {
                (grant_from, cost_from) = (g, c);
            }
        }
    }
    Some(table.render(screen))
}

/// `この施設（病院・250床・健診実施）の区分: 大規模病院…`.
fn fit_line(fit: &Fit<'_>, lang: Lang) -> String {
    let facility = facility_text(fit.query, lang);
    if fit.tiers.is_empty() {
        return i18n::text(lang, Key::ShowNoFacilityTier, &[("facility", &facility)]);
    }
    let tiers: Vec<String> = fit
        .tiers
        .iter()
        .map(|(tier, variant)| match variant {
            Some(variant) => i18n::text(
                lang,
                Key::ShowTierOfVariant,
                &[("tier", &tier.label.get(lang)), ("variant", &variant.id)],
            ),
            None => tier.label.get(lang).to_string(),
        })
        .collect();
    let tiers = tiers.join(i18n::template(lang, Key::InputListSeparator));
    i18n::text(
        lang,
        Key::ShowFacilityTiers,
        &[("facility", &facility), ("tiers", &tiers)],
    )
}

/// The text of `show` as it is written: paragraphs wrapped to the screen.
struct Page {
    out: String,
    lang: Lang,
    screen: Screen,
}

impl Page {
    /// A paragraph wrapped to the screen, `first` before it and the rest indented to match.
    fn para(&mut self, first: &str, text: &str) {
        self.out.push_str(&hanging(first, text, self.screen.width));
    }

    /// `締切: 2031-09-30…`: a paragraph after its label.
    fn field(&mut self, key: Key, text: &str) {
        self.para(&format!("{}: ", t(self.lang, key)), text);
    }

    /// `\n出典:`: a blank line, then a heading wrapped to the screen.
    fn heading(&mut self, text: &str) {
        heading(&mut self.out, text, self.screen);
    }

    /// `・text`, indented under a heading.
    fn bullet(&mut self, text: &str) {
        self.para("  ・", text);
    }
}

/// `\n出典:`: a blank line, then a heading wrapped to the screen.
fn heading(out: &mut String, text: &str, screen: Screen) {
    out.push('\n');
    out.push_str(&hanging("", &format!("{text}:"), screen.width));
}

/// `show ID`; with a facility ([`Fit`]), the tiers that fit it are bold and
/// named under the tier table. Section by section, in the order printed;
/// the rule data's `age` under the deadline, which it judges.
pub fn show_text(
    program: &Program,
    as_of: NaiveDate,
    age: Option<&DataAge>,
    lang: Lang,
    screen: Screen,
    fit: Option<&Fit<'_>>,
) -> String {
    let mut page = Page {
        out: String::new(),
        lang,
        screen,
    };
    overview(&mut page, program, as_of, age);
    tier_table(&mut page, program, fit);
    item_table(&mut page, program);
    rate_rules(&mut page, program);
    dates(&mut page, program);
    not_covered(&mut page, program);
    notes(&mut page, program);
    conditions(&mut page, program);
    sme_limits(&mut page, program);
    relations(&mut page, program);
    how_to_apply(&mut page, program);
    sources(&mut page, program);
    page.out
}

/// The name, who runs it, the deadline and where it stands (with the rule
/// data's age: past 90 days, ask the program's contact), and what it is for.
fn overview(page: &mut Page, program: &Program, as_of: NaiveDate, age: Option<&DataAge>) {
    let lang = page.lang;
    let w = window::window(program, as_of);
    page.para("", &format!("{} ({})", program.name.get(lang), program.id));
    // In English, the official Japanese name under the English one (to find
    // the program by in the documents); Japanese needs no English.
    if lang == Lang::En {
        page.para("  ", &program.name.ja);
    }
    page.field(
        Key::Authority,
        &parenthesized(
            lang,
            program.authority.get(lang),
            program.implementer.get(lang),
        ),
    );
    page.field(Key::Fund, program.fund.get(lang));
    if let Some(extension) = &program.extension {
        page.field(Key::ExtensionColumn, extension);
    }
    if let (Some(id), Some(reason)) = (&program.replaces, &program.replaces_reason) {
        let text = say(
            lang,
            Key::ReplacesText,
            &[("id", id), ("reason", &reason.get(lang))],
        );
        page.field(Key::ReplacesLabel, &text);
    }
    page.field(
        Key::Deadline,
        &format!(
            "{} {}",
            w.deadline()
                .map_or_else(|| EMPTY.to_string(), |d| date_text(d, lang)),
            parenthesized(
                lang,
                &status_text(w, lang).replace('\n', ""),
                &format!("{} {as_of}", t(lang, Key::AsOfLower))
            )
        ),
    );
    page.out.push_str(&super::data_age_text(
        age,
        || ask_this_contact(program, lang),
        lang,
        page.screen,
    ));
    page.out.push('\n');
    page.field(Key::Summary, program.summary.get(lang));
    page.field(Key::WhoCanApply, program.eligibility.get(lang));
    page.field(Key::CoveredCosts, program.covered_costs.get(lang));
    page.out.push('\n');
}

/// Every tier: its facilities, rate, caps and the largest grant payable;
/// the facility's own tiers bold, and named under the table.
fn tier_table(page: &mut Page, program: &Program, fit: Option<&Fit<'_>>) {
    let lang = page.lang;
    let mut tiers = Table::new(vec![
        Column::left(t(lang, Key::FacilityColumn)),
        Column::left(t(lang, Key::RateColumn)),
        Column::right(t(lang, Key::BusinessCostCap)),
        Column::right(t(lang, Key::GrantCap)),
        Column::right(t(lang, Key::LargestPayable)),
        Column::right(t(lang, Key::CostToReachLargest)),
        Column::left(t(lang, Key::VariantTier)),
    ]);
    for tier in &program.tiers {
        let (payable, cost) = payable_text(program, tier, lang);
        let variant = tier
            .variant
            .as_deref()
            .and_then(|v| program.variant(v))
            .map(|v| format!("{} ({})\n", v.name.get(lang), v.id))
            .unwrap_or_default();
        tiers.row(
            vec![
                tier.facilities
                    .iter()
                    .map(|f| f.name(lang))
                    .collect::<Vec<_>>()
                    .join(t(lang, Key::NameSeparator)),
                rate_text(tier, lang, page.screen),
                tier.rule
                    .business_cost_cap()
                    .map_or_else(|| t(lang, Key::NotStated).to_string(), |y| yen(lang, y)),
                grant_cap_text(tier, lang),
                payable,
                cost,
                format!("{variant}{}", tier.label.get(lang)),
            ],
            if fit.is_some_and(|fit| fit.has(tier)) {
                Emphasis::Strong
            } else {
                Emphasis::None
            },
        );
    }
    page.out.push_str(&tiers.render(page.screen));
    if let Some(fit) = fit {
        page.out.push('\n');
        page.para("", &fit_line(fit, lang));
    }
    page.out.push('\n');
}

/// The cost items with caps of their own (`--item KEY=YEN`), where a tier
/// has them: items summed at the tier's rate, or parts at their own.
fn item_table(page: &mut Page, program: &Program) {
    let lang = page.lang;
    let with_items: Vec<&Tier> = program
        .tiers
        .iter()
        .filter(|t| t.rule.item_keys().next().is_some())
        .collect();
    if with_items.is_empty() {
        return;
    }
    let mut items = Table::new(vec![
        Column::left(&format!(
            "{} KEY",
            (page.screen.spelling.field)(Field::Item, lang)
        )),
        Column::right(t(lang, Key::ItemCap)),
        Column::left(t(lang, Key::RateColumn)),
        Column::right(t(lang, Key::ItemGrantCap)),
        Column::left(t(lang, Key::ItemTier)),
    ]);
    let cap_text = |cap: Option<Yen>| cap.map_or_else(|| EMPTY.to_string(), |y| yen(lang, y));
    for tier in with_items {
        // Key, 事業額上限, rate, grant cap.
        let summed = tier.rule.summed_items().iter().map(|item| {
            let rate = t(lang, Key::TheTiersRate).to_string();
            (&item.key, item.business_cost_cap, rate, EMPTY.to_string())
        });
        let parts = tier.rule.parts().iter().map(|part| {
            let alternatives: Vec<String> = part
                .rate_when
                .iter()
                .map(|w| {
                    parenthesized(
                        lang,
                        "",
                        &format!("{} {}", flag_text(w.flag, lang, page.screen), w.rate),
                    )
                })
                .collect();
            let rate = format!("{}{}", part.rate, alternatives.concat());
            let cap = match (part.grant_cap, part.grant_cap_per_member) {
                (Some(cap), _) => yen(lang, cap),
                (None, Some(per)) => say(lang, Key::PerMember, &[("yen", &yen(lang, per))]),
                (None, None) => EMPTY.to_string(),
            };
            (&part.key, part.business_cost_cap, rate, cap)
        });
        for (key, business_cost_cap, rate, cap) in summed.chain(parts) {
            let name = program.item(key).map_or("", |i| i.name.get(lang));
            items.row(
                vec![
                    key.clone(),
                    cap_text(business_cost_cap),
                    rate,
                    cap,
                    format!("{name}\n{}", tier.label.get(lang)),
                ],
                Emphasis::None,
            );
        }
    }
    page.out.push_str(&items.render(page.screen));
    page.out.push('\n');
}

/// How the grant is worked out beyond the tier table: rates tiered on the
/// grant, caps shared by parts, the members asked, rounding, per-unit grants.
fn rate_rules(page: &mut Page, program: &Program) {
    let lang = page.lang;
    for table in program
        .tiers
        .iter()
        .filter_map(|t| band_table(t, lang, page.screen))
    {
        let _ = writeln!(page.out, "{}\n{table}", t(lang, Key::RateTieredOnTheGrant));
    }
    for tier in &program.tiers {
        for group in tier.rule.group_caps() {
            page.para(
                &format!("{}: ", t(lang, Key::CombinedCap)),
                &format!(
                    "[{}] {} {} {} — {}",
                    tier.label.get(lang),
                    crate::core::catalogue::group_parts_text(&group.parts),
                    t(lang, Key::TogetherAtMost),
                    yen(lang, group.grant_cap),
                    cite_text(program, &group.cite)
                ),
            );
        }
        if let Some(min) = tier.members_min {
            page.para(
                &format!("{}: ", t(lang, Key::MembersFlag)),
                &format!("[{}] {min}{}", tier.label.get(lang), t(lang, Key::OrMore)),
            );
        }
    }
    page.para(
        &format!("{}: ", t(lang, Key::Rounding)),
        &format!(
            "{}{}",
            program.rounding.rule.label(lang),
            program
                .rounding
                .cite
                .as_ref()
                .map(|c| format!(" — {}", cite_text(program, c)))
                .unwrap_or_default()
        ),
    );
    for tier in &program.tiers {
        if let Some(unit) = tier.rule.unit() {
            page.para(
                &format!("{}: ", t(lang, Key::PerUnit)),
                &format!(
                    "{} — {} {} — {}",
                    tier.label.get(lang),
                    unit.name.get(lang),
                    unit.max,
                    cite_text(program, &unit.cite)
                ),
            );
        }
    }
}

/// Every date the sources give, in order (and that the opening is not given).
fn dates(page: &mut Page, program: &Program) {
    let lang = page.lang;
    page.heading(t(lang, Key::Dates));
    if let Some(cite) = &program.opens_not_stated {
        page.para(
            "  ",
            &format!(
                "{} — {}",
                t(lang, Key::OpeningNotInSources),
                cite_text(program, cite)
            ),
        );
    }
    let mut dates: Vec<_> = program.dates.iter().collect();
    dates.sort_by_key(|d| d.date);
    for date in dates {
        let label = date
            .label
            .as_ref()
            .map_or(date.kind.label(lang), |l| l.get(lang));
        page.para(
            &format!("  {}  ", date_text(date.date, lang)),
            &format!("{label} — {}", cite_text(program, &date.cite)),
        );
    }
}

/// The facilities the program does not cover, and why.
fn not_covered(page: &mut Page, program: &Program) {
    let lang = page.lang;
    if program.not_covered.is_empty() {
        return;
    }
    page.heading(t(lang, Key::NotCovered));
    for n in &program.not_covered {
        page.para(
            &format!("  {}: ", n.facility.name(lang)),
            &format!("{} — {}", n.reason.get(lang), cite_text(program, &n.cite)),
        );
    }
}

/// The program's notes, then each tier's (about its cap, an assumed rate).
fn notes(page: &mut Page, program: &Program) {
    let lang = page.lang;
    let tier_notes = program.tiers.iter().flat_map(|t| {
        t.rule
            .cap_note()
            .into_iter()
            .chain(t.rule.rate_assumed())
            .map(move |note| (Some(t), note, None))
    });
    let notes: Vec<(Option<&Tier>, &Text, Option<&Cite>)> = program
        .notes
        .iter()
        .map(|n| (None, &n.text, n.cite.as_ref()))
        .chain(tier_notes)
        .collect();
    if notes.is_empty() {
        return;
    }
    page.heading(t(lang, Key::NotesHeading));
    for (tier, text, cite) in notes {
        let prefix = tier
            .map(|t| format!("[{}] ", t.label.get(lang)))
            .unwrap_or_default();
        let suffix = cite
            .map(|c| format!(" — {}", cite_text(program, c)))
            .unwrap_or_default();
        page.bullet(&format!("{prefix}{}{suffix}", text.get(lang)));
    }
}

/// The conditions, the program's and its tiers', each with the flags that state it.
fn conditions(page: &mut Page, program: &Program) {
    let lang = page.lang;
    let mut all = program
        .conditions
        .iter()
        .chain(program.tiers.iter().flat_map(|t| &t.conditions))
        .peekable();
    if all.peek().is_none() {
        return;
    }
    page.heading(t(lang, Key::ConditionsStateWithFactPrefecture));
    for condition in all {
        let how = match condition.decided_by {
            DecidedBy::EntitySize => [Field::Entity, Field::Capital, Field::Employees]
                .map(|field| (page.screen.spelling.field)(field, lang))
                .join(" / "),
            _ => (page.screen.spelling.ask)(&Ask::Condition(condition), lang)
                .unwrap_or_else(|| condition.fact.clone().unwrap_or_default()),
        };
        let how = if how.is_empty() {
            String::new()
        } else {
            format!(" [{how}]")
        };
        page.bullet(&format!(
            "{}{how} — {}",
            condition.text.get(lang),
            cite_text(program, &condition.cite)
        ));
    }
}

/// The size test's table (中小企業・小規模事業者等): each facility's limits by legal form.
fn sme_limits(page: &mut Page, program: &Program) {
    let lang = page.lang;
    if program.sme_limits.is_empty() {
        return;
    }
    let name = |field| (page.screen.spelling.field)(field, lang);
    page.heading(&say(
        lang,
        Key::ShowSmeLimits,
        &[
            ("entity", &name(Field::Entity)),
            ("capital", &name(Field::Capital)),
            ("employees", &name(Field::Employees)),
        ],
    ));
    for row in &program.sme_limits {
        let facilities: Vec<&str> = row.facilities.iter().map(|c| c.name(lang)).collect();
        let limits: Vec<String> = row
            .limits()
            .map(|(entity, limit)| {
                say(
                    lang,
                    Key::ShowSmeLimit,
                    &[
                        ("entity", &entity.name(lang)),
                        ("rule", &size_rule(limit, lang)),
                    ],
                )
            })
            .collect();
        page.bullet(&format!(
            "{}: {} — {}",
            facilities.join(t(lang, Key::ListSeparator)),
            limits.join(t(lang, Key::ListSeparator)),
            cite_text(program, &row.cite)
        ));
    }
}

/// How the program stands to others (stacking, exclusion).
fn relations(page: &mut Page, program: &Program) {
    let lang = page.lang;
    if program.relations.is_empty() {
        return;
    }
    page.heading(t(lang, Key::Relations));
    for relation in &program.relations {
        let other = relation
            .program
            .as_deref()
            .map(|p| format!(" ({p})"))
            .unwrap_or_default();
        page.bullet(&format!(
            "{}{other} — {}",
            relation.text.get(lang),
            cite_text(program, &relation.cite)
        ));
    }
}

/// Consumption tax, how to apply and whom to ask.
fn how_to_apply(page: &mut Page, program: &Program) {
    let lang = page.lang;
    page.out.push('\n');
    page.field(
        Key::ConsumptionTax,
        &format!(
            "{} — {}",
            program.tax.basis.label(lang),
            program.tax.evidence.get(lang)
        ),
    );
    page.out.push('\n');
    page.field(
        Key::HowToApply,
        &format!("{} {}", program.apply.how.get(lang), program.apply.url),
    );
    page.field(
        Key::Contact,
        &format!(
            "{} {} {}",
            program.contact.name.get(lang),
            program.contact.phone,
            program.contact.hours.get(lang)
        ),
    );
}

/// The documents cited, then the program's links.
fn sources(page: &mut Page, program: &Program) {
    let lang = page.lang;
    page.heading(t(lang, Key::Sources));
    for (id, title, note) in super::source_lines(program, lang) {
        page.para(&format!("  {id} "), &parenthesized(lang, &title, &note));
    }
    if !program.links.is_empty() {
        page.heading(t(lang, Key::Links));
        for link in &program.links {
            page.para("  ", &format!("{} [{}]", link.url, link.cite.source));
        }
    }
}

/// `show ID` for a program named without a rate table: what the sources
/// say of it, that no amount is computed, and the rule data's `age` (past
/// 90 days: ask the authority the sources name).
pub fn show_discovery_text(
    entry: &Discovery,
    age: Option<&DataAge>,
    lang: Lang,
    screen: Screen,
) -> String {
    let mut out = hanging(
        "",
        &format!("{} ({})", entry.name.get(lang), entry.id),
        screen.width,
    );
    let field = |out: &mut String, key: Key, text: &str| {
        out.push_str(&hanging(&format!("{}: ", t(lang, key)), text, screen.width));
    };
    field(&mut out, Key::Authority, entry.authority.get(lang));
    field(&mut out, Key::CoveredCosts, entry.funds.get(lang));
    if let Some(figures) = &entry.figures {
        field(&mut out, Key::FiguresStated, figures.get(lang));
    }
    out.push_str(&hanging("", t(lang, Key::DiscoveryHeading), screen.width));
    out.push_str(&super::data_age_text(
        age,
        || {
            let authority = entry.authority.get(lang);
            say(lang, Key::AskThisContact, &[("contact", &authority)])
        },
        lang,
        screen,
    ));
    heading(&mut out, t(lang, Key::Sources), screen);
    let source = match &entry.document {
        Some(d) => parenthesized(
            lang,
            &d.title,
            &say(
                lang,
                Key::SourceDateRank,
                &[("date", &d.date), ("rank", &d.rank.label(lang))],
            ),
        ),
        None => String::new(),
    };
    out.push_str(&hanging(
        &format!("  [{}] ", entry.cite.source),
        &format!("{source} {}", entry.cite.at),
        screen.width,
    ));
    out
}
