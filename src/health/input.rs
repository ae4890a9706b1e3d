//! The `accountHealth` argument, decoded and checked before anything is evaluated.
//!
//! Everything that can be judged from the input alone is judged here, so evaluation works on
//! facts that hang together: dates are real dates, violation ids are unique, every quiz attempt
//! names a violation that exists and was taken on or after the day that violation was issued
//! (a quiz about a violation cannot predate it). What depends on the region's pack — at most
//! `maxPerViolation` points per violation — is checked once the pack is known
//! ([`HealthInput::check_against`]).
//!
//! Ids and types borrow from the input value rather than being copied, and quiz attempts refer
//! to their violation by position once decoded, so evaluation never looks an id up twice.

use crate::date::Date;
use crate::decode::{Decoder, Path, int, word};
use crate::engine::CallContext;
use crate::error::{Error, ErrorCode};
use crate::fast_hash::FastMap;
use crate::pack::{HealthRules, Role, Surface};
use crate::value::Value;

/// The typed argument of `accountHealth`, borrowing its strings from the input value.
#[derive(Debug, Clone, PartialEq)]
pub struct HealthInput<'v> {
    /// `region`, `lang` and `asOf`.
    pub call: CallContext,
    /// Whose account: a seller's (the default) or a creator's.
    pub role: Role,
    /// The account's violations, in input order.
    pub violations: Vec<Violation<'v>>,
    /// Policy quiz attempts, in input order.
    pub quiz_attempts: Vec<QuizAttempt>,
}

/// One violation as the platform issued it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation<'v> {
    /// The caller's id for it, unique within the input.
    pub id: &'v str,
    /// The violation type as the platform names it (`"Prohibited Customer Communication"`);
    /// quizzes and the removal cap go by type.
    pub violation_type: &'v str,
    /// The points it carried when issued.
    pub points: u64,
    /// The day it was issued, in the region's local time.
    pub issued_on: Date,
    /// Where it happened, when known.
    pub surface: Option<Surface>,
}

/// One attempt at the policy quiz of a violation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuizAttempt {
    /// The violation's position in [`HealthInput::violations`].
    pub violation: usize,
    /// The day it was taken.
    pub taken_on: Date,
    /// Whether it was passed (full marks).
    pub passed: bool,
}

impl<'v> HealthInput<'v> {
    /// Decodes `{ region, role?, asOf?, lang?, violations, quizAttempts? }`. The first problem is the
    /// error, with the path of the field at fault (`violations[2].issuedOn`); unknown fields are
    /// `unknown_field`, a repeated violation id `duplicate_id`, an attempt naming no violation
    /// `unknown_reference`.
    pub fn decode(value: &'v Value<'v>) -> Result<HealthInput<'v>, Error> {
        let mut d = Decoder::new();
        let input = read(&mut d, value);
        d.finish(input)
    }

    /// Checks what depends on the region's pack: each violation carries at most the pack's
    /// `maxPerViolation` points (`invalid_input` at `violations[i].points`).
    pub fn check_against(&self, health: &HealthRules, pack_id: &str) -> Result<(), Error> {
        let max = u64::from(health.points.max_per_violation);
        match self.violations.iter().position(|v| v.points > max) {
            None => Ok(()),
            Some(i) => {
                let root = Path::Root;
                let list = root.key("violations");
                let at = list.index(i);
                Err(Error::new(
                    ErrorCode::InvalidInput,
                    at.key("points").render(),
                    format!(
                        "a violation carries at most {max} points under {pack_id}, got {}",
                        self.violations.get(i).map_or(0, |v| v.points)
                    ),
                ))
            }
        }
    }
}

fn read<'v>(d: &mut Decoder, v: &'v Value<'v>) -> Option<HealthInput<'v>> {
    let root = Path::Root;
    let mut o = d.object(v, &root)?;
    let call = CallContext::read(d, &mut o, true);
    let role = o.opt(d, &root, "role", word(Role::NAMES)).unwrap_or_default();
    let violations = o.req(d, &root, "violations", |d, v, p| d.list(v, p, read_violation));
    // Attempts refer to violations by id: the ids must be known (and unique) to resolve them.
    let ids = violations.as_deref().and_then(|list| index_ids(d, list, &root.key("violations")));
    // An absent (or null) `quizAttempts` is no attempts.
    let attempts = match o.take("quizAttempts") {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(list) => {
            let known = ids.as_ref().zip(violations.as_deref());
            d.list(list, &root.key("quizAttempts"), |d, v, p| read_attempt(d, v, p, known))
        }
    };
    o.finish(d, &root);
    Some(HealthInput { call: call?, role, violations: violations?, quiz_attempts: attempts? })
}

fn read_violation<'v>(d: &mut Decoder, v: &'v Value<'v>, path: &Path<'_>) -> Option<Violation<'v>> {
    let mut o = d.object(v, path)?;
    let id = o.req(d, path, "id", Decoder::text);
    let violation_type = o.req(d, path, "type", Decoder::text);
    let points = o.req(d, path, "points", int(0, i64::MAX));
    let issued_on = o.req(d, path, "issuedOn", Decoder::date);
    let surface = o.opt(d, path, "surface", word(Surface::NAMES));
    o.finish(d, path);
    Some(Violation {
        id: id?,
        violation_type: violation_type?,
        points: u64::try_from(points?).ok()?,
        issued_on: issued_on?,
        surface,
    })
}

/// Maps each violation id to its position; reports every repeat as `duplicate_id` at the
/// repeat's `id`. `None` when there is a repeat.
fn index_ids<'v>(
    d: &mut Decoder,
    violations: &[Violation<'v>],
    path: &Path<'_>,
) -> Option<FastMap<&'v str, usize>> {
    let mut ids = FastMap::with_capacity_and_hasher(violations.len(), Default::default());
    let mut clean = true;
    for (i, v) in violations.iter().enumerate() {
        if let Some(first) = ids.insert(v.id, i) {
            ids.insert(v.id, first);
            d.report(
                ErrorCode::DuplicateId,
                &path.index(i).key("id"),
                format!("violation id \"{}\" is also used by violations[{first}]", v.id),
            );
            clean = false;
        }
    }
    clean.then_some(ids)
}

fn read_attempt(
    d: &mut Decoder,
    v: &Value<'_>,
    path: &Path<'_>,
    violations: Option<(&FastMap<&str, usize>, &[Violation<'_>])>,
) -> Option<QuizAttempt> {
    let mut o = d.object(v, path)?;
    let id = o.req(d, path, "violationId", Decoder::text);
    let taken_on = o.req(d, path, "takenOn", Decoder::date);
    let passed = o.req(d, path, "passed", Decoder::boolean);
    o.finish(d, path);
    let (ids, list) = violations?;
    let (id, taken_on) = (id?, taken_on?);
    let Some(&index) = ids.get(id) else {
        d.report(
            ErrorCode::UnknownReference,
            &path.key("violationId"),
            format!("no violation has the id \"{id}\""),
        );
        return None;
    };
    let issued_on = list.get(index)?.issued_on;
    if taken_on < issued_on {
        d.report(
            ErrorCode::InvalidInput,
            &path.key("takenOn"),
            format!(
                "the quiz was taken on {taken_on}, before violation \"{id}\" was issued on {issued_on}"
            ),
        );
        return None;
    }
    Some(QuizAttempt { violation: index, taken_on, passed: passed? })
}
