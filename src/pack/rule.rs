//! What every rule in a pack carries: a stable id, its source, whether the source states it,
//! and optional notes and message overrides.

use crate::decode::{Decoder, Fields, Path};
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
}

impl RuleMeta {
    /// Reads the shared fields from an object whose other fields the caller reads.
    pub(crate) fn read(d: &mut Decoder, o: &mut Fields<'_>, path: &Path<'_>) -> Option<RuleMeta> {
        let id = o.req(d, path, "id", Decoder::text);
        let source = o.req(d, path, "source", Decoder::text);
        let verified = o.req(d, path, "verified", Decoder::boolean);
        let note = o.opt(d, path, "note", Decoder::string);
        let message = o.opt(d, path, "message", LocalText::read);
        Some(RuleMeta {
            id: id?.to_owned(),
            source: source?.to_owned(),
            verified: verified?,
            note: note.map(str::to_owned),
            message,
        })
    }
}

/// Reads an object that is nothing but a rule: `{ id, source, verified, note?, message? }`.
pub(crate) fn read_plain(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<RuleMeta> {
    let mut o = d.object(v, path)?;
    let meta = RuleMeta::read(d, &mut o, path);
    o.finish(d, path);
    meta
}
