//! `subsidy calc`: the results table, its notes, stacks and `--explain`.

use std::fmt::Write as _;

use super::layout::{Column, EMPTY, Emphasis, Screen, Table, hanging, wrap_lines};
use super::{data_age_text, header_line, notes_said_once, summary_text, unknowns_text};
use crate::core::catalogue::{Cite, DataAge, Lang, Program};
use crate::core::estimate::{Estimate, Query, Stack};
use crate::core::money::Yen;
use crate::core::trace;
use crate::i18n::Key;
use crate::report::model::{CalcReport, CalcView, ShownStack};
use crate::report::words::{
    Recommended, ask_each_contact, cite_text, date_text, deadline_lines, facility_text,
    left_out_said, program_heading, program_inline, rate_applied, say, size_line, status_text,
    summary_line, t, yen,
};

/// `calc`'s text for `estimates` as `view` shows them: [`calc_text`].
pub fn calc_table(
    estimates: &[Estimate<'_>],
    stacks: &[Stack],
    query: &Query,
    age: Option<&DataAge>,
    lang: Lang,
    view: CalcView,
    screen: Screen,
) -> String {
    calc_text(
        &CalcReport::new(estimates, stacks, query, view),
        query,
        age,
        lang,
        screen,
    )
}

/// The results table: what can be applied for first, then (with `--all` or
/// `--program`) what cannot, for reference; notes said once (or, with
/// `--explain`, each result's working); what was left out; one summary
/// line; and under it, the rule data's `age` (none for the web page's
/// explanation, whose page says it above).
pub fn calc_text(
    report: &CalcReport<'_, '_>,
    query: &Query,
    age: Option<&DataAge>,
    lang: Lang,
    screen: Screen,
) -> String {
    let mut out = header_line(query, lang, screen);
    out.push_str(&open_table(report, lang, screen));
    out.push_str(&reference_table(report, lang, screen));
    out.push_str(&stack_lines(report, lang, screen));
    if report.view().explain {
        let mut explained = String::new();
        for (n, e) in report.shown() {
            write_explanation(&mut explained, n, e, query, lang, screen);
        }
        out.push_str(&wrap_lines(&explained, screen.width));
    } else {
        let numbered: Vec<(usize, &Estimate<'_>)> = report.shown().collect();
        out.push_str(&notes_said_once(&numbered, lang, screen));
    }
    let hidden = report.hidden();
    if !hidden.is_empty() {
        out.push('\n');
        out.push_str(&hanging(
            "",
            &left_out_line(&hidden, lang, screen),
            screen.width,
        ));
    }
    out.push('\n');
    let recommendation = report.recommendation();
    out.push_str(&unknowns_text(recommendation, lang, screen));
    let number = |e: &Estimate<'_>| report.number_of(e);
    let recommended = Recommended {
        recommendation,
        number: &number,
        plan: false,
    };
    out.push_str(&summary_text(
        &summary_line(
            &report.summary(),
            Some(&recommended),
            query,
            lang,
            &screen.spelling,
        ),
        screen,
    ));
    out.push_str(&data_age_text(
        age,
        || ask_each_contact(&screen.spelling, lang),
        lang,
        screen,
    ));
    out
}

/// The results that can be applied for, bold: grant, cost, rate, self-pay, deadline.
fn open_table(report: &CalcReport<'_, '_>, lang: Lang, screen: Screen) -> String {
    if report.nothing_open() {
        return String::new();
    }
    let mut table = Table::new(vec![
        Column::right("#"),
        Column::left(t(lang, Key::Eligibility)),
        Column::right(t(lang, Key::Grant)),
        Column::right(t(lang, Key::EligibleCost)).droppable(2),
        Column::left(t(lang, Key::RateColumn)).droppable(3),
        Column::right(t(lang, Key::SelfPay)).droppable(1),
        Column::left(t(lang, Key::Deadline)),
        Column::left(t(lang, Key::ProgramTier)),
    ]);
    for (n, e) in report.open() {
        let c = e.computation.as_ref();
        table.row(
            vec![
                n.to_string(),
                e.eligibility.label(lang).to_string(),
                if e.amount_not_stated() {
                    t(lang, Key::NotStated).to_string()
                } else {
                    yen_text(c.map(|c| c.grant), lang)
                },
                yen_text(c.map(|c| c.eligible_cost), lang),
                // `→` is East-Asian ambiguous; `・` keeps the columns aligned.
                rate_text(e, lang).map_or_else(|| EMPTY.to_string(), |r| r.replace('→', "・")),
                yen_text(c.map(|c| c.self_burden), lang),
                deadline_lines(e.window, lang),
                program_and_tier(e, lang),
            ],
            Emphasis::Strong,
        );
    }
    let mut out = String::from("\n");
    out.push_str(&table.render(screen));
    // The self-pay column, where it is printed, assumes this program alone.
    if table.keeps(5, screen) {
        out.push_str(&hanging(
            "",
            t(lang, Key::SelfPayAssumesThisProgram),
            screen.width,
        ));
    }
    out
}

/// The results shown that cannot be applied for, faint, each with why and
/// its grant in brackets, for reference.
fn reference_table(report: &CalcReport<'_, '_>, lang: Lang, screen: Screen) -> String {
    if report.reference().next().is_none() {
        return String::new();
    }
    let mut table = Table::new(vec![
        Column::right("#"),
        Column::left(t(lang, Key::WhyNot)),
        Column::right(t(lang, Key::ForReference)),
        Column::left(t(lang, Key::Deadline)),
        Column::left(t(lang, Key::ProgramTier)),
    ]);
    for (n, e, rows) in report.reference() {
        let amount = e
            .computation
            .as_ref()
            .map(|c| format!("({})", yen(lang, c.grant)));
        table.row(
            vec![
                n.to_string(),
                e.left_out().map_or("", |why| why.label(lang)).to_string(),
                amount.unwrap_or_else(|| match e.amount_not_stated() {
                    true => t(lang, Key::NotStated).to_string(),
                    false => EMPTY.to_string(),
                }),
                deadline_lines(e.window, lang),
                if rows > 1 {
                    let every = say(lang, Key::EveryVariantAlike, &[("count", &rows)]);
                    format!("{}\n{every}", program_heading(e.program, lang))
                } else {
                    program_and_tier(e, lang)
                },
            ],
            Emphasis::Faint,
        );
    }
    let mut out = String::from("\n");
    out.push_str(&hanging(
        "",
        t(lang, Key::CannotBeAppliedForFor),
        screen.width,
    ));
    out.push_str(&table.render(screen));
    out
}

/// `同じ経費に重ねて申請: [1]+[2] …`: each pair of grants added up on one cost.
fn stack_lines(report: &CalcReport<'_, '_>, lang: Lang, screen: Screen) -> String {
    let mut out = String::new();
    for ShownStack { base, top, stack } in report.stacks() {
        let grant = |e: &Estimate<'_>| e.computation.as_ref().map_or(0, |c| c.grant);
        let text = say(
            lang,
            Key::StackSum,
            &[
                ("base", &base.0),
                ("top", &top.0),
                ("base_grant", &yen(lang, grant(base.1))),
                ("top_grant", &yen(lang, grant(top.1))),
                ("combined", &yen(lang, stack.combined)),
                ("self_pay", &yen(lang, stack.self_burden)),
            ],
        );
        let label = format!("{}: ", t(lang, Key::StackedOnTheSameCost));
        out.push_str(&hanging(&label, &text, screen.width));
    }
    if !out.is_empty() {
        out.insert(0, '\n');
    }
    out
}

/// `6,579,000円`, or `-` where there is no amount.
fn yen_text(amount: Option<Yen>, lang: Lang) -> String {
    amount.map_or_else(|| EMPTY.to_string(), |a| yen(lang, a))
}

/// `電子カルテ情報共有サービスの導入に係る補助金 (ehr-sharing)` over the variant and tier.
fn program_and_tier(e: &Estimate<'_>, lang: Lang) -> String {
    let mut text = program_heading(e.program, lang);
    if let Some(variant) = e.variant {
        let _ = write!(text, "\n{} ({})", variant.name.get(lang), variant.id);
    }
    if let Some(tier) = e.tier {
        let _ = write!(text, "\n{}", tier.label.get(lang));
    }
    text
}

/// `ほかに 17制度・24区分は申請できないため表示していません（締切済 23、他県 1）。すべて表示するには --all`.
pub(super) fn left_out_line(hidden: &[&Estimate<'_>], lang: Lang, screen: Screen) -> String {
    left_out_said(hidden, lang, Key::LeftOutLine, &screen.spelling)
}

/// The rate for people: [`rate_applied`], or `記載なし` where the sources
/// state none (the tool pays costs up to the cap, as the tier's note says).
fn rate_text(e: &Estimate<'_>, lang: Lang) -> Option<String> {
    match e.tier?.rule.rate_assumed() {
        Some(_) => Some(t(lang, Key::NotStated).to_string()),
        None => rate_applied(e),
    }
}

fn source_suffix(program: &Program, cite: Option<&Cite>) -> String {
    cite.map(|c| format!("  — {}", cite_text(program, c)))
        .unwrap_or_default()
}

/// The `--explain` block of one result: facility, conditions, window, tax, amount.
fn write_explanation(
    out: &mut String,
    n: usize,
    e: &Estimate<'_>,
    query: &Query,
    lang: Lang,
    screen: Screen,
) {
    let program = e.program;
    let _ = writeln!(
        out,
        "\n[{}] {}{}",
        n,
        program_inline(program, lang),
        e.variant
            .map(|v| format!(" / {}", v.name.get(lang)))
            .unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "  {}: {}",
        t(lang, Key::Eligibility),
        e.eligibility.label(lang)
    );
    match e.tier {
        Some(tier) => {
            let _ = writeln!(
                out,
                "  {}: {} → {}{}",
                t(lang, Key::FacilityLabel),
                facility_text(query, lang),
                tier.label.get(lang),
                source_suffix(program, Some(&tier.cite))
            );
        }
        None => {
            for reason in &e.reasons {
                let _ = writeln!(
                    out,
                    "  {}: {}",
                    t(lang, Key::FacilityLabel),
                    crate::report::hints::finding_message(reason, lang, &screen.spelling)
                );
            }
        }
    }
    if let Some((size, cite)) = size_line(e, query, lang, &screen.spelling) {
        let _ = writeln!(
            out,
            "  {}: {}{}",
            t(lang, Key::SizeLabel),
            size,
            source_suffix(program, cite)
        );
    }
    for outcome in &e.conditions {
        let _ = writeln!(
            out,
            "  {}: {} [{}]{}",
            t(lang, Key::ConditionLabel),
            outcome.condition.text.get(lang),
            trace::condition_how(outcome).get(lang),
            source_suffix(program, Some(&outcome.condition.cite))
        );
    }
    let _ = writeln!(
        out,
        "  {}: {} / {} {} → {}{}",
        t(lang, Key::Deadline),
        e.window
            .deadline()
            .map_or_else(|| "—".to_string(), |d| date_text(d, lang)),
        t(lang, Key::AsOfLower),
        query.as_of,
        status_text(e.window, lang).replace('\n', ""),
        source_suffix(program, trace::deadline_cite(program, e))
    );
    let _ = writeln!(
        out,
        "  {}: {}",
        t(lang, Key::ConsumptionTax),
        program.tax.basis.label(lang)
    );
    let steps = trace::amount_steps(e);
    if !steps.is_empty() {
        let _ = writeln!(out, "  {}:", t(lang, Key::AmountLabel));
        // A citation is printed where it changes; `〃` points back to the tier's.
        let mut last = e.tier.map(|t| &t.cite);
        for step in steps {
            let source = match step.cite {
                Some(cite) if Some(cite) == last => {
                    format!("  — 〃 {}", t(lang, Key::SameSourceAsTheTier))
                }
                cite => source_suffix(program, cite),
            };
            last = step.cite.or(last);
            let _ = writeln!(
                out,
                "    {:>16}  {}{source}",
                step.value,
                step.label.get(lang)
            );
        }
    }
    for finding in e
        .reasons
        .iter()
        .filter(|_| e.tier.is_some())
        .chain(&e.notes)
    {
        let _ = writeln!(
            out,
            "  {}: {}",
            t(lang, Key::NoteLabel),
            crate::report::hints::finding_message(finding, lang, &screen.spelling)
        );
    }
    let _ = writeln!(out, "  {}:", t(lang, Key::Sources));
    for (id, title, note) in super::source_lines(program, lang) {
        let _ = writeln!(out, "    {id} {title} ({note})");
    }
    for link in &program.links {
        let _ = writeln!(out, "    {} [{}]", link.url, link.cite.source);
    }
}
