//! `subsidy ask`: the guided mode in a terminal. A thin front end over
//! [`Guide`], the dialogue's state machine: each question goes to standard
//! error (so that standard output holds the answer alone, as `subsidy ask >
//! answer.txt` wants), each answer is one line of standard input (a
//! terminal, or a pipe read line by line), and the answer and the command
//! that gives it go to standard output.
//!
//! Lines: an answer in any spelling a flag takes (病院, ２５０床, 1400万,
//! はい); an empty line, 「わからない」 or `skip` leaves a question unknown;
//! 「おわり」 or `done` gives the answer now. The end of input (Ctrl-D) gives
//! the answer as it stands, or, before the facility (or a hospital's beds)
//! is known, the missing input as the error (exit 2). A refused answer is
//! said in one line with an example, and the question is asked again.

use std::ffi::OsString;
use std::io::{BufRead, IsTerminal as _, Write};
use std::process::ExitCode;

use chrono::NaiveDate;

use super::args::AskArgs;
use super::error::CliError;
use super::layers::Layers;
use super::spelling::{FLAGS, flags_of};
use super::{
    fail, flag_values, print_out, profile, refused, stderr_width, with_default_prefecture,
};
use crate::Lang;
use crate::i18n::{self, Key};
use crate::input::guide::{Guide, Kind, Question, Refusal, Replied, Step, Topic};
use crate::input::request::{Checker, Request};
use crate::input::text::shown;
use crate::report::layout::{self, Screen};
use crate::report::{self, Answered};

/// The longest answer read: a line past it is read to its end and cut.
const MAX_LINE_BYTES: usize = 4096;

/// What `ask` needs besides its flags: the config file's prefecture, the
/// command line as typed (its `--data` and `--extend` go into the command
/// it ends with), and where the answer goes.
pub(super) struct Context<'a> {
    pub prefecture: Option<&'a str>,
    pub line: &'a [OsString],
    pub screen: Screen,
}

pub(super) fn run(layers: &Layers, args: AskArgs, context: &Context<'_>, lang: Lang) -> ExitCode {
    match ask(layers, args, context, lang) {
        Ok(answer) => print_out(&answer, lang),
        Err(e) => fail(&e, lang),
    }
}

fn ask(
    layers: &Layers,
    args: AskArgs,
    context: &Context<'_>,
    lang: Lang,
) -> Result<String, CliError> {
    let catalogue = layers.load()?;
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut request = Request {
        cost: args.cost,
        ..profile::request(&args.profile, lang)?
    };
    with_default_prefecture(&mut request, context.prefecture);
    // What the flags say is checked as `calc` checks it, before anything is asked.
    if let Err(e) = Checker::new(&catalogue).profile(&request, as_of)
        && !e.is_missing()
    {
        return Err(refused(lang)(e));
    }
    let mut guide = Guide::new(&catalogue, request, as_of);
    let stdin = std::io::stdin();
    let dialogue = Dialogue {
        lang,
        width: stderr_width(),
        // A pipe's lines are not shown as typed: said after the prompt, the
        // dialogue reads as it went.
        echo: !stdin.is_terminal(),
    };
    dialogue.converse(&mut guide, &mut stdin.lock(), &mut std::io::stderr())?;
    let outcome = guide.outcome().map_err(refused(lang))?;
    let answered = Answered::of(&outcome);
    let age = catalogue.receipt().age(as_of);
    let mut out = String::from("\n");
    out.push_str(&report::guided_text(
        &answered,
        age.as_ref(),
        lang,
        context.screen,
    ));
    out.push('\n');
    out.push_str(&layout::hanging(
        "",
        i18n::template(lang, Key::GuideCommand),
        context.screen.width,
    ));
    let command = command_line(
        guide.request(),
        answered.plan,
        args.as_of,
        context.line,
        lang,
    );
    out.push_str(&command_text(&command, context.screen.width));
    Ok(out)
}

/// How the questions are put: in `lang`, wrapped at `width` (`None`: not a
/// terminal, one line each), each answer read said again with `echo`.
struct Dialogue {
    lang: Lang,
    width: Option<usize>,
    echo: bool,
}

impl Dialogue {
    /// Puts `guide`'s questions on `out` and reads the answers from
    /// `input`, one line each, until nothing is left to ask or the user
    /// asks for the answer. At the end of input, the answer as it stands,
    /// or the input still missing as the error. A closed `out` asks on
    /// unheard: the answers still count.
    fn converse<'c>(
        &self,
        guide: &mut Guide<'c>,
        input: &mut impl BufRead,
        out: &mut impl Write,
    ) -> Result<(), CliError> {
        let lang = self.lang;
        self.say(out, "", i18n::template(lang, Key::GuideIntro));
        loop {
            let question = match guide.next() {
                Step::Ask(question) => question,
                Step::Done => {
                    if guide.pending().is_empty() {
                        let _ = writeln!(out);
                        self.say(out, "", i18n::template(lang, Key::GuideNoMoreQuestions));
                    }
                    return Ok(());
                }
            };
            let _ = writeln!(out);
            self.put(out, &question);
            loop {
                let _ = write!(out, "> ");
                let _ = out.flush();
                let Some(line) = read_line(input)? else {
                    let _ = writeln!(out);
                    if let Some(missing) = guide.missing() {
                        return Err(CliError::Usage(missing.message(lang, &FLAGS)));
                    }
                    guide.stop();
                    return Ok(());
                };
                if self.echo {
                    let _ = writeln!(out, "{line}");
                }
                match guide.reply(question.topic, &line) {
                    Ok(Replied::Answered | Replied::Skipped) => break,
                    Ok(Replied::Stopped) => return Ok(()),
                    Err(refusal) => {
                        let said = refusal_text(&refusal, &line, question.topic, lang);
                        self.say(out, "  ", &said);
                    }
                }
            }
        }
    }

    /// The question, and under it what rides on it and how to answer.
    fn put(&self, out: &mut impl Write, question: &Question<'_>) {
        let lang = self.lang;
        self.say(out, "", &report::guide_question(question, lang));
        let how = match (question.topic, question.topic.kind()) {
            (Topic::Cost, _) => Some(i18n::template(lang, Key::GuideCostEmpty)),
            (_, Kind::YesNo) => Some(i18n::template(lang, Key::GuideYesNoChoices)),
            (Topic::Processes | Topic::Functions, _) => {
                Some(i18n::template(lang, Key::GuideCountExample))
            }
            _ => None,
        };
        let under = match (report::guide_worth(question, lang), how) {
            (Some(worth), Some(how)) => Some(i18n::text(
                lang,
                Key::Parenthesized,
                &[("text", &worth), ("note", &how)],
            )),
            (Some(worth), None) => Some(worth),
            (None, how) => how.map(str::to_string),
        };
        if let Some(under) = under {
            self.say(out, "  ", &under);
        }
    }

    /// `text` after `first`, wrapped on a terminal; a closed stream is ignored.
    fn say(&self, out: &mut impl Write, first: &str, text: &str) {
        let text = match self.width {
            Some(width) => layout::hanging(first, text, width),
            None => format!("{first}{text}\n"),
        };
        let _ = out.write_all(text.as_bytes());
    }
}

/// A refused answer in one line: the value and why, with an example.
fn refusal_text(refusal: &Refusal, line: &str, topic: Topic<'_>, lang: Lang) -> String {
    let refused = |value: &str, reason: String| {
        i18n::text(
            lang,
            Key::GuideRefused,
            &[("value", &shown(value)), ("reason", &reason)],
        )
    };
    match refusal {
        Refusal::Value(e) => refused(e.read(), e.message(lang)),
        Refusal::Input(e) => refused(line.trim(), e.reason(lang, &FLAGS)),
        Refusal::Required => {
            let example = match (topic, lang) {
                (Topic::Facility, Lang::Ja) => "病院",
                (Topic::Facility, Lang::En) => "hospital",
                _ => "250",
            };
            i18n::text(lang, Key::GuideRequired, &[("example", &example)])
        }
    }
}

/// One line of `input` without its end (`\n`, `\r\n`), at most
/// [`MAX_LINE_BYTES`] of it (the rest read and dropped), invalid UTF-8
/// replaced; `None` at the end of input.
fn read_line(input: &mut impl BufRead) -> Result<Option<String>, CliError> {
    let cannot_read = |reason| CliError::CannotRead {
        path: "-".into(),
        reason,
    };
    let mut bytes = Vec::new();
    let mut read_any = false;
    loop {
        let buffer = match input.fill_buf() {
            Ok(buffer) => buffer,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(cannot_read(e)),
        };
        if buffer.is_empty() {
            break;
        }
        read_any = true;
        let (line, used, ended) = match buffer.iter().position(|&b| b == b'\n') {
            Some(end) => (&buffer[..end], end + 1, true),
            None => (buffer, buffer.len(), false),
        };
        let room = MAX_LINE_BYTES.saturating_sub(bytes.len());
        bytes.extend_from_slice(&line[..line.len().min(room)]);
        input.consume(used);
        if ended {
            break;
        }
    }
    if !read_any {
        return Ok(None);
    }
    let text = String::from_utf8_lossy(&bytes);
    Ok(Some(text.trim_end_matches('\r').to_string()))
}

/// The command that gives the same answer: `subsidy calc` (or `plan`,
/// without a cost) with a flag for everything said, the day when `--as-of`
/// was given, and the command line's own `--data`, `--extend` and
/// `--lang en`.
fn command_line(
    request: &Request,
    plan: bool,
    as_of: Option<NaiveDate>,
    line: &[OsString],
    lang: Lang,
) -> Vec<String> {
    let mut words = vec![
        "subsidy".to_string(),
        if plan { "plan" } else { "calc" }.to_string(),
    ];
    words.extend(flags_of(request));
    if let Some(day) = as_of {
        words.extend(["--as-of".to_string(), day.to_string()]);
    }
    for flag in ["--data", "--extend"] {
        for dir in flag_values(line, flag) {
            words.extend([flag.to_string(), dir.to_string_lossy().into_owned()]);
        }
    }
    if lang == Lang::En {
        words.extend(["--lang".to_string(), "en".to_string()]);
    }
    words
}

/// `words` as a shell reads them, each quoted where it must be, on lines
/// of at most `width` columns joined by ` \` (pasted whole, it runs as
/// one command), indented under the first; a flag stays on the line of
/// its value.
fn command_text(words: &[String], width: usize) -> String {
    let mut units: Vec<String> = Vec::new();
    let mut words = words.iter().map(|w| quoted(w)).peekable();
    while let Some(word) = words.next() {
        let value = words.next_if(|next| word.starts_with("--") && !next.starts_with("--"));
        units.push(match value {
            Some(value) => format!("{word} {value}"),
            None => word,
        });
    }
    let mut out = String::from("  ");
    let mut column = 2;
    for (i, unit) in units.iter().enumerate() {
        let wide = layout::width(unit);
        // Room for the unit, a space and the ` \` that would follow it.
        if i > 0 && column + 1 + wide + 2 > width {
            out.push_str(" \\\n    ");
            column = 4;
        } else if i > 0 {
            out.push(' ');
            column += 1;
        }
        out.push_str(unit);
        column += wide;
    }
    out.push('\n');
    out
}

/// `word` as a POSIX shell reads it back: as it is when every character is
/// a letter, a digit (any script's) or one of `-_./=:,+@%`; else in single
/// quotes.
fn quoted(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || "-_./=:,+@%".contains(c));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalogue::Catalogue;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// The dialogue of `lines` in `lang` on `as_of`: what it said and the request it ended with.
    fn converse(lines: &str, lang: Lang, as_of: &str) -> (String, Result<Request, CliError>) {
        let catalogue = Catalogue::embedded().unwrap();
        let mut guide = Guide::new(&catalogue, Request::default(), day(as_of));
        let dialogue = Dialogue {
            lang,
            width: None,
            echo: true,
        };
        let mut said = Vec::new();
        let ended = dialogue
            .converse(&mut guide, &mut lines.as_bytes(), &mut said)
            .map(|()| guide.request().clone());
        (String::from_utf8(said).unwrap(), ended)
    }

    /// The design card (001 l.111: 大規模病院 健診実施 6,579千円 on 13,158千円):
    /// each question once, in the order of the yen at stake, and the flags
    /// that say it all.
    #[test]
    fn the_design_card_is_asked_for_and_said_as_flags() {
        let (said, request) = converse(
            "病院\n２５０床\n1400万\nはい\nyes\n○\n",
            Lang::Ja,
            "2026-11-22",
        );
        let request = request.unwrap();
        assert!(said.starts_with("質問に1つずつ"), "{said}");
        assert!(said.contains("> 病院\n"), "{said}");
        let at = |text: &str| {
            said.find(text)
                .unwrap_or_else(|| panic!("{text} in {said}"))
        };
        let choices = "変わります（はい・いいえ・わからない）";
        let facts = at(&format!("  答え次第で 6,579,000円 {choices}"));
        let kenshin = at(&format!("  答え次第で 1,498,000円 {choices}"));
        assert!(at("> 1400万") < facts && facts < kenshin, "{said}");
        assert!(
            said.trim_end()
                .ends_with("答えを変える質問はもうありません。"),
            "{said}"
        );
        let command = command_line(&request, false, Some(day("2026-11-22")), &[], Lang::Ja);
        assert_eq!(
            command.join(" "),
            "subsidy calc --facility hospital --beds 250 --kenshin yes --cost 14000000 \
             --fact online-qual-in-place=yes --fact e-prescription-introduced=yes \
             --as-of 2026-11-22"
        );
    }

    #[test]
    fn a_bad_answer_is_said_in_one_line_and_asked_again() {
        let (said, request) = converse("病棟\nhospital\n\n250\n", Lang::Ja, "2026-11-22");
        assert!(
            said.contains("> 病棟\n  '病棟' は使えません: 施設の種類ではありません。"),
            "{said}"
        );
        // The beds of a hospital cannot be left unknown.
        assert!(
            said.contains("> \n  答えが必要です（例: 250）\n> 250\n"),
            "{said}"
        );
        // The input ended at the cost: the answer as it stands, on no cost.
        let request = request.unwrap();
        assert_eq!((request.beds, request.cost), (Some(250), None));
    }

    #[test]
    fn the_end_of_input_before_the_facility_is_the_missing_flag() {
        let (_, ended) = converse("", Lang::En, "2026-11-22");
        let Err(CliError::Usage(message)) = ended else {
            panic!("{ended:?}")
        };
        assert!(message.starts_with("missing --facility"), "{message}");
    }

    #[test]
    fn a_long_line_is_cut_and_a_word_that_needs_quotes_gets_them() {
        let long = format!("{}\nnext\n", "x".repeat(10_000));
        let mut input = long.as_bytes();
        let first = read_line(&mut input).unwrap().unwrap();
        assert_eq!(first.len(), MAX_LINE_BYTES);
        assert_eq!(read_line(&mut input).unwrap().as_deref(), Some("next"));
        assert_eq!(read_line(&mut input).unwrap(), None);
        assert_eq!(quoted("福岡県"), "福岡県");
        assert_eq!(quoted("my dir"), "'my dir'");
        assert_eq!(quoted("it's"), r"'it'\''s'");
        let words: Vec<String> = ["subsidy", "calc", "--facility", "hospital", "--beds", "250"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            command_text(&words, 30),
            "  subsidy calc \\\n    --facility hospital \\\n    --beds 250\n"
        );
    }
}
