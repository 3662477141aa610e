//! Whom a change touches, said: one client's change in words
//! ([`ClientChange`]), the summary line ([`ClientsSummary`]), and the
//! clients a change touches as text ([`clients_text`]) or JSON
//! ([`clients_json`]). The core decides what changed for a facility
//! (`core::diff::clients`); this words it.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Side, say, to_json};
use crate::core::catalogue::Lang;
use crate::core::diff::clients::{FacilityDiff, Shift, Standing};
use crate::core::money::Yen;
use crate::i18n::Key;
use crate::report::layout;
use crate::report::questions::question;
use crate::report::words::{t, yen};

/// What changed for one client of a list, said (kept while the list is
/// read: only the clients a change touches).
#[derive(Debug, Clone, Serialize)]
pub struct ClientChange {
    /// The row a spreadsheet shows (the header is row 1), or the JSONL line.
    pub row: u64,
    /// `さくら内科（C001）`, or the row where the list names no client.
    pub client: String,
    /// The client's columns as the list gives them (`facility_id`, 施設名 …).
    pub cells: Vec<String>,
    pub old_total: Option<Yen>,
    pub new_total: Option<Yen>,
    /// Each program that changed for it.
    pub programs: Vec<ProgramChange>,
    /// The kinds of change, each once, in [`Shift::ALL`]'s order.
    pub shifts: Vec<Shift>,
}

/// One program's change for a client, said.
#[derive(Debug, Clone, Serialize)]
pub struct ProgramChange {
    pub id: String,
    /// Its short name.
    pub name: String,
    pub shifts: Vec<Shift>,
    pub old_grant: Option<Yen>,
    pub new_grant: Option<Yen>,
    pub old_deadline: Option<NaiveDate>,
    pub new_deadline: Option<NaiveDate>,
    /// The questions new under the new catalogue.
    pub new_to_confirm: Vec<String>,
    /// What changed, in words: `補助額 4,085,000円 → 4,500,000円（+415,000円）`.
    pub words: Vec<String>,
}

impl ClientChange {
    /// `diff`, said for the client of `row` named `client` with its `cells`.
    pub fn of(
        row: u64,
        client: String,
        cells: Vec<String>,
        diff: &FacilityDiff<'_, '_, '_>,
        lang: Lang,
    ) -> ClientChange {
        let programs: Vec<ProgramChange> = diff
            .programs
            .iter()
            .map(|p| {
                let grant = |s: &Option<Standing>| s.as_ref().and_then(|s| s.grant);
                let deadline = |s: &Option<Standing>| s.as_ref().and_then(|s| s.deadline);
                let new_to_confirm: Vec<String> = p
                    .new_to_confirm
                    .iter()
                    .map(|f| question(f, lang).into_owned())
                    .collect();
                let words = p
                    .shifts
                    .iter()
                    .map(|shift| {
                        shift_words(
                            *shift,
                            p.old.as_ref(),
                            p.new.as_ref(),
                            &new_to_confirm,
                            lang,
                        )
                    })
                    .collect();
                ProgramChange {
                    id: p.id.clone(),
                    name: p.short_name.get(lang).to_string(),
                    shifts: p.shifts.clone(),
                    old_grant: grant(&p.old),
                    new_grant: grant(&p.new),
                    old_deadline: deadline(&p.old),
                    new_deadline: deadline(&p.new),
                    new_to_confirm,
                    words,
                }
            })
            .collect();
        let shifts = Shift::ALL.into_iter().filter(|s| diff.has(*s)).collect();
        ClientChange {
            row,
            client,
            cells,
            old_total: diff.old_total,
            new_total: diff.new_total,
            programs,
            shifts,
        }
    }

    /// `推奨合計 600,000円 → 650,000円（+50,000円）`.
    pub fn total_words(&self, lang: Lang) -> String {
        let amount =
            |y: Option<Yen>| y.map_or_else(|| t(lang, Key::DiffNone).to_string(), |y| yen(lang, y));
        if self.old_total == self.new_total {
            return say(
                lang,
                Key::DiffClientTotalSame,
                &[("total", &amount(self.new_total))],
            );
        }
        let delta = signed_yen(
            i128::from(self.new_total.unwrap_or(0)) - i128::from(self.old_total.unwrap_or(0)),
            lang,
        );
        say(
            lang,
            Key::DiffClientTotal,
            &[
                ("old", &amount(self.old_total)),
                ("new", &amount(self.new_total)),
                ("delta", &delta),
            ],
        )
    }
}

/// `+415,000円`, `-415,000円`.
pub fn signed_yen(delta: i128, lang: Lang) -> String {
    let sign = if delta < 0 { "-" } else { "+" };
    let amount = u64::try_from(delta.unsigned_abs()).unwrap_or(u64::MAX);
    format!("{sign}{}", yen(lang, amount))
}

/// One shift in words.
fn shift_words(
    shift: Shift,
    old: Option<&Standing>,
    new: Option<&Standing>,
    questions: &[String],
    lang: Lang,
) -> String {
    let amount = |y: Option<Yen>| {
        y.map_or_else(|| t(lang, Key::DiffNotStated).to_string(), |y| yen(lang, y))
    };
    let date = |d: Option<NaiveDate>| {
        d.map_or_else(
            || t(lang, Key::DiffNotStated).to_string(),
            |d| d.to_string(),
        )
    };
    match shift {
        Shift::NewlyEligible => say(
            lang,
            Key::DiffShiftNewly,
            &[
                ("grant", &amount(new.and_then(|s| s.grant))),
                ("deadline", &date(new.and_then(|s| s.deadline))),
            ],
        ),
        Shift::NoLongerEligible => {
            let reason = match new.and_then(|s| s.left_out) {
                Some(why) => why.label(lang).to_string(),
                None => t(lang, Key::DiffShiftGone).to_string(),
            };
            say(lang, Key::DiffShiftNoLonger, &[("reason", &reason)])
        }
        Shift::GrantUnknown => say(
            lang,
            Key::DiffShiftGrantUnknown,
            &[("old", &amount(old.and_then(|s| s.grant)))],
        ),
        Shift::GrantKnown => say(
            lang,
            Key::DiffShiftGrantKnown,
            &[("new", &amount(new.and_then(|s| s.grant)))],
        ),
        Shift::GrantUp | Shift::GrantDown => {
            let (a, b) = (old.and_then(|s| s.grant), new.and_then(|s| s.grant));
            let delta = signed_yen(
                i128::from(b.unwrap_or(0)) - i128::from(a.unwrap_or(0)),
                lang,
            );
            say(
                lang,
                Key::DiffShiftGrant,
                &[("old", &amount(a)), ("new", &amount(b)), ("delta", &delta)],
            )
        }
        Shift::DeadlineMoved => say(
            lang,
            Key::DiffShiftDeadline,
            &[
                ("old", &date(old.and_then(|s| s.deadline))),
                ("new", &date(new.and_then(|s| s.deadline))),
            ],
        ),
        Shift::NewToConfirm => {
            let separator = t(lang, Key::BatchListSeparator);
            say(
                lang,
                Key::DiffShiftConfirm,
                &[("questions", &questions.join(separator))],
            )
        }
    }
}

/// 対象になった, 補助額増 …: a kind of change, short.
pub fn shift_label(shift: Shift, lang: Lang) -> &'static str {
    t(
        lang,
        match shift {
            Shift::NewlyEligible => Key::DiffShiftNewlyShort,
            Shift::NoLongerEligible => Key::DiffShiftNoLongerShort,
            Shift::GrantUp => Key::DiffShiftGrantUpShort,
            Shift::GrantDown => Key::DiffShiftGrantDownShort,
            Shift::GrantUnknown => Key::DiffShiftGrantUnknownShort,
            Shift::GrantKnown => Key::DiffShiftGrantKnownShort,
            Shift::DeadlineMoved => Key::DiffShiftDeadlineShort,
            Shift::NewToConfirm => Key::DiffShiftConfirmShort,
        },
    )
}

/// A list's run: clients read, those a change touches, and each kind of
/// change counted by client.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ClientsSummary {
    pub read: u64,
    pub changed: u64,
    /// Clients with each kind of change, in [`Shift::ALL`]'s order.
    pub by_shift: [u64; Shift::ALL.len()],
    /// The rows that could not be read, each with its error.
    pub failed: Vec<(u64, String)>,
}

impl ClientsSummary {
    /// Counts a client read, and its change if it has one.
    pub fn count(&mut self, change: Option<&ClientChange>) {
        self.read += 1;
        if let Some(change) = change {
            self.changed += 1;
            for (i, shift) in Shift::ALL.iter().enumerate() {
                if change.shifts.contains(shift) {
                    self.by_shift[i] += 1;
                }
            }
        }
    }

    /// `10件中 4件に変更: 対象になった 1、…`, and the rows not read.
    pub fn line(&self, lang: Lang) -> String {
        let [newly, no_longer, up, down, unknown, known, moved, confirm] = self.by_shift;
        let mut line = say(
            lang,
            Key::DiffClientsSummary,
            &[
                ("read", &self.read),
                ("changed", &self.changed),
                ("newly", &newly),
                ("no_longer", &no_longer),
                ("up", &up),
                ("down", &down),
                ("unknown", &unknown),
                ("known", &known),
                ("moved", &moved),
                ("confirm", &confirm),
            ],
        );
        if !self.failed.is_empty() {
            let rows: Vec<String> = self.failed.iter().map(|(row, _)| row.to_string()).collect();
            line.push('\n');
            line.push_str(&say(
                lang,
                Key::DiffClientsFailed,
                &[("failed", &self.failed.len()), ("rows", &rows.join(", "))],
            ));
        }
        line
    }
}

/// The clients a change touches, for people: the summary line, then each
/// client with its recommended total and each program's change, then the
/// rows that could not be read with their errors; wrapped to `width`.
pub fn clients_text(
    changes: &[ClientChange],
    summary: &ClientsSummary,
    lang: Lang,
    width: usize,
) -> String {
    let mut text = summary.line(lang);
    text.push('\n');
    for change in changes {
        text.push('\n');
        text.push_str(&change.client);
        text.push_str("  ");
        text.push_str(&change.total_words(lang));
        text.push('\n');
        for program in &change.programs {
            for words in &program.words {
                text.push_str(&format!("  {}: {words}\n", program.name));
            }
        }
    }
    if !summary.failed.is_empty() {
        text.push('\n');
        for (_, error) in &summary.failed {
            text.push_str(error);
            text.push('\n');
        }
    }
    layout::wrap_lines(&text, width)
}

/// The clients a change touches, for scripts.
pub fn clients_json(
    columns: &[String],
    changes: &[ClientChange],
    summary: &ClientsSummary,
    old: &Side,
    new: &Side,
    as_of: NaiveDate,
) -> String {
    #[derive(Serialize)]
    struct Counts {
        read: u64,
        changed: u64,
        newly_eligible: u64,
        no_longer_eligible: u64,
        grant_up: u64,
        grant_down: u64,
        grant_unknown: u64,
        grant_known: u64,
        deadline_moved: u64,
        new_to_confirm: u64,
    }
    #[derive(Serialize)]
    struct Failed<'a> {
        row: u64,
        error: &'a str,
    }
    #[derive(Serialize)]
    struct Json<'a> {
        old: &'a Side,
        new: &'a Side,
        as_of: NaiveDate,
        summary: Counts,
        /// The names of the client columns each client's `cells` are of.
        columns: &'a [String],
        clients: &'a [ClientChange],
        failed: Vec<Failed<'a>>,
    }
    let [newly, no_longer, up, down, unknown, known, moved, confirm] = summary.by_shift;
    to_json(&Json {
        old,
        new,
        as_of,
        summary: Counts {
            read: summary.read,
            changed: summary.changed,
            newly_eligible: newly,
            no_longer_eligible: no_longer,
            grant_up: up,
            grant_down: down,
            grant_unknown: unknown,
            grant_known: known,
            deadline_moved: moved,
            new_to_confirm: confirm,
        },
        columns,
        clients: changes,
        failed: summary
            .failed
            .iter()
            .map(|(row, error)| Failed { row: *row, error })
            .collect(),
    })
}
