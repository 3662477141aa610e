//! The bounds a catalogue's figures and counts must keep for the engine to
//! compute exactly, and the addresses it may link to. Loading refuses what
//! breaks them (the first); `check` reports them all at their lines.

use crate::core::catalogue::{Program, RateRule, Tier};
use crate::core::diagnostics::{Code, Fault, Said, Seg, clip, said, said_each};
use crate::core::money::{MAX_INPUT, Yen, group_thousands};
use crate::core::rate::Rate;
use crate::i18n::{self, Key as Msg};
use Seg::{Index, Key};

/// The most any yen figure of the catalogue may be: 1兆円, the largest amount
/// accepted as input. With it, a cap times [`MAX_COUNT`] units, or the sum of
/// a tier's item caps, stays far inside 64 bits.
pub const MAX_FIGURE: Yen = MAX_INPUT;

/// The most units a per-unit tier may pay for (`unit.max`; the real
/// catalogue has 3), the most members a tier may ask (`members_min`; the real
/// one asks 10) and the most items a tier may list (the real ones list 4).
/// Each unit is computed on its own, so the count bounds the work of one
/// estimate; amounts summed over units or items stay below 1,000 × 1兆円.
pub const MAX_COUNT: u32 = 1000;

/// The largest least common multiple of the numerators and denominators of
/// one tier's rates (the real catalogue's largest is 60: 1/2, 2/3, 3/4, 4/5).
/// Every exact amount of the tier then has a denominator dividing its square,
/// and the products exact arithmetic forms stay below 2^50 yen (1,000 items
/// of 1兆円) × 10,000^4 < 2^104, inside the 128 bits [`crate::core::calc::ExactYen`] computes in.
pub const MAX_RATE_TERMS: u128 = 10_000;

/// Every figure and count of `program` that is too large to compute with:
/// yen figures above [`MAX_FIGURE`], item caps that add up past it, counts
/// outside 1..=[`MAX_COUNT`], rates whose terms pass [`MAX_RATE_TERMS`].
/// `check` reports them; loading refuses them, so that no later sum,
/// product or loop meets them.
pub fn out_of_bounds(program: &Program) -> Vec<Fault<'_>> {
    let mut found = Vec::new();
    for (i, tier) in program.tiers.iter().enumerate() {
        tier_figures(i, tier, &mut found);
        tier_counts(i, tier, &mut found);
    }
    example_figures(program, &mut found);
    found
}

fn too_large<'p>(path: Vec<Seg<'p>>, what: Said, yen: Yen) -> Fault<'p> {
    let (yen, max) = (
        group_thousands(u128::from(yen)),
        group_thousands(u128::from(MAX_FIGURE)),
    );
    Fault::refuses(
        path,
        Code::FigureTooLarge,
        said_each(|lang| {
            i18n::text(
                lang,
                Msg::CheckFigureTooLarge,
                &[("what", &what.get(lang)), ("yen", &yen), ("max", &max)],
            )
        }),
    )
}

/// The path of `rest` within the rule of tier `i`: `tiers[i].rule.<kind>.…`.
fn in_rule<'p>(i: usize, rule: &RateRule, rest: &[Seg<'p>]) -> Vec<Seg<'p>> {
    [
        &[Key("tiers"), Index(i), Key("rule"), Key(rule.kind())][..],
        rest,
    ]
    .concat()
}

/// A tier's yen figures above [`MAX_FIGURE`], and item caps summing past it.
fn tier_figures<'p>(i: usize, t: &'p Tier, found: &mut Vec<Fault<'p>>) {
    let rule = &t.rule;
    let at = |rest: &[Seg<'static>]| in_rule(i, rule, rest);
    for (key, value) in rule.figures() {
        if let Some(yen) = value.filter(|y| *y > MAX_FIGURE) {
            let what = said(Msg::CheckWhatTierKey, &[("tier", &t.id), ("key", &key)]);
            found.push(too_large(at(&[Key(key)]), what, yen));
        }
    }
    for (j, band) in rule.bands().iter().enumerate() {
        if let Some(yen) = band.up_to_grant.filter(|y| *y > MAX_FIGURE) {
            let path = at(&[Key("bands"), Index(j), Key("up_to_grant")]);
            let what = said(
                Msg::CheckWhatTierKey,
                &[("tier", &t.id), ("key", &"up_to_grant")],
            );
            found.push(too_large(path, what, yen));
        }
    }
    let item_too_large = |path, item: &str, key: &str, yen| {
        let what = said(
            Msg::CheckWhatItemKey,
            &[("tier", &t.id), ("item", &item), ("key", &key)],
        );
        too_large(path, what, yen)
    };
    for (j, part) in rule.parts().iter().enumerate() {
        for (key, value) in [
            ("grant_cap", part.grant_cap),
            ("grant_cap_per_member", part.grant_cap_per_member),
            ("business_cost_cap", part.business_cost_cap),
        ] {
            if let Some(yen) = value.filter(|y| *y > MAX_FIGURE) {
                let path = at(&[Key("parts"), Index(j), Key(key)]);
                found.push(item_too_large(path, &part.key, key, yen));
            }
        }
    }
    // Items summed under the tier's caps count by the sum of their caps.
    let mut summed: u128 = 0;
    let mut passed: Option<usize> = None;
    for (j, item) in rule.summed_items().iter().enumerate() {
        summed += u128::from(item.business_cost_cap.unwrap_or(0));
        if summed > u128::from(MAX_FIGURE) && passed.is_none() {
            passed = Some(j);
        }
    }
    if let Some(j) = passed {
        found.push(Fault::refuses(
            at(&[Key("items"), Index(j), Key("business_cost_cap")]),
            Code::FigureTooLarge,
            said(
                Msg::CheckItemCapsSum,
                &[
                    ("tier", &t.id),
                    ("sum", &group_thousands(summed)),
                    ("max", &group_thousands(u128::from(MAX_FIGURE))),
                    ("item", &rule.summed_items()[j].key),
                ],
            ),
        ));
    }
    for (j, group) in rule.group_caps().iter().enumerate() {
        if group.grant_cap > MAX_FIGURE {
            let path = at(&[Key("group_caps"), Index(j), Key("grant_cap")]);
            let what = said(Msg::CheckWhatGroupCap, &[("tier", &t.id)]);
            found.push(too_large(path, what, group.grant_cap));
        }
    }
}

/// A tier's counts outside 1..=[`MAX_COUNT`], and rates past [`MAX_RATE_TERMS`].
fn tier_counts<'p>(i: usize, t: &'p Tier, found: &mut Vec<Fault<'p>>) {
    let rule = &t.rule;
    let at = |rest: &[Seg<'static>]| in_rule(i, rule, rest);
    if let Some(unit) = rule.unit()
        && !(1..=MAX_COUNT).contains(&unit.max)
    {
        found.push(Fault::refuses(
            at(&[Key("unit"), Key("max")]),
            Code::CountOutOfRange,
            said(
                Msg::CheckPerUnitRange,
                &[("tier", &t.id), ("max", &unit.max), ("limit", &MAX_COUNT)],
            ),
        ));
    }
    for (key, count) in [
        ("items", rule.summed_items().len()),
        ("parts", rule.parts().len()),
    ] {
        if count > MAX_COUNT as usize {
            found.push(Fault::refuses(
                at(&[Key(key), Index(MAX_COUNT as usize)]),
                Code::CountOutOfRange,
                said(
                    Msg::CheckTooManyItems,
                    &[("tier", &t.id), ("count", &count), ("limit", &MAX_COUNT)],
                ),
            ));
        }
    }
    if let Some(min) = t.members_min.filter(|m| *m > MAX_COUNT) {
        found.push(Fault::refuses(
            vec![Key("tiers"), Index(i), Key("members_min")],
            Code::CountOutOfRange,
            said(
                Msg::CheckMembersMin,
                &[("tier", &t.id), ("min", &min), ("limit", &MAX_COUNT)],
            ),
        ));
    }
    if let Some((path, rate, terms)) = rate_terms_past_bound(rule) {
        found.push(Fault::refuses(
            at(&path),
            Code::RateTooFine,
            said(
                Msg::CheckRateTooFine,
                &[
                    ("tier", &t.id),
                    ("rate", &rate),
                    ("terms", &group_thousands(terms)),
                    ("max", &group_thousands(MAX_RATE_TERMS)),
                ],
            ),
        ));
    }
}

/// The worked examples' yen figures above [`MAX_FIGURE`].
fn example_figures<'p>(program: &'p Program, found: &mut Vec<Fault<'p>>) {
    for (i, e) in program.examples.iter().enumerate() {
        for (key, value) in [("cost", e.cost), ("grant", e.grant)] {
            if let Some(yen) = value.filter(|y| *y > MAX_FIGURE) {
                let path = vec![Key("examples"), Index(i), Key(key)];
                let what = said(
                    Msg::CheckWhatExampleKey,
                    &[("tier", &e.tier), ("key", &key)],
                );
                found.push(too_large(path, what, yen));
            }
        }
        for (key, yen) in e.items.iter().filter(|(_, y)| **y > MAX_FIGURE) {
            let path = vec![Key("examples"), Index(i), Key("items"), Key(key.as_str())];
            let what = said(
                Msg::CheckWhatExampleItem,
                &[("tier", &e.tier), ("item", &key)],
            );
            found.push(too_large(path, what, *yen));
        }
    }
}

/// Whether `url` is a web address a page and a calendar may link to:
/// `https://` or `http://`, a host, and no space or control character.
/// Anything else (`javascript:…`, `file:…`, `mailto:…`, a bare host) is not.
pub fn is_web_address(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let host = rest.map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""));
    host.is_some_and(|host| !host.is_empty())
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Every address of `program` that a page, `show` and a calendar would
/// print or link to (申請方法 and the links) and that is not a web address
/// ([`is_web_address`]). `check` reports them; loading refuses them, so that
/// no `javascript:` link reaches a page.
pub fn not_web_addresses(program: &Program) -> Vec<Fault<'_>> {
    let apply = [(vec![Key("apply"), Key("url")], &program.apply.url)];
    let links = program
        .links
        .iter()
        .enumerate()
        .map(|(i, link)| (vec![Key("links"), Index(i), Key("url")], &link.url));
    apply
        .into_iter()
        .chain(links)
        .filter(|(_, url)| !is_web_address(url))
        .map(|(path, url)| {
            Fault::refuses(
                path,
                Code::UrlNotWeb,
                said(Msg::CheckNoUrl, &[("url", &clip(url, 60))]),
            )
        })
        .collect()
}

/// The first rate of `rule` (its path within the rule) that takes the least
/// common multiple of the rule's rate terms past [`MAX_RATE_TERMS`], and that multiple.
fn rate_terms_past_bound(rule: &RateRule) -> Option<(Vec<Seg<'static>>, Rate, u128)> {
    let mut rates: Vec<(Vec<Seg<'static>>, Rate)> = Vec::new();
    for (base, rate, when) in rule.rates() {
        rates.push(([&base[..], &[Key("rate")]].concat(), rate));
        for (k, w) in when.iter().enumerate() {
            let path = [&base[..], &[Key("rate_when"), Index(k), Key("rate")]].concat();
            rates.push((path, w.rate));
        }
    }
    let mut terms: u128 = 1;
    for (path, rate) in rates {
        for term in [rate.numerator(), rate.denominator()] {
            let term = u128::from(term);
            // At most 10,000 × 2^32 × 2^32 before the check below: no overflow.
            terms = terms / gcd(terms, term) * term;
        }
        if terms > MAX_RATE_TERMS {
            return Some((path, rate, terms));
        }
    }
    None
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}
