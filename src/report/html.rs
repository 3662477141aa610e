//! The web page of `subsidy serve`: the form, and the answer as `calc` and
//! `plan` give it, answer first. maud escapes every value it writes, so a
//! program id or a cost with `<script>` in it comes back as text.

use maud::{DOCTYPE, Markup, html};

use super::chart::Chart;
use super::layout::Screen;
use super::model::{Answered, CalcReport, CalcView, Summary};
use super::words::{
    Recommended, data_age_line, deadline_lines, extension_label, say, stale_line, summary_line, t,
    unknowns_said, yen,
};
use crate::core::catalogue::{DataAge, FacilityClass, Lang, Program, Text};
use crate::core::estimate::{Estimate, Query};
use crate::core::plan::PlanEntry;
use crate::i18n::Key;
use crate::input::guide::{Kind, Question, Topic};

/// What the page shows besides the form: nothing yet, a refusal, or results.
pub enum Answer<'a, 'c> {
    Nothing,
    Refused { field: &'a str, message: &'a str },
    Results(Results<'a, 'c>),
}

/// A computed answer, and what the page draws of it.
pub struct Results<'a, 'c> {
    /// The results as the page's table shows them: those that can be
    /// applied for, the rest counted in one line.
    pub report: &'a CalcReport<'a, 'c>,
    pub query: &'a Query,
    /// The rule data's age on the query's as-of date, said under the answer.
    pub age: Option<DataAge>,
    pub chart: Option<Chart<'c>>,
    pub explain: bool,
    /// Programs were named (`program=`): each is shown whatever its standing, as `calc --program`.
    pub named: bool,
    /// `plan` for the facility: what it can still apply for, with the
    /// largest grant and the cost that reaches it.
    pub plan: &'a [PlanEntry<'c>],
}

/// The form's fields as given, to fill the form in again and build links.
pub struct FormState<'a> {
    pub pairs: &'a [(String, String)],
    /// The query string as given, for links that keep the whole form.
    pub query: &'a str,
    /// This query with `lang` switched, for the language link.
    pub other_lang: &'a str,
    /// Every fact a program asks: id and text.
    pub facts: Vec<(&'a str, &'a Text)>,
    /// Every cost item a program names: key and name.
    pub items: Vec<(&'a str, &'a Text)>,
}

impl<'a> FormState<'a> {
    /// No form to fill in again (a page that only says why it failed).
    pub fn empty(other_lang: &'a str) -> FormState<'a> {
        FormState {
            pairs: &[],
            query: "",
            other_lang,
            facts: Vec::new(),
            items: Vec::new(),
        }
    }

    fn value(&self, name: &str) -> &str {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// The whole page.
pub fn page(answer: &Answer<'_, '_>, form: &FormState<'_>, lang: Lang) -> String {
    let body = html! {
        @match answer {
            Answer::Nothing => {
                p.intro {
                    (t(lang, Key::ServeIntro)) " "
                    a href=(format!("/ask?lang={}", lang_id(lang))) { (t(lang, Key::GuideStart)) }
                }
            }
            Answer::Refused { field, message } => {
                section.error role="alert" {
                    h2 { (t(lang, Key::ServeRefused)) }
                    p { (message) }
                    p.field { (t(lang, Key::ServeField)) ": " code { (field) } }
                }
            }
            Answer::Results(results) => { (results_html(results, form, lang)) }
        }
        (form_html(form, lang))
    };
    document(t(lang, Key::ServeTitle), body, form.other_lang, lang).into_string()
}

/// A program's page: everything `show` prints (`shown`), its links, and
/// the way back to the estimate it came from (`query`, the form).
pub fn program_page(
    name: &Text,
    id: &str,
    program: Option<&Program>,
    shown: &str,
    query: &str,
    other_lang: &str,
    lang: Lang,
) -> String {
    let body = html! {
        p { a href=(back_href(query, lang)) { "← " (t(lang, Key::ServeBack)) } }
        h2 { (name.get(lang)) " " small { "(" (id) ")" } }
        @if let Some(program) = program {
            ul.links {
                li { a href=(program.apply.url) rel="noopener" { (t(lang, Key::HowToApply)) } }
                @for link in &program.links {
                    li { a href=(link.url) rel="noopener" { (link.url) } " [" (link.cite.source) "]" }
                }
            }
        }
        pre.show { (shown) }
    };
    document(name.get(lang), body, other_lang, lang).into_string()
}

/// The estimate a page came from: its whole form, or the empty form.
fn back_href(query: &str, lang: Lang) -> String {
    if query.is_empty() {
        format!("/?lang={}", lang_id(lang))
    } else {
        format!("/?{query}")
    }
}

/// A program's page, carrying the form (so its way back and its date keep it).
fn program_href(id: &str, query: &str, lang: Lang) -> String {
    if query.is_empty() {
        format!("/programs/{id}?lang={}", lang_id(lang))
    } else {
        format!("/programs/{id}?{query}")
    }
}

fn document(title: &str, body: Markup, other_lang: &str, lang: Lang) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang_id(lang)) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                link rel="stylesheet" href="/assets/style.css";
            }
            body {
                header {
                    h1 { a href=(format!("/?lang={}", lang_id(lang))) { (t(lang, Key::ServeTitle)) } }
                    nav { a href=(format!("?{other_lang}")) hreflang=(other_lang_id(lang)) { (t(lang, Key::ServeOtherLang)) } }
                }
                main { (body) }
                footer { p { (t(lang, Key::ServeFooter)) } }
            }
        }
    }
}

fn results_html(r: &Results<'_, '_>, form: &FormState<'_>, lang: Lang) -> Markup {
    let report = r.report;
    let open: Vec<&Estimate<'_>> = report.open().map(|(_, e)| e).collect();
    let hidden = report.hidden();
    // The first box: the best combination (no numbers: the page's table has none).
    let recommendation = report.recommendation();
    let recommended = Recommended {
        recommendation,
        number: &|_| None,
        plan: false,
    };
    let summary = report.summary();
    // The programs whose result can be charted: a link each.
    let charts: Vec<&str> = report.charts().map(|e| e.program.id.as_str()).collect();
    let query = form.query;
    html! {
        (answer_box(&recommended, &summary, r.query, r.age.as_ref(), None, lang))
        @if !open.is_empty() {
            table.results {
                thead { tr {
                    th { (t(lang, Key::Eligibility)) }
                    th.num { (t(lang, Key::Grant)) }
                    th { (t(lang, Key::Deadline)) }
                    th { (t(lang, Key::ProgramTier)) }
                } }
                tbody {
                    @for e in &open {
                        tr {
                            td.nowrap { (e.eligibility.label(lang)) }
                            td.num.grant { (e.computation.as_ref().map_or_else(|| "—".to_string(), |c| yen(lang, c.grant))) }
                            td.nowrap { @for line in plain(deadline_lines(e.window, lang)).lines() { (line) br; } }
                            td {
                                a href=(program_href(&e.program.id, query, lang)) { (e.program.name.get(lang)) }
                                " (" (e.program.id) ")"
                                @if charts.contains(&e.program.id.as_str()) {
                                    " · " a href=(format!("/?{}", with_pair(form, "chart", &e.program.id))) { (t(lang, Key::ServeChartLink)) }
                                }
                                @if let Some(extension) = extension_label(e.program, lang) { br; small.extension { (extension) } }
                                @if let Some(variant) = e.variant { br; small { (variant.name.get(lang)) } }
                                @if let Some(tier) = e.tier { br; small { (tier.label.get(lang)) } }
                            }
                        }
                    }
                }
            }
            @let confirm = to_confirm_by_program(&open, lang);
            @if !confirm.is_empty() {
                section.confirm {
                    h2 { (t(lang, Key::ToConfirm)) }
                    ul {
                        @for (program, texts) in &confirm {
                            li {
                                a href=(program_href(&program.id, query, lang)) { (program.name.get(lang)) }
                                ul { @for text in texts { li { (text) } } }
                            }
                        }
                    }
                }
            }
        }
        @if !hidden.is_empty() {
            p.leftout { (super::words::left_out_said(&hidden, lang, Key::ServeLeftOut, &crate::input::spelling::PLAIN)) }
        }
        p.links {
            a href=(format!("/plan.ics?{query}")) { (t(lang, Key::ServeCalendar)) }
            " · "
            a href=(format!("/?{}", with_pair(form, "explain", "yes"))) { (t(lang, Key::ServeExplain)) }
            " · "
            a href=(format!("/api/v1/calc?{query}")) { "JSON" }
        }
        @if !r.plan.is_empty() {
            section.plan {
                h2 { (t(lang, Key::ServePlan)) }
                table.results {
                    thead { tr {
                        th { (t(lang, Key::ProgramTier)) }
                        th.num { (t(lang, Key::LargestGrant)) }
                        th.num { (t(lang, Key::CostToReachIt)) }
                        th { (t(lang, Key::Deadline)) }
                    } }
                    tbody {
                        @for entry in r.plan {
                            @let e = &entry.estimate;
                            tr {
                                td {
                                    a href=(program_href(&e.program.id, query, lang)) { (e.program.name.get(lang)) }
                                    @if let Some(extension) = extension_label(e.program, lang) { br; small.extension { (extension) } }
                                    @if let Some(variant) = e.variant { br; small { (variant.name.get(lang)) } }
                                    @if let Some(tier) = e.tier { br; small { (tier.label.get(lang)) } }
                                }
                                td.num { (entry.largest.map_or_else(|| "—".to_string(), |(grant, _)| yen(lang, grant))) }
                                td.num { (entry.largest.map_or_else(|| "—".to_string(), |(_, cost)| yen(lang, cost))) }
                                td.nowrap { @for line in plain(deadline_lines(e.window, lang)).lines() { (line) br; } }
                            }
                        }
                    }
                }
            }
        }
        @if let Some(chart) = &r.chart {
            figure.chart {
                (chart.svg(lang))
                figcaption { (say(lang, Key::ServeChartCaption, &[("program", &chart.program.name.get(lang)), ("tier", &chart.tier)])) }
            }
        }
        @if r.explain {
            details open {
                summary { (t(lang, Key::ServeExplain)) }
                pre { (plain(super::calc_text(&report.as_viewed(CalcView { all: false, named: r.named, explain: true, picks_only: false }), r.query, None, lang, Screen::PLAIN))) }
            }
        }
    }
}

/// The first box: the best combination's summary; under it what it
/// assumes (each fact with what it is worth), or instead `note` (the
/// guided form's, whose questions follow); the facility and the rule
/// data's age.
fn answer_box(
    recommended: &Recommended<'_, '_, '_>,
    summary: &Summary<'_, '_>,
    query: &Query,
    age: Option<&DataAge>,
    note: Option<&str>,
    lang: Lang,
) -> Markup {
    let recommendation = recommended.recommendation;
    let headline = plain(summary_line(
        summary,
        Some(recommended),
        query,
        lang,
        &crate::input::spelling::PLAIN,
    ));
    let unknowns = unknowns_said(recommendation, lang);
    html! {
        section.answer {
            p.headline { (headline) }
            @if let Some(note) = note {
                p.depends { (note) }
            } @else if !unknowns.is_empty() {
                div.assumed {
                    p { (t(lang, Key::RecommendAskFirst)) }
                    ol.unknowns {
                        @for (worth, question) in &unknowns {
                            li { span.worth { (worth) } " " (question) }
                        }
                    }
                    @if recommendation.unknowns.iter().any(|u| u.worth == 0) {
                        p.zero { (t(lang, Key::RecommendWorthZero)) }
                    }
                }
            }
            p.facility { (plain(super::text::header_line(query, lang, Screen::PLAIN)).trim()) }
            @if let Some(age) = age {
                p.data-age { (data_age_line(age, lang)) }
                @if let Some(stale) = stale_line(age, lang, t(lang, Key::ServeAskContacts)) {
                    p.stale role="note" { (stale) }
                }
            }
        }
    }
}

/// The guided form's page (`/ask`), a step at a time.
pub struct Guided<'a, 'c> {
    /// Step 2: the answer so far and the questions that change it, the
    /// largest yen at stake first (none left: the answer alone). `None`:
    /// step 1, the facility, its beds and the cost.
    pub answer: Option<(&'a Answered<'a, 'c>, &'a [Question<'c>])>,
    /// Why the form was refused, said above step 1: the field's label and
    /// the sentence; the field's own name, left out of what is carried.
    pub refused: Option<(&'a str, &'a str, &'a str)>,
    /// The form as given: step 1 filled in again, and every answer carried
    /// to the next step in hidden fields.
    pub pairs: &'a [(String, String)],
    /// This query with `lang` switched, for the language link.
    pub other_lang: &'a str,
    /// The rule data's age on the as-of date, said under the answer.
    pub age: Option<DataAge>,
}

/// The fields step 1 shows: what it does not carry hidden.
const STEP_ONE: [&str; 5] = ["lang", "facility", "beds", "cost", "as_of"];

/// The guided form's page: step 1, or the answer so far with the
/// questions that change it (step 2), or once none is left the answer
/// alone; with the way to the full form, which keeps what was said.
pub fn guided_page(g: &Guided<'_, '_>, lang: Lang) -> String {
    let said: Vec<(String, String)> = g
        .pairs
        .iter()
        .filter(|(k, _)| k != "asked")
        .cloned()
        .collect();
    let full_form = format!("/?{}", query_with(&said, "lang", lang_id(lang)));
    let start_over = format!("/ask?lang={}", lang_id(lang));
    let body = html! {
        p.links {
            a href=(full_form) { (t(lang, Key::GuideFullForm)) }
            " · "
            a href=(start_over) { (t(lang, Key::GuideStartOver)) }
        }
        @if let Some((_, _, message)) = g.refused {
            section.error role="alert" {
                h2 { (t(lang, Key::ServeRefused)) }
                p { (message) }
            }
        }
        @match g.answer {
            None => { (guide_step_one(g, lang)) }
            Some((answered, questions)) => {
                @let recommended = Recommended {
                    recommendation: &answered.recommendation,
                    number: &|_| None,
                    plan: answered.plan,
                };
                @let note = (!questions.is_empty()).then(|| t(lang, Key::GuideDepends));
                (answer_box(&recommended, &answered.summary, answered.query, g.age.as_ref(), note, lang))
                @if questions.is_empty() {
                    p.done { (t(lang, Key::GuideNoMoreQuestions)) }
                } @else {
                    (guide_step_two(g.pairs, questions, lang))
                }
            }
        }
    };
    document(t(lang, Key::ServeTitle), body, g.other_lang, lang).into_string()
}

/// Step 1: the kind of facility, its beds, the cost (blank: not known)
/// and the day; anything else the form was given carried along, but the
/// field refused.
fn guide_step_one(g: &Guided<'_, '_>, lang: Lang) -> Markup {
    let value = |name: &str| -> &str {
        (g.pairs.iter())
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    };
    let refused = g.refused.map_or("", |(_, field, _)| field);
    let carried = g.pairs.iter().filter(|(k, v)| {
        !STEP_ONE.contains(&k.as_str()) && k != refused && !(k == "asked" && v == refused)
    });
    // As read (病院, 有床診療所 …), so an option never falls back to the first.
    let chosen = crate::input::parse::facility(value("facility")).ok();
    let kinds = [
        ("hospital", FacilityClass::Hospital.name(lang)),
        ("clinic", FacilityClass::Clinic.name(lang)),
        ("bedded-clinic", t(lang, Key::GuideBeddedClinic)),
        ("pharmacy", FacilityClass::Pharmacy.name(lang)),
    ];
    html! {
        form.facility.guide method="get" action="/ask" {
            h2 { (t(lang, Key::GuideStepFacility)) }
            p.intro { (t(lang, Key::GuideWebIntro)) }
            input type="hidden" name="lang" value=(lang_id(lang));
            fieldset {
                legend { (t(lang, Key::ServeFacilityClass)) }
                @for (id, name) in kinds {
                    @let checked = chosen.is_some_and(|kind| crate::input::parse::facility(id).ok() == Some(kind));
                    label { input type="radio" name="facility" value=(id) required checked[checked]; (name) }
                }
            }
            fieldset {
                label { (t(lang, Key::ServeBeds)) " " input type="number" name="beds" min="0" max="100000" value=(value("beds")); small { "（" (t(lang, Key::GuideBedsWhen)) "）" } }
                label { (t(lang, Key::ServeCost)) " " input type="text" name="cost" inputmode="numeric" placeholder="14,000,000" value=(value("cost")); }
                label { (t(lang, Key::ServeAsOf)) " " input type="date" name="as_of" value=(value("as_of")); }
            }
            p.hint { (t(lang, Key::GuideCostEmpty)) }
            @for (name, value) in carried {
                input type="hidden" name=(name) value=(value);
            }
            button type="submit" { (t(lang, Key::GuideNext)) }
        }
    }
}

/// Step 2: each question that changes the answer, the largest yen at
/// stake first, with what rides on it; everything said so far carried in
/// hidden fields, and each question shown marked as put (`asked`).
fn guide_step_two(pairs: &[(String, String)], questions: &[Question<'_>], lang: Lang) -> Markup {
    let shown: Vec<String> = questions.iter().map(|q| q.topic.name()).collect();
    let carried = pairs
        .iter()
        .filter(|(k, _)| !shown.contains(k) && k.as_str() != "lang");
    let unknown = t(lang, Key::ServeUnknown);
    html! {
        form.facility.guide method="get" action="/ask" {
            h2 { (t(lang, Key::GuideStepQuestions)) }
            input type="hidden" name="lang" value=(lang_id(lang));
            @for (name, value) in carried {
                input type="hidden" name=(name) value=(value);
            }
            @for name in &shown {
                input type="hidden" name="asked" value=(name);
            }
            ol.questions {
                @for (n, q) in questions.iter().enumerate() {
                    @let name = q.topic.name();
                    @let id = format!("q{}", n + 1);
                    li {
                        p.ask id=(id) { (super::questions::guide_question(q, lang)) }
                        @if let Some(worth) = super::questions::guide_worth(q, lang) {
                            p.worth { (worth) }
                        }
                        fieldset.question aria-labelledby=(id) {
                            @match q.topic.kind() {
                                Kind::YesNo => {
                                    label { input type="radio" name=(name) value="yes"; (t(lang, Key::ServeYes)) }
                                    label { input type="radio" name=(name) value="no"; (t(lang, Key::ServeNo)) }
                                    label { input type="radio" name=(name) value="" checked; (unknown) }
                                }
                                Kind::Entity => {
                                    @for entity in &q.entities {
                                        label { input type="radio" name=(name) value=(entity.id()); (entity.name(lang)) }
                                    }
                                    label { input type="radio" name=(name) value="" checked; (unknown) }
                                }
                                Kind::Count => {
                                    @let min = if matches!(q.topic, Topic::Processes | Topic::Functions) { "1" } else { "0" };
                                    label { input type="number" name=(name) min=(min) max="1000000"; " " small { (t(lang, Key::GuideLeaveBlank)) } }
                                }
                                Kind::Yen | Kind::Prefecture | Kind::Facility => {
                                    @let placeholder = if q.topic == Topic::Prefecture { "福岡県" } else { "" };
                                    label { input type="text" name=(name) placeholder=(placeholder); " " small { (t(lang, Key::GuideLeaveBlank)) } }
                                }
                            }
                        }
                    }
                }
            }
            button type="submit" { (t(lang, Key::GuideAnswer)) }
        }
    }
}

/// What to confirm, under the name of each program it is asked by (each
/// sentence once: both 電子カルテ tiers ask the same facts).
fn to_confirm_by_program<'c>(
    open: &[&Estimate<'c>],
    lang: Lang,
) -> Vec<(&'c Program, Vec<String>)> {
    let mut out: Vec<(&'c Program, Vec<String>)> = Vec::new();
    for e in open {
        for finding in &e.to_confirm {
            let text = finding.text(lang).into_owned();
            match out.iter_mut().find(|(p, _)| p.id == e.program.id) {
                Some((_, texts)) if texts.contains(&text) => {}
                Some((_, texts)) => texts.push(text),
                None => out.push((e.program, vec![text])),
            }
        }
    }
    out
}

fn form_html(form: &FormState<'_>, lang: Lang) -> Markup {
    let selected = |name: &str, value: &str| form.value(name) == value;
    // The facility as read (病院, 有床診療所, ｃｌｉｎｉｃ …), not as typed: an
    // option must not fall back to the first (病院) for a spelling it lacks.
    let chosen_class = crate::input::parse::facility(form.value("facility"))
        .ok()
        .map(|kind| kind.class);
    let yes_no_unknown = |name: String| {
        let current = form.value(&name).to_string();
        html! {
            select name=(name) {
                option value="" selected[current.is_empty()] { (t(lang, Key::ServeUnknown)) }
                option value="yes" selected[current == "yes"] { (t(lang, Key::ServeYes)) }
                option value="no" selected[current == "no"] { (t(lang, Key::ServeNo)) }
            }
        }
    };
    html! {
        form.facility method="get" action="/" {
            input type="hidden" name="lang" value=(lang_id(lang));
            fieldset {
                legend { (t(lang, Key::ServeFacility)) }
                label { (t(lang, Key::ServeFacilityClass)) " "
                    select name="facility" required {
                        @for class in FacilityClass::ALL {
                            option value=(class.id()) selected[chosen_class == Some(class)] { (class.name(lang)) }
                        }
                    }
                }
                label { (t(lang, Key::ServeBeds)) " " input type="number" name="beds" min="0" max="100000" value=(form.value("beds")); }
                label { (t(lang, Key::ServeKenshin)) " " (yes_no_unknown("kenshin".to_string())) }
                label { (t(lang, Key::ServePrefecture)) " " input type="text" name="prefecture" placeholder="東京都" value=(form.value("prefecture")); }
                label { (t(lang, Key::ServeEntity)) " "
                    select name="entity" {
                        option value="" { (t(lang, Key::ServeUnknown)) }
                        @for (id, key) in [("medical-corporation", Key::ServeMedicalCorporation), ("sole-proprietor", Key::ServeSoleProprietor), ("company", Key::ServeCompany)] {
                            option value=(id) selected[selected("entity", id)] { (t(lang, key)) }
                        }
                    }
                }
                label { (t(lang, Key::ServeCapital)) " " input type="text" name="capital" inputmode="numeric" value=(form.value("capital")); }
                label { (t(lang, Key::ServeEmployees)) " " input type="number" name="employees" min="0" value=(form.value("employees")); }
            }
            fieldset {
                legend { (t(lang, Key::ServeDigitalAi)) }
                label { (t(lang, Key::ServeProcesses)) " " input type="number" name="processes" min="0" value=(form.value("processes")); }
                label { (t(lang, Key::ServeFunctions)) " " input type="number" name="functions" min="0" value=(form.value("functions")); }
                label { (t(lang, Key::ServeMembers)) " " input type="number" name="members" min="0" value=(form.value("members")); }
                label { (t(lang, Key::ServeSmallBusiness)) " " (yes_no_unknown("small-business".to_string())) }
                label { (t(lang, Key::ServeMinWage)) " " (yes_no_unknown("min-wage-nearby".to_string())) }
            }
            fieldset {
                legend { (t(lang, Key::ServeCosts)) }
                label { (t(lang, Key::ServeCost)) " " input type="text" name="cost" inputmode="numeric" placeholder="14,000,000" value=(form.value("cost")); }
                label { (t(lang, Key::ServeCoupons)) " " input type="number" name="coupons" min="0" value=(form.value("coupons")); }
                @for (key, name) in &form.items {
                    @let field = format!("item:{key}");
                    label { (name.get(lang)) " " input type="text" name=(field) inputmode="numeric" value=(form.value(&field)); }
                }
                label { (t(lang, Key::ServeAsOf)) " " input type="date" name="as_of" value=(form.value("as_of")); }
            }
            @if !form.facts.is_empty() {
                fieldset.facts {
                    legend { (t(lang, Key::ServeFacts)) }
                    @for (id, text) in &form.facts {
                        label { span { (text.get(lang)) } " " (yes_no_unknown(format!("fact:{id}"))) }
                    }
                }
            }
            @for (name, value) in form.pairs.iter().filter(|(k, _)| k == "program" || k == "variant" || k == "coupon-costs" || k == "chart") {
                input type="hidden" name=(name) value=(value);
            }
            button type="submit" { (t(lang, Key::ServeSubmit)) }
        }
    }
}

/// The form's query with `name=value` added (or replaced).
fn with_pair(form: &FormState<'_>, name: &str, value: &str) -> String {
    query_with(form.pairs, name, value)
}

/// A query string of `pairs` with `name` set to `value` (removed when
/// `value` is empty), percent-encoded: every link that keeps the form.
pub fn query_with(pairs: &[(String, String)], name: &str, value: &str) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs.iter().filter(|(k, _)| k != name) {
        out.append_pair(k, v);
    }
    if !value.is_empty() {
        out.append_pair(name, value);
    }
    out.finish()
}

/// Text without the word joiners that keep it whole on a terminal.
fn plain(text: String) -> String {
    text.replace(super::layout::JOIN, "")
}

fn lang_id(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "ja",
        Lang::En => "en",
    }
}

fn other_lang_id(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "en",
        Lang::En => "ja",
    }
}

/// The style sheet, served from the binary (nothing is fetched from elsewhere).
pub const STYLE: &str = include_str!("style.css");
