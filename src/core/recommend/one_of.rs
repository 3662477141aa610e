//! Which results only one of can be applied for ([`one_of`]): a batch's
//! long shape marks them (`択一`), so that a reader summing its grants
//! does not add up alternatives. What is one-of is what the data says, as
//! the recommendation reads it:
//! - **the tiers of one variant**: one is the facility's; the others stand
//!   only while a fact that picks the tier is not given (健診 not given: a
//!   hospital's 健診実施 and 健診未実施 rows);
//! - **the variants of a program whose variants are alternatives**
//!   (`variants-exclusive`, いずれか1つ) or that takes one application per
//!   facility (`one-application`);
//! - **two programs that exclude each other** (`excludes`).
//!
//! A top-up (`stacks-on`) is applied for beside what it tops up, never
//! instead of it: it is not one-of with it. Two variants of a program the
//! data does not make alternatives (電子処方箋の機能拡充's ① and ②) may
//! both be applied for. Only results that can be applied for on the as-of
//! date are given (a batch's rows for reference, with `--all`, stand alone).

use smallvec::SmallVec;

use super::excludes;
use crate::core::catalogue::{Program, RelationKind};
use crate::core::estimate::Estimate;

/// The group of each result, in the order given: 0 where it stands alone,
/// else 1, 2 … in the order the groups first appear. Held in place for
/// the few results of one facility (a batch row allocates nothing).
pub type OneOfGroups = SmallVec<[u8; 32]>;

/// The one-of groups of `results`, one facility's results that can be
/// applied for (as shown): results linked by any of the relations above,
/// directly or through another result, share a group. At most 255 groups
/// are told apart; results past them stand alone.
pub fn one_of<'a, 'c: 'a>(results: &[&'a Estimate<'c>]) -> OneOfGroups {
    let n = results.len();
    let mut groups = OneOfGroups::from_elem(0, n);
    // Most rows of a list name one program with one result: nothing to link.
    if n < 2 {
        return groups;
    }
    // Each result's representative (union–find on a few results).
    let mut root: SmallVec<[usize; 32]> = (0..n).collect();
    let find = |root: &SmallVec<[usize; 32]>, mut i: usize| {
        while root[i] != i {
            i = root[i];
        }
        i
    };
    for a in 0..n {
        for b in a + 1..n {
            if alternatives(results[a], results[b]) {
                let (ra, rb) = (find(&root, a), find(&root, b));
                root[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    // Number the groups of two or more in the order they first appear.
    let mut sizes: SmallVec<[u8; 32]> = SmallVec::from_elem(0, n);
    for i in 0..n {
        let r = find(&root, i);
        sizes[r] = sizes[r].saturating_add(1);
    }
    let mut numbers: SmallVec<[u8; 32]> = SmallVec::from_elem(0, n);
    let mut next: u8 = 0;
    for i in 0..n {
        let r = find(&root, i);
        if sizes[r] < 2 {
            continue;
        }
        if numbers[r] == 0 && next < u8::MAX {
            next += 1;
            numbers[r] = next;
        }
        groups[i] = numbers[r];
    }
    groups
}

/// Whether only one of `a` and `b` (both can be applied for) can be.
fn alternatives(a: &Estimate<'_>, b: &Estimate<'_>) -> bool {
    if std::ptr::eq(a.program, b.program) {
        let same_variant = match (a.variant, b.variant) {
            (Some(x), Some(y)) => std::ptr::eq(x, y),
            (None, None) => true,
            _ => false,
        };
        same_variant || one_variant_only(a.program)
    } else {
        excludes(a.program, b.program)
    }
}

/// The program's variants are alternatives, or it takes one application.
fn one_variant_only(program: &Program) -> bool {
    program.relations.iter().any(|r| {
        matches!(
            r.kind,
            RelationKind::VariantsExclusive | RelationKind::OneApplication
        )
    })
}
