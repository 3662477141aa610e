//! Line breaking for a terminal: a line breaks between words and between
//! CJK characters, never inside a number, a date, an id or a `円` amount,
//! never before a closing bracket or after an opening one (禁則), and a
//! flag stays with its value.

use super::{JOIN, NO_BREAK_SPACE, width};

/// Characters that never start a line (closing brackets and punctuation, small kana).
const NO_LINE_START: &str = "）」』】〕〉》］｝、。，．・：；？！ー々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ…‥)]}>,.:;!?%";
/// Characters that never end a line (opening brackets).
const NO_LINE_END: &str = "（「『【〔〈《［｛([{<";
/// Counters and units that stay with the number before them: `6,579,000円`, `1773日`.
const UNIT_AFTER_NUMBER: &str = "円日件床年月人者千万億兆回台つ個号時分次行頁割倍歳枚名社点週秒";
/// Counter words of more than one character that stay with the number
/// before them: `（3文書6情報）`, `2区分`, `4プロセス`. Longest first where
/// one begins another.
const UNIT_WORDS_AFTER_NUMBER: &[&str] = &[
    "プロセス",
    "事業者",
    "文書",
    "情報",
    "区分",
    "制度",
    "施設",
    "機能",
    "種類",
    "項目",
    "時間",
    "か月",
    "ヶ月",
    "カ月",
    "ケ月",
    "箇月",
    "箇所",
    "セット",
    "コード",
    "行目",
    "頁目",
    "年度",
];
/// English units and counted nouns that stay with the number before them,
/// across the space: `6,579,000 yen`, `250 beds`, `1 program`.
const ENGLISH_UNITS: &[&str] = &[
    "yen",
    "bed",
    "beds",
    "day",
    "days",
    "document",
    "documents",
    "item",
    "items",
    "program",
    "programs",
    "tier",
    "tiers",
    "member",
    "members",
    "employee",
    "employees",
    "people",
    "year",
    "years",
    "month",
    "months",
    "hour",
    "hours",
    "time",
    "times",
    "coupon",
    "coupons",
    "set",
    "sets",
    "process",
    "processes",
    "function",
    "functions",
    "row",
    "rows",
];

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Whether `next` carries on the number `previous` ends with: more digits
/// (`９` `月`), its unit (`6,579,000` `円`), or the next part of a
/// Japanese date (`令和13年` `9月` `30日`).
fn continues_number(previous: &str, next: char) -> bool {
    let mut back = previous.chars().rev();
    let (Some(last), before) = (back.next(), back.next()) else {
        return false;
    };
    if is_digit(last) {
        return is_digit(next) || UNIT_AFTER_NUMBER.contains(next);
    }
    let after_digit = before.is_some_and(|c| is_digit(c) || "千万億兆".contains(c));
    match last {
        // 令和13年9月30日: the parts of a date.
        '年' | '月' => after_digit && is_digit(next),
        // 許可病床数×４万円: a factor stays with the sign before it; 第3次: an
        // ordinal with its prefix.
        '×' | '第' => is_digit(next),
        // 350万円, 13,158千円, 1億4千万: a large unit, then more of the amount.
        '千' | '万' | '億' | '兆' => {
            after_digit && (is_digit(next) || "円千万億兆".contains(next))
        }
        // 令和 13年, 平成31年: the era stays with its year.
        // (Only a break is lost where 和 or 成 ends another word before a number.)
        '和' | '成' => is_digit(next),
        '令' => next == '和',
        '平' => next == '成',
        _ => false,
    }
}

/// The bytes of the unit or counter word `rest` starts with, when it
/// follows a number after `spaces` spaces: `文書` in `3文書`, `日` in
/// `28 日`, `yen` in `6,579,000 yen` (the word alone: what follows it, a
/// comma or a bracket, is the token's own business).
fn unit_after_number(rest: &str, spaces: usize) -> Option<usize> {
    let first = rest.chars().next()?;
    if first.is_ascii() {
        // English units take their space: `6,579,000 yen`, not `6,579,000yen`.
        let word: &str = rest
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        return (spaces == 1 && ENGLISH_UNITS.contains(&word)).then_some(word.len());
    }
    if spaces > 1 {
        return None;
    }
    if let Some(word) = UNIT_WORDS_AFTER_NUMBER
        .iter()
        .find(|word| rest.starts_with(**word))
    {
        return Some(word.len());
    }
    UNIT_AFTER_NUMBER
        .contains(first)
        .then_some(first.len_utf8())
}

/// One unbreakable piece of a line, and whether a space went before it.
pub(super) struct Token<'a> {
    pub(super) text: &'a str,
    /// Spaces before it, kept within a line (`基準日: …  施設: …`).
    spaces_before: usize,
}

/// Splits `line` into unbreakable pieces: runs of ASCII (ids, numbers,
/// dates, URLs) with the unit after a number, single CJK characters, with
/// 禁則 characters joined to their neighbour.
pub(super) fn tokens(line: &str) -> Vec<Token<'_>> {
    let mut out: Vec<Token<'_>> = Vec::new();
    let mut spaces = 0;
    let mut glue_next = false;
    let mut start: Option<usize> = None;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == ' ' || c == '\t' {
            spaces += 1;
            glue_next = false;
            continue;
        }
        if c == JOIN {
            glue_next = true;
            continue;
        }
        if c == NO_BREAK_SPACE {
            // Printed as a space, but binds the words on either side.
            if let Some(previous) = out.last_mut().filter(|_| spaces == 0) {
                let from = previous.text.as_ptr() as usize - line.as_ptr() as usize;
                previous.text = &line[from..i + c.len_utf8()];
            }
            glue_next = true;
            continue;
        }
        let begin = start.take().unwrap_or(i);
        let mut end = i + c.len_utf8();
        if c.is_ascii() {
            // The whole ASCII run: an id, a number, a date, a URL.
            while let Some(&(j, d)) = chars.peek() {
                if d.is_ascii() && d != ' ' && d != '\t' {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
        }
        // A unit or counter word after a number stays with it: `3文書`,
        // `28 日`, `6,579,000 yen`.
        let after_number = out
            .last()
            .is_some_and(|previous| previous.text.chars().next_back().is_some_and(is_digit));
        let unit = after_number
            .then(|| unit_after_number(&line[i..], spaces))
            .flatten();
        if let Some(len) = unit
            && !c.is_ascii()
        {
            while chars.peek().is_some_and(|&(j, _)| j < i + len) {
                chars.next();
            }
            end = end.max(i + len);
        }
        let text = &line[begin..end];
        let last = text.chars().next_back().unwrap_or(' ');
        let first = text.chars().next().unwrap_or(' ');
        let number_goes_on = unit.is_some()
            || out
                .last()
                .is_some_and(|previous| continues_number(previous.text, first));
        // `licensed beds × 40,000 yen`: the factor stays with its sign across the space.
        let factor = spaces == 1
            && is_digit(c)
            && out
                .last()
                .is_some_and(|previous| previous.text.ends_with('×'));
        if spaces > 0
            && (unit.is_some() || factor)
            && let Some(previous) = out.last_mut()
        {
            let from = previous.text.as_ptr() as usize - line.as_ptr() as usize;
            previous.text = &line[from..end];
            glue_next = NO_LINE_END.contains(last);
            spaces = 0;
            continue;
        }
        // A flag stays with its value, so it can be copied whole: `--fact online-qual-in-place=yes|no`.
        let flag_value = spaces > 0
            && c.is_ascii()
            && first != '-'
            && out.last().is_some_and(|previous| {
                let flag = previous
                    .text
                    .rsplit(|d: char| !d.is_ascii())
                    .next()
                    .unwrap_or("");
                flag.starts_with("--") && !flag.contains('=')
            });
        if flag_value && let Some(previous) = out.last_mut() {
            let from = previous.text.as_ptr() as usize - line.as_ptr() as usize;
            previous.text = &line[from..end];
            glue_next = false;
            spaces = 0;
            continue;
        }
        let joins_previous =
            spaces == 0 && (glue_next || number_goes_on || NO_LINE_START.contains(first));
        match out.last_mut() {
            Some(previous) if joins_previous => {
                let from = previous.text.as_ptr() as usize - line.as_ptr() as usize;
                previous.text = &line[from..end];
            }
            _ => out.push(Token {
                text,
                spaces_before: spaces,
            }),
        }
        glue_next = NO_LINE_END.contains(last);
        spaces = 0;
    }
    out
}

/// A token bound across spaces (a flag and its value) that is wider than
/// the line comes apart at its spaces rather than overflow.
fn fit_words<'a>(token: Token<'a>, width: u32, measure: &impl Fn(&str) -> u32) -> Vec<Token<'a>> {
    if measure(token.text) <= width || !token.text.contains(' ') {
        return vec![token];
    }
    let mut parts = Vec::new();
    for (n, word) in token.text.split(' ').enumerate() {
        if word.is_empty() {
            continue;
        }
        parts.push(Token {
            text: word,
            spaces_before: if n == 0 { token.spaces_before } else { 1 },
        });
    }
    parts
}

/// `text` wrapped to `width` columns; its own line breaks kept. A piece
/// wider than the line (a long URL) gets a line of its own, whole.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let columns = |text: &str| u32::try_from(self::width(text)).unwrap_or(u32::MAX);
    wrap_measured(text, u32::try_from(width).unwrap_or(u32::MAX), columns)
}

/// [`wrap`] where `measure` gives a piece's width in any unit (a printed
/// page's thousandths of a point) and `width` is the line's, in that unit;
/// a space is as wide as `measure(" ")`.
pub fn wrap_measured(text: &str, width: u32, measure: impl Fn(&str) -> u32) -> Vec<String> {
    let width = width.max(1);
    let space = measure(" ");
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0u32;
        for token in tokens(paragraph)
            .into_iter()
            .flat_map(|t| fit_words(t, width, &measure))
        {
            let w = measure(token.text);
            let gap = if line.is_empty() {
                0
            } else {
                token.spaces_before
            };
            let gap_width = space.saturating_mul(u32::try_from(gap).unwrap_or(u32::MAX));
            if !line.is_empty() && used.saturating_add(gap_width).saturating_add(w) > width {
                lines.push(std::mem::take(&mut line));
                used = 0;
            } else {
                line.push_str(&" ".repeat(gap));
                used = used.saturating_add(gap_width);
            }
            line.push_str(token.text);
            used = used.saturating_add(w);
        }
        lines.push(line);
    }
    for line in &mut lines {
        if line.contains([JOIN, NO_BREAK_SPACE]) {
            *line = line.replace(JOIN, "").replace(NO_BREAK_SPACE, " ");
        }
    }
    lines
}

/// The indent of a piece too wide for its place (a long URL): it gets a
/// line of its own this far in, whole, rather than at a deep hanging indent.
pub const OVERLONG_INDENT: usize = 2;

/// Every line of `text` wrapped to `width`, continuation lines indented two
/// more than the line's own indent (for `--explain`); a piece too wide for
/// that goes at [`OVERLONG_INDENT`], whole.
pub fn wrap_lines(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let body = line.trim_start_matches(' ');
        let indent = line.len() - body.len();
        let room = width.saturating_sub(indent + 2).max(1);
        let pieces = wrap(body, room);
        for (n, piece) in pieces.iter().enumerate() {
            let pad = if n == 0 { indent } else { indent + 2 };
            let pad = if self::width(piece) > room {
                pad.min(OVERLONG_INDENT)
            } else {
                pad
            };
            out.push_str(&" ".repeat(pad));
            out.push_str(piece);
            out.push('\n');
        }
    }
    out
}

/// `text` wrapped to `width` with `first` before its first line and the
/// rest indented to match: `  [1] 既にオンライン…` / `      導入している…`.
/// A piece too wide for the indented lines (a long URL) gets a line of its
/// own at [`OVERLONG_INDENT`], whole, never broken.
pub fn hanging(first: &str, text: &str, width: usize) -> String {
    let first: String = first.chars().filter(|&c| c != JOIN).collect();
    let first = first.as_str();
    let indent = self::width(first);
    let room = width.saturating_sub(indent).max(1);
    let small = " ".repeat(indent.min(OVERLONG_INDENT));
    let mut out = String::new();
    for (n, line) in wrap(text, room).into_iter().enumerate() {
        let overlong = self::width(&line) > room;
        match (n, overlong) {
            (0, true) if !first.trim().is_empty() => {
                // The label alone, then the piece under it.
                out.push_str(first.trim_end());
                out.push('\n');
                out.push_str(&small);
            }
            (0, _) => out.push_str(first),
            (_, true) => out.push_str(&small),
            (_, false) => out.push_str(&" ".repeat(indent)),
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::text::layout::{field, unbroken};

    #[test]
    fn amounts_dates_and_ids_are_never_split() {
        let text = "補助額6,579,000円、申請期限2031-09-30まで（ehr-sharing）";
        for w in 4..40 {
            let joined = wrap(text, w).join("|");
            for whole in ["6,579,000円", "2031-09-30", "ehr-sharing"] {
                assert!(joined.contains(whole), "width {w}: {joined}");
            }
        }
    }

    #[test]
    fn japanese_dates_stay_whole() {
        for w in 4..30 {
            let joined = wrap("申請期日「令和 13年９月30日（火）」までに申請", w).join("|");
            assert!(joined.contains("13年９月30日"), "width {w}: {joined}");
        }
    }

    #[test]
    fn a_flag_stays_with_its_value() {
        let text = "要件を満たすか（--fact online-qual-in-place=yes|no）を --all で";
        // `（--fact online-qual-in-place=yes|no）` is 38 columns.
        for w in 38..60 {
            let joined = wrap(text, w).join("|");
            assert!(
                joined.contains("（--fact online-qual-in-place=yes|no）"),
                "width {w}: {joined}"
            );
        }
        // Narrower, the flag and its value come apart at the space, each still whole.
        for w in 10..38 {
            let lines = wrap(text, w);
            assert!(
                lines.iter().any(|l| l.ends_with("（--fact")),
                "width {w}: {lines:?}"
            );
            assert!(
                lines
                    .iter()
                    .any(|l| l.starts_with("online-qual-in-place=yes|no）")),
                "width {w}: {lines:?}"
            );
        }
    }

    #[test]
    fn amounts_in_man_and_sen_and_era_years_stay_whole() {
        let text =
            "（ITツール補助額350万円以下）、13,158千円、1億4千万円、申請期限「令和13年9月30日」";
        for w in 6..40 {
            let joined = wrap(text, w).join("|");
            for whole in ["350万円", "13,158千円", "1億4千万円", "13年9月30日"] {
                assert!(joined.contains(whole), "width {w}: {joined}");
            }
            assert!(
                !joined.contains("令和|") && !joined.contains("令|和"),
                "width {w}: {joined}"
            );
        }
    }

    #[test]
    fn closing_brackets_and_commas_never_start_a_line() {
        for w in 2..30 {
            for line in wrap("大規模病院（200床以上）・健診実施、3文書6情報。", w)
            {
                let first = line.chars().next().unwrap();
                assert!(!NO_LINE_START.contains(first), "width {w}: {line:?}");
                let last = line.chars().next_back().unwrap();
                assert!(!NO_LINE_END.contains(last), "width {w}: {line:?}");
            }
        }
    }

    /// Issue 21, item 10: 「（3」/「文書6情報）」 and 「許可病床数×」/「４万円」
    /// were split between a number and its counter or sign.
    #[test]
    fn counters_units_and_signs_stay_with_their_number() {
        let text = "大規模病院（200床以上）・健診実施（3文書6情報）、病院（許可病床数×４万円）、令和８年２月28 日（本事業の対象期間）「第3次申請締切日」";
        for w in 4..60 {
            let joined = wrap(text, w).join("|");
            for whole in ["（3文書", "6情報）", "×４万円）", "「第3次"] {
                assert!(joined.contains(whole), "width {w}: {joined}");
            }
            // Bound across its space, it comes apart there only on a line too narrow for it.
            if w >= width("令和８年２月28 日") {
                assert!(joined.contains("28 日"), "width {w}: {joined}");
            }
        }
        let english = "Large hospital (3 documents, 6 items): 6,579,000 yen for 250 beds; 1 program, 2 tiers; licensed beds × 40,000 yen";
        for w in 14..60 {
            let joined = wrap(english, w).join("|");
            for whole in [
                "(3 documents,",
                "6 items):",
                "6,579,000 yen",
                "250 beds;",
                "1 program,",
                "2 tiers",
                "× 40,000 yen",
            ] {
                assert!(joined.contains(whole), "width {w}: {joined}");
            }
        }
        // A number before an ordinary word still breaks at the space.
        assert_eq!(wrap("in 2026 the", 7), ["in 2026", "the"]);
    }

    /// Issue 21, item 10: `show` printed URLs at a hanging indent of 10.
    #[test]
    fn a_url_wider_than_the_line_gets_its_own_line_at_a_small_indent() {
        let url = "https://iryohokenjyoho.service-now.com/csm?id=kb_article_view&sysparm_article=KB0010765";
        let text = hanging(
            "申請方法: ",
            &format!("ポータルサイトから申請 {url} [001]"),
            80,
        );
        assert_eq!(
            text,
            format!("申請方法: ポータルサイトから申請\n  {url}\n          [001]\n")
        );
        // The first piece: the label alone above it.
        let text = hanging("  [001] ", &format!("{url} 別添"), 80);
        assert_eq!(text, format!("  [001]\n  {url}\n        別添\n"));
        // One that fits at the small indent but not at the hanging one moves left too.
        let short = &url[..75];
        let text = hanging("申請方法: ", &format!("申請 {short}"), 80);
        assert_eq!(text, format!("申請方法: 申請\n  {short}\n"));
        assert!(text.lines().all(|l| width(l) <= 80), "{text}");
        // --explain: the same.
        let text = wrap_lines(&format!("    {url} [001]"), 80);
        assert_eq!(text, format!("  {url}\n      [001]\n"));
    }

    #[test]
    fn joined_text_stays_on_one_line_and_the_joiner_is_not_printed() {
        let text = format!(
            "申請期限 2031-09-30（{}）、{}",
            unbroken("令和13年9月30日"),
            unbroken("あと1773日")
        );
        for w in 8..40 {
            let lines = wrap(&text, w);
            let joined = lines.join("|");
            assert!(joined.contains("令和13年9月30日"), "width {w}: {joined}");
            assert!(joined.contains("あと1773日"), "width {w}: {joined}");
            assert!(!joined.contains(JOIN));
        }
    }

    #[test]
    fn a_field_label_stays_with_its_value() {
        let text = format!(
            "{}  {}",
            field("施設", "病院・250床"),
            field("経費", "14,000,000円")
        );
        let lines = wrap(&text, 24);
        assert_eq!(lines, ["施設: 病院・250床", "経費: 14,000,000円"]);
    }

    #[test]
    fn ambiguous_characters_count_as_two_columns() {
        assert_eq!(width("①×"), 4);
        assert_eq!(width("6,579,000円"), 11);
        for line in wrap("①②③④⑤⑥⑦⑧⑨⑩", 7) {
            assert!(width(&line) <= 7, "{line}");
        }
    }

    #[test]
    fn spaces_between_words_are_kept_and_not_carried_to_a_new_line() {
        assert_eq!(
            wrap("open (many days left)", 10),
            ["open (many", "days left)"]
        );
    }
}
