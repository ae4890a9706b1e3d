//! What every rule in a pack carries: a stable id, its source, whether the source states it,
//! the dates it is in force, and optional notes and message overrides.
//!
//! Policies change every few months, and a check about a past or future day must use the rule
//! in force on that day, so any rule may carry `effectiveFrom` (the first day it applies) and
//! `effectiveUntil` (the last day, once a newer rule replaced it). Both are inclusive and read in
//! the region's local dates; a rule without them is in force on every day.

use crate::date::Date;
use crate::decode::{Decoder, Fields, Path};
use crate::error::ErrorCode;
use crate::i18n::LocalText;
use crate::value::Value;

/// The citation and provenance shared by every rule.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleMeta {
    /// Stable identifier, e.g. `links.ecommerce_link`; reports quote it as `ruleId`.
    pub id: String,
    /// Where the rule comes from: a seed file (`seeds/000_….txt`) or a public page.
    pub source: String,
    /// `false` where the sources are silent and the figure is a parameter of this pack.
    pub verified: bool,
    /// Why the rule reads as it does, for people maintaining the pack.
    pub note: Option<String>,
    /// A message that replaces the built-in catalog text for this rule.
    pub message: Option<LocalText>,
    /// The first day the rule applies; `None`: since before the pack's history starts.
    pub effective_from: Option<Date>,
    /// The last day the rule applied, once replaced; `None`: still in force.
    pub effective_until: Option<Date>,
}

impl RuleMeta {
    /// Reads the shared fields from an object whose other fields the caller reads.
    pub(crate) fn read(d: &mut Decoder, o: &mut Fields<'_>, path: &Path<'_>) -> Option<RuleMeta> {
        let id = o.req(d, path, "id", Decoder::text);
        let source = o.req(d, path, "source", Decoder::text);
        let verified = o.req(d, path, "verified", Decoder::boolean);
        let note = o.opt(d, path, "note", Decoder::string);
        let message = o.opt(d, path, "message", LocalText::read);
        let effective_from = o.opt(d, path, "effectiveFrom", Decoder::date);
        let effective_until = o.opt(d, path, "effectiveUntil", Decoder::date);
        if let (Some(from), Some(until)) = (effective_from, effective_until)
            && until < from
        {
            d.report(
                ErrorCode::InvalidInput,
                &path.key("effectiveUntil"),
                format!("effectiveUntil {until} is before effectiveFrom {from}"),
            );
        }
        Some(RuleMeta {
            id: id?.to_owned(),
            source: source?.to_owned(),
            verified: verified?,
            note: note.map(str::to_owned),
            message,
            effective_from,
            effective_until,
        })
    }

    /// Whether the rule applies on `day`.
    pub fn in_force(&self, day: Date) -> bool {
        self.effective_from.is_none_or(|from| from <= day)
            && self.effective_until.is_none_or(|until| day <= until)
    }

    /// Whether the rule was replaced before `day` (its last day is behind it).
    pub fn expired(&self, day: Date) -> bool {
        self.effective_until.is_some_and(|until| until < day)
    }
}

/// Reads an object that is nothing but a rule: `{ id, source, verified, note?, message? }`.
pub(crate) fn read_plain(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<RuleMeta> {
    let mut o = d.object(v, path)?;
    let meta = RuleMeta::read(d, &mut o, path);
    o.finish(d, path);
    meta
}
