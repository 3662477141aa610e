//! The guided mode ([`Guide`]): one question at a time, as a pure state
//! machine that `subsidy ask` (the terminal) and the web's two-step form
//! (`/ask`) drive. Questions go out, answers come in, and after each answer
//! the best combination ([`crate::core::recommend`]) is worked out again to
//! find the next question.
//!
//! What is asked, in order:
//! 1. the facility ([`Topic::Facility`]), which nothing can do without;
//! 2. the beds, only where the checks need them (a hospital, a 有床診療所:
//!    [`Checker::profile`] says the beds are missing);
//! 3. the cost, which may be left unknown: the answer is then `plan`'s,
//!    each result at its largest grant ([`Outcome::Plan`]);
//! 4. then only what changes the answer ([`Guide::pending`]): each fact the
//!    best combination assumes that is worth more than 0 yen
//!    ([`Unknown`](crate::core::recommend::Unknown)`::worth`), and the
//!    prefecture where naming it would add a grant (福岡県's top-up), the
//!    largest yen at stake first. A question answered or left unknown is
//!    not asked again.
//!
//! Every answer is read by the parser of its kind of value
//! ([`crate::input::parse`]), as a flag, a column or a form field is, and
//! checked as the request of every front end is ([`Checker::profile`]): a
//! refusal ([`Refusal`]) says why, with an example, and the question stands.
//! How a line is meant ([`Reply`]): empty, 「わからない」 or `skip` leaves the
//! question unknown; 「おわり」 or `done` gives the answer now.
//!
//! Pure: no I/O and no words. The front ends word the questions
//! (`report::guide_question`) and the answer.

use std::cmp::Reverse;

use chrono::NaiveDate;

use crate::core::catalogue::{Catalogue, DecidedBy, Entity};
use crate::core::estimate::{self, Ask, Estimate, Finding, Query, Stack, size_inputs};
use crate::core::money::Yen;
use crate::core::plan::{self, Plan};
use crate::core::prefecture;
use crate::core::recommend::{self, Measure, Recommendation};
use crate::input::parse::{self, ValueError};
use crate::input::request::{Checker, Field, InputError, Problem, Request, entity_with_capital};

#[cfg(test)]
mod tests;

/// What a question is about: the input its answer gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic<'c> {
    /// The kind of facility (病院, 有床診療所 …).
    Facility,
    Beds,
    Cost,
    Prefecture,
    /// Whether 健診 is carried out.
    Kenshin,
    /// A fact of the catalogue, by its id.
    Fact(&'c str),
    /// The 業務プロセス count.
    Processes,
    /// The 会計・受発注・決済 function count.
    Functions,
    /// The legal form, for the size test; then a company's capital, and
    /// the employees.
    Entity,
    Capital,
    Employees,
}

/// How a topic's answer is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// [`parse::facility`].
    Facility,
    /// [`parse::count`].
    Count,
    /// [`parse::yen`].
    Yen,
    /// [`parse::yes_no`].
    YesNo,
    /// A prefecture's name ([`prefecture::normalize`]).
    Prefecture,
    /// [`parse::entity`].
    Entity,
}

impl<'c> Topic<'c> {
    /// How its answer is read.
    pub fn kind(self) -> Kind {
        match self {
            Topic::Facility => Kind::Facility,
            Topic::Beds | Topic::Processes | Topic::Functions | Topic::Employees => Kind::Count,
            Topic::Cost | Topic::Capital => Kind::Yen,
            Topic::Prefecture => Kind::Prefecture,
            Topic::Kenshin | Topic::Fact(_) => Kind::YesNo,
            Topic::Entity => Kind::Entity,
        }
    }

    /// Its name as a column and a form field (`fact:online-qual-in-place`,
    /// `kenshin`, `beds`): the web form's input, which the query string is
    /// read by, and how the form says it was asked.
    pub fn name(self) -> String {
        let field = match self {
            Topic::Fact(id) => return format!("fact:{id}"),
            Topic::Kenshin => return "kenshin".to_string(),
            Topic::Facility => Field::Facility,
            Topic::Beds => Field::Beds,
            Topic::Cost => Field::Cost,
            Topic::Prefecture => Field::Prefecture,
            Topic::Processes => Field::Processes,
            Topic::Functions => Field::Functions,
            Topic::Entity => Field::Entity,
            Topic::Capital => Field::Capital,
            Topic::Employees => Field::Employees,
        };
        field.name().to_string()
    }

    /// The topic a form field `name` is ([`Topic::name`]), its fact one of
    /// `catalogue`'s; `None` for any other name.
    pub fn named(name: &str, catalogue: &'c Catalogue) -> Option<Topic<'c>> {
        if let Some(id) = name.strip_prefix("fact:") {
            let id = catalogue
                .fact_ids()
                .into_iter()
                .find(|f| f.eq_ignore_ascii_case(id.trim()))?;
            return Some(Topic::Fact(id));
        }
        Some(match name {
            "facility" => Topic::Facility,
            "beds" => Topic::Beds,
            "cost" => Topic::Cost,
            "prefecture" => Topic::Prefecture,
            "kenshin" => Topic::Kenshin,
            "processes" => Topic::Processes,
            "functions" => Topic::Functions,
            "entity" => Topic::Entity,
            "capital" => Topic::Capital,
            "employees" => Topic::Employees,
            _ => return None,
        })
    }
}

/// A question to put: its topic, the yen at stake, and the finding in
/// whose words it is asked.
#[derive(Debug, Clone)]
pub struct Question<'c> {
    pub topic: Topic<'c>,
    /// How much the best combination turns on the answer: what it loses
    /// if a fact turns out otherwise, or what naming the prefecture adds.
    /// `None` for the facility, the beds and the cost, which come first.
    pub worth: Option<Yen>,
    /// The finding it settles (a fact's, 健診's, a count's, the size
    /// test's), which words it.
    pub finding: Option<Finding<'c>>,
    /// For [`Topic::Entity`]: the legal forms the program's size table has
    /// for this kind of facility, to choose among.
    pub entities: Vec<Entity>,
}

impl<'c> Question<'c> {
    /// A question of the first three, with no yen at stake yet.
    fn plain(topic: Topic<'c>) -> Question<'c> {
        Question {
            topic,
            worth: None,
            finding: None,
            entities: Vec::new(),
        }
    }
}

/// What comes next: a question, or the answer.
#[derive(Debug, Clone)]
pub enum Step<'c> {
    Ask(Question<'c>),
    /// Nothing left to ask (or the user asked for the answer): the
    /// [`Guide::outcome`].
    Done,
}

/// How a line typed in answer is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply<'t> {
    /// Not known: an empty line, 「わからない」, `skip`, `?`.
    Skip,
    /// Give the answer now: 「おわり」, `done`, `quit`, `q`.
    Stop,
    /// An answer, to be read by the question's parser.
    Answer(&'t str),
}

/// The words that leave a question unknown, as [`parse::normal`] folds them.
pub const SKIP_WORDS: &[&str] = &[
    "",
    "?",
    "わからない",
    "分からない",
    "わかりません",
    "分かりません",
    "不明",
    "skip",
    "unknown",
    "don't know",
    "dont know",
];

/// The words that ask for the answer now.
pub const STOP_WORDS: &[&str] = &["おわり", "終わり", "終了", "done", "quit", "q", "exit"];

impl<'t> Reply<'t> {
    /// How `line` is meant ([`SKIP_WORDS`], [`STOP_WORDS`], else an answer).
    pub fn read(line: &'t str) -> Reply<'t> {
        let folded = parse::normal(line);
        let folded = folded.trim_end_matches(['。', '.', '！', '!']);
        if SKIP_WORDS.contains(&folded) {
            Reply::Skip
        } else if STOP_WORDS.contains(&folded) {
            Reply::Stop
        } else {
            Reply::Answer(line.trim())
        }
    }
}

/// Why an answer is not taken; the question stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// It cannot be read as its kind of value: why, with an example.
    Value(ValueError),
    /// Read, and refused by the checks every request goes through (a
    /// hospital of 10 beds, a prefecture no one has).
    Input(InputError),
    /// The question cannot be left unknown (the facility, a hospital's beds).
    Required,
}

impl From<ValueError> for Refusal {
    fn from(e: ValueError) -> Refusal {
        Refusal::Value(e)
    }
}

impl From<InputError> for Refusal {
    fn from(e: InputError) -> Refusal {
        Refusal::Input(e)
    }
}

/// What a reply did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replied {
    Answered,
    Skipped,
    Stopped,
}

/// The answer as it stands: on the cost given, `calc`'s results; with no
/// cost, `plan`'s, each at its largest grant.
#[derive(Debug)]
pub enum Outcome<'c> {
    Calc {
        estimates: Vec<Estimate<'c>>,
        stacks: Vec<Stack>,
        query: Query,
    },
    Plan {
        plan: Plan<'c>,
        query: Query,
    },
}

impl<'c> Outcome<'c> {
    /// The best combination, as `calc` or `plan` works it out.
    pub fn recommendation(&self) -> Recommendation<'_, 'c> {
        match self {
            Outcome::Calc {
                estimates, query, ..
            } => recommend::recommend(estimates, query, Measure::OnCost),
            Outcome::Plan { plan, query } => recommend::of_plan(plan, query),
        }
    }

    /// The query as checked.
    pub fn query(&self) -> &Query {
        match self {
            Outcome::Calc { query, .. } | Outcome::Plan { query, .. } => query,
        }
    }

    /// Every result it looked at.
    fn estimates(&self) -> Vec<&Estimate<'c>> {
        match self {
            Outcome::Calc { estimates, .. } => estimates.iter().collect(),
            Outcome::Plan { plan, .. } => (plan.entries.iter())
                .chain(&plan.period_unknown)
                .map(|entry| &entry.estimate)
                .collect(),
        }
    }
}

/// The dialogue's state: what has been said, and which questions have
/// been put (answered or left unknown).
pub struct Guide<'c> {
    checker: Checker<'c>,
    as_of: NaiveDate,
    request: Request,
    asked: Vec<Topic<'c>>,
    stopped: bool,
}

impl<'c> Guide<'c> {
    /// A dialogue about `request` (what is known already: flags, a
    /// profile, the config file's prefecture) on `as_of`.
    pub fn new(catalogue: &'c Catalogue, request: Request, as_of: NaiveDate) -> Guide<'c> {
        Guide {
            checker: Checker::new(catalogue),
            as_of,
            request,
            asked: Vec::new(),
            stopped: false,
        }
    }

    /// What has been said so far.
    pub fn request(&self) -> &Request {
        &self.request
    }

    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// The questions put so far, in order.
    pub fn asked(&self) -> &[Topic<'c>] {
        &self.asked
    }

    /// Whether `topic` has been put.
    pub fn was_asked(&self, topic: Topic<'c>) -> bool {
        self.asked.contains(&topic)
    }

    /// Takes `topic` as put (the web form says which it showed).
    pub fn mark_asked(&mut self, topic: Topic<'c>) {
        if !self.was_asked(topic) {
            self.asked.push(topic);
        }
    }

    /// The next question, or the answer.
    pub fn next(&self) -> Step<'c> {
        if let Some(topic) = self.required() {
            return Step::Ask(Question::plain(topic));
        }
        if self.stopped {
            return Step::Done;
        }
        if self.request.cost.is_none() && !self.was_asked(Topic::Cost) {
            return Step::Ask(Question::plain(Topic::Cost));
        }
        match self.pending().into_iter().next() {
            Some(question) => Step::Ask(question),
            None => Step::Done,
        }
    }

    /// What no answer can do without and is not given yet: the facility,
    /// then the beds where the checks need them (a hospital, a 有床診療所).
    pub fn required(&self) -> Option<Topic<'c>> {
        self.missing().map(|e| match e.field {
            Field::Facility => Topic::Facility,
            _ => Topic::Beds,
        })
    }

    /// [`Guide::required`] as the error of a request without it, which
    /// every front end words (`missing --beds: …`).
    pub fn missing(&self) -> Option<InputError> {
        if self.request.facility.is_none() {
            return Some(InputError::missing(Field::Facility, Problem::NoFacility));
        }
        match self.checker.profile(&self.request, self.as_of) {
            Err(e) if e.field == Field::Beds && e.is_missing() => Some(e),
            _ => None,
        }
    }

    /// The questions that change the answer now, not yet put, the largest
    /// yen at stake first (those at stake alike in the order the best
    /// combination asks them): each fact it assumes that is worth more
    /// than 0 yen, and the prefecture where naming it adds a grant. Empty
    /// while the facility or its beds are missing.
    pub fn pending(&self) -> Vec<Question<'c>> {
        if self.required().is_some() {
            return Vec::new();
        }
        let Ok(outcome) = self.outcome() else {
            return Vec::new();
        };
        let recommendation = outcome.recommendation();
        let mut out: Vec<Question<'c>> = Vec::new();
        for unknown in recommendation.unknowns.iter().filter(|u| u.worth > 0) {
            for (topic, entities) in self.topics_of(unknown.ask) {
                if self.was_asked(topic) || out.iter().any(|q| q.topic == topic) {
                    continue;
                }
                out.push(Question {
                    topic,
                    worth: Some(unknown.worth),
                    finding: Some(unknown.finding.clone()),
                    entities,
                });
            }
        }
        if !out.iter().any(|q| q.topic == Topic::Prefecture)
            && let Some(question) = self.prefecture_question(&outcome, recommendation.total)
        {
            out.push(question);
        }
        // Stable: those at stake alike keep the best combination's order.
        out.sort_by_key(|q| Reverse(q.worth));
        out
    }

    /// The inputs that settle what `ask` asks and are not given yet.
    fn topics_of(&self, ask: &Ask<'c>) -> Vec<(Topic<'c>, Vec<Entity>)> {
        let one = |topic| vec![(topic, Vec::new())];
        match ask {
            Ask::Condition(condition) => match condition.decided_by {
                DecidedBy::Fact => match condition.fact.as_deref() {
                    Some(fact) => one(Topic::Fact(fact)),
                    None => Vec::new(),
                },
                DecidedBy::Prefecture => one(Topic::Prefecture),
                DecidedBy::EntitySize => self.size_topics(Entity::ALL.to_vec(), true, true),
            },
            Ask::Size(program, class) => {
                let (forms, capital, employees) = size_inputs(program, *class);
                let entities = forms
                    .split('|')
                    .filter_map(|id| parse::entity(id).ok())
                    .collect();
                self.size_topics(entities, capital, employees)
            }
            Ask::Kenshin => one(Topic::Kenshin),
            Ask::Processes => one(Topic::Processes),
            Ask::Functions => one(Topic::Functions),
            Ask::Cost | Ask::Items(_) | Ask::Item(_) | Ask::Members | Ask::RateFlag(_) => {
                Vec::new()
            }
        }
    }

    /// The size test's inputs not given yet: the legal form (among
    /// `entities`), a company's capital once it is said to be a company,
    /// the employees.
    fn size_topics(
        &self,
        entities: Vec<Entity>,
        capital: bool,
        employees: bool,
    ) -> Vec<(Topic<'c>, Vec<Entity>)> {
        let mut out = Vec::new();
        if self.request.entity.is_none() {
            out.push((Topic::Entity, entities));
        }
        if capital && self.request.entity == Some(Entity::Company { capital: None }) {
            out.push((Topic::Capital, Vec::new()));
        }
        if employees && self.request.employees.is_none() {
            out.push((Topic::Employees, Vec::new()));
        }
        out
    }

    /// The prefecture, where it is not given and naming the one a program
    /// is for (福岡県) would add to the best combination's `total`: worth
    /// what it adds.
    fn prefecture_question(&self, outcome: &Outcome<'c>, total: Yen) -> Option<Question<'c>> {
        if self.request.prefecture.is_some() || self.was_asked(Topic::Prefecture) {
            return None;
        }
        let mut named: Vec<&str> = Vec::new();
        for e in outcome.estimates() {
            if e.left_out().is_some() {
                continue;
            }
            let open = e.conditions.iter().filter(|o| {
                o.holds.is_none()
                    && o.condition.decided_by == DecidedBy::Prefecture
                    && !o.condition.outside
            });
            for o in open {
                if let Some(name) = o.condition.prefecture.as_deref()
                    && !named.contains(&name)
                {
                    named.push(name);
                }
            }
        }
        let gain = named
            .into_iter()
            .filter_map(|name| {
                let mut there = self.request.clone();
                there.prefecture = Some(name.to_string());
                let outcome = outcome_of(&self.checker, &there, self.as_of).ok()?;
                Some(outcome.recommendation().total.saturating_sub(total))
            })
            .max()?;
        (gain > 0).then(|| Question {
            worth: Some(gain),
            ..Question::plain(Topic::Prefecture)
        })
    }

    /// A line typed in answer to `topic`: an answer, a skip or a stop
    /// ([`Reply`]). Refused, nothing changes and the question stands.
    pub fn reply(&mut self, topic: Topic<'c>, line: &str) -> Result<Replied, Refusal> {
        match Reply::read(line) {
            Reply::Skip => self.skip(topic).map(|()| Replied::Skipped),
            Reply::Stop if self.required().is_some() => Err(Refusal::Required),
            Reply::Stop => {
                self.stop();
                Ok(Replied::Stopped)
            }
            Reply::Answer(text) => self.answer(topic, text).map(|()| Replied::Answered),
        }
    }

    /// `text` as the answer to `topic`, read by its parser and checked as
    /// every request is.
    pub fn answer(&mut self, topic: Topic<'c>, text: &str) -> Result<(), Refusal> {
        let text = text.trim();
        let mut request = self.request.clone();
        match topic {
            Topic::Facility => request.facility = Some(parse::facility(text)?),
            Topic::Beds => request.beds = Some(parse::count(text)?),
            Topic::Cost => request.cost = Some(parse::yen(text)?),
            Topic::Prefecture => request.prefecture = Some(text.to_string()),
            Topic::Kenshin => request.kenshin = Some(parse::yes_no(text)?),
            Topic::Fact(id) => {
                let holds = parse::yes_no(text)?;
                request.facts.retain(|(f, _)| f != id);
                request.facts.push((id.to_string(), holds));
            }
            Topic::Processes => request.processes = Some(parse::count(text)?),
            Topic::Functions => request.functions = Some(parse::count(text)?),
            Topic::Entity => request.entity = Some(parse::entity(text)?),
            Topic::Capital => {
                let capital = parse::yen(text)?;
                request.entity = entity_with_capital(request.entity, Some(capital))?;
            }
            Topic::Employees => request.employees = Some(parse::count(text)?),
        }
        match self.checker.profile(&request, self.as_of) {
            Err(e) if !e.is_missing() => return Err(Refusal::Input(e)),
            _ => {}
        }
        // The prefecture as every front end names it (福岡 → 福岡県).
        if topic == Topic::Prefecture {
            request.prefecture = prefecture::normalize(text).map(str::to_string);
        }
        self.request = request;
        self.mark_asked(topic);
        Ok(())
    }

    /// Leaves `topic` unknown: it is not asked again (nor, for the legal
    /// form, the rest of the size test). The facility and a hospital's beds
    /// cannot be left unknown.
    pub fn skip(&mut self, topic: Topic<'c>) -> Result<(), Refusal> {
        if self.required() == Some(topic) {
            return Err(Refusal::Required);
        }
        self.mark_asked(topic);
        if topic == Topic::Entity {
            self.mark_asked(Topic::Capital);
            self.mark_asked(Topic::Employees);
        }
        Ok(())
    }

    /// Asks nothing more: [`Guide::next`] gives the answer (once the
    /// facility and its beds are known).
    pub fn stop(&mut self) {
        self.stopped = true;
    }

    /// The answer as it stands: `calc`'s on the cost, else `plan`'s.
    pub fn outcome(&self) -> Result<Outcome<'c>, InputError> {
        outcome_of(&self.checker, &self.request, self.as_of)
    }
}

/// The answer to `request` on `as_of`: `calc`'s results on its cost (with
/// the caveats people read, as `calc` has them), else `plan`'s.
fn outcome_of<'c>(
    checker: &Checker<'c>,
    request: &Request,
    as_of: NaiveDate,
) -> Result<Outcome<'c>, InputError> {
    match request.cost {
        Some(_) => {
            let (estimates, query) = checker.estimates_and_query(request, as_of, true)?;
            let stacks = estimate::stacks(&estimates);
            Ok(Outcome::Calc {
                estimates,
                stacks,
                query,
            })
        }
        None => {
            let query = checker.plan_query(request, as_of)?;
            Ok(Outcome::Plan {
                plan: plan::plan(checker.catalogue(), &query),
                query,
            })
        }
    }
}
