//! What changed between two policy packs: two versions of a region, a region and a caller's
//! overlay, or two overlays. Sellers and agencies ask to be told what changed when TikTok
//! updates a page, and a pack says it in data, so the answer is computed, not written.
//!
//! Both packs are resolved (an overlay merged onto its built-in region) and validated, then
//! compared entry by entry: every object in a list that has an `id` is an entry (rules,
//! criteria, milestones, platforms, phrase groups, suggestions, sources…), matched by its id
//! and where it sits, and compared field by field; the rest of the pack (lists without ids such
//! as `links.allow`) is the entry `pack`. Lists inside an entry that are entries
//! themselves are compared as entries of their own; other values (a figure, a verdict, a list
//! of words) are compared whole. Maintainers' `note`s are not policy and are not compared.
//!
//! ```
//! use shop_policy::{pack::policy_diff, Value};
//!
//! let old = Value::string("ID");
//! let new = Value::parse_json(r#"{ "id": "agency-ID", "version": "1", "extends": "ID",
//!   "eligibility": { "criteria": [ { "id": "eligibility.followers", "min": 1000 } ] } }"#)?;
//! let diff = policy_diff(&old, &new)?;
//! let change = &diff.changes[0];
//! assert_eq!((change.id.as_str(), change.change.as_str()), ("eligibility.followers", "changed"));
//! assert_eq!(change.fields[0].field, "min");
//! # Ok::<(), shop_policy::Error>(())
//! ```

use super::{BUILTIN_REGIONS, Pack, builtin_value, merge};
use crate::error::{Error, ErrorCode};
use crate::i18n;
use crate::report::SourceRef;
use crate::value::Value;
use serde::Serialize;

/// Which pack a side of the comparison is.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PackRef {
    /// Pack id.
    pub id: String,
    /// Pack version.
    pub version: String,
    /// Its region.
    pub region: String,
    /// The date its content is current as of.
    pub effective_date: crate::date::Date,
}

/// An entry added, removed or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// Only in the second pack.
    Added,
    /// Only in the first pack.
    Removed,
    /// In both, with some field different.
    Changed,
}

impl ChangeKind {
    /// The JS name.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        }
    }
}

impl Serialize for ChangeKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One field of an entry, before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange<'a> {
    /// The field, dotted for nested objects (`surfaces.bio`, `text.id`).
    pub field: String,
    /// Its value in the first pack; `None` (null) when it had none.
    pub old: Option<Value<'a>>,
    /// Its value in the second pack; `None` (null) when it has none.
    pub new: Option<Value<'a>>,
}

/// An entry of the packs that differs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Change<'a> {
    /// The entry's id (a rule id such as `eligibility.followers`, a platform id, …).
    pub id: String,
    /// Where it sits: the list's path, with the id of each enclosing entry in brackets
    /// (`links.rules`, `health.regimes[health.seller_points].milestones`).
    pub section: String,
    /// Added, removed or changed.
    pub change: ChangeKind,
    /// The fields that differ (for an added or removed entry: every field, on one side).
    pub fields: Vec<FieldChange<'a>>,
    /// The entry's sources, before and after, each once, described.
    pub sources: Vec<SourceRef>,
}

/// What `policyDiff` answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PolicyDiff<'a> {
    /// The first pack.
    pub from: PackRef,
    /// The second pack.
    pub to: PackRef,
    /// Entries only in the second pack.
    pub added: usize,
    /// Entries only in the first pack.
    pub removed: usize,
    /// Entries in both that differ.
    pub changed: usize,
    /// Every difference: the added and changed entries in the second pack's order, then the
    /// removed ones in the first pack's.
    pub changes: Vec<Change<'a>>,
}

/// Compares two packs, each a built-in region's code (a JSON string), a complete pack or an
/// overlay. A pack that is not valid is an `invalid_pack` error at `a` or `b`, its diagnostics'
/// paths under it.
pub fn policy_diff<'a>(a: &Value<'a>, b: &Value<'a>) -> Result<PolicyDiff<'a>, Error> {
    let (old_value, old_pack) = resolved(a, "a")?;
    let (new_value, new_pack) = resolved(b, "b")?;
    let old_entries = entries(&old_value);
    let new_entries = entries(&new_value);
    let mut changes = Vec::new();
    let mut taken = vec![false; old_entries.len()];
    for entry in &new_entries {
        let before =
            old_entries.iter().position(|o| o.section == entry.section && o.id == entry.id);
        let (change, fields, old) = match before {
            None => (ChangeKind::Added, compare(None, Some(entry.value), ""), None),
            Some(i) => {
                if let Some(slot) = taken.get_mut(i) {
                    *slot = true;
                }
                let old = old_entries.get(i);
                let mut fields = compare(old.map(|o| o.value), Some(entry.value), "");
                if entry.section.is_empty() {
                    fields.retain(|f| !IDENTITY.contains(&f.field.as_str()));
                }
                if fields.is_empty() {
                    continue;
                }
                (ChangeKind::Changed, fields, old)
            }
        };
        changes.push(change_of(entry, change, fields, old.map(|o| o.value), &old_pack, &new_pack));
    }
    for (entry, _) in old_entries.iter().zip(&taken).filter(|(_, taken)| !**taken) {
        let fields = compare(Some(entry.value), None, "");
        changes.push(change_of(
            entry,
            ChangeKind::Removed,
            fields,
            Some(entry.value),
            &old_pack,
            &new_pack,
        ));
    }
    let count = |kind| changes.iter().filter(|c| c.change == kind).count();
    Ok(PolicyDiff {
        from: pack_ref(&old_pack),
        to: pack_ref(&new_pack),
        added: count(ChangeKind::Added),
        removed: count(ChangeKind::Removed),
        changed: count(ChangeKind::Changed),
        changes,
    })
}

fn pack_ref(pack: &Pack) -> PackRef {
    PackRef {
        id: pack.id.clone(),
        version: pack.version.clone(),
        region: pack.region.clone(),
        effective_date: pack.effective_date,
    }
}

/// A side of the comparison as a complete pack value, and the pack it reads as.
fn resolved<'a>(side: &Value<'a>, name: &str) -> Result<(Value<'a>, Pack), Error> {
    let value = match side {
        Value::String(region) => builtin_value(region).ok_or_else(|| {
            Error::new(
                ErrorCode::UnknownRegion,
                name,
                format!(
                    "no built-in policy for \"{region}\"; the built-in regions are {}",
                    i18n::join(&BUILTIN_REGIONS, ", ")
                ),
            )
        })?,
        Value::Object(_) => match side.get("extends") {
            Some(Value::String(region)) => match builtin_value(region) {
                Some(base) => merge(&base, side),
                // `resolve` below says what is wrong with it.
                None => side.clone(),
            },
            _ => side.clone(),
        },
        other => {
            return Err(Error::new(
                ErrorCode::InvalidInput,
                name,
                format!(
                    "expected a region code such as \"ID\" or a policy pack, got {}",
                    crate::decode::describe(other)
                ),
            ));
        }
    };
    let pack = match side {
        Value::String(_) => super::resolve(&value),
        _ => super::resolve(side),
    }
    .map_err(|e| {
        let under = |d: &Error| {
            let path =
                if d.path().is_empty() { name.to_owned() } else { format!("{name}.{}", d.path()) };
            Error::new(d.code(), path, d.message())
        };
        let diagnostics: Vec<Error> = e.diagnostics().iter().map(under).collect();
        Error::invalid_pack(diagnostics)
    })?;
    Ok((value, pack))
}

/// An identified object of a pack and where it sits.
struct Entry<'v, 'a> {
    section: String,
    id: &'v str,
    value: &'v Value<'a>,
}

/// Every identified object of `pack`, depth first, in document order, after the pack itself:
/// its own fields and the lists without ids (`links.allow`, `links.knownTlds`) are the entry
/// `pack`.
fn entries<'v, 'a>(pack: &'v Value<'a>) -> Vec<Entry<'v, 'a>> {
    let mut out = vec![Entry { section: String::new(), id: "pack", value: pack }];
    walk(pack, "", &mut out);
    out
}

/// The pack's own fields that say which pack it is (given as `from` and `to`), not what it
/// rules.
const IDENTITY: [&str; 4] = ["version", "extends", "effectiveDate", "region"];

fn walk<'v, 'a>(value: &'v Value<'a>, path: &str, out: &mut Vec<Entry<'v, 'a>>) {
    let Value::Object(fields) = value else { return };
    for (key, field) in fields {
        let here = if path.is_empty() { key.to_string() } else { format!("{path}.{key}") };
        match field {
            Value::Array(items) => {
                for item in items {
                    if let Some(Value::String(id)) = item.get("id") {
                        out.push(Entry { section: here.clone(), id, value: item });
                        walk(item, &format!("{here}[{id}]"), out);
                    }
                }
            }
            Value::Object(_) => walk(field, &here, out),
            _ => {}
        }
    }
}

/// Whether `value` is a list of entries (compared as entries of their own, not as a field).
fn is_entry_list(value: &Value<'_>) -> bool {
    matches!(value, Value::Array(items) if items.iter().any(|i| matches!(i.get("id"), Some(Value::String(_)))))
}

/// The fields of an entry that differ, dotted into nested objects.
fn compare<'a>(
    old: Option<&Value<'a>>,
    new: Option<&Value<'a>>,
    prefix: &str,
) -> Vec<FieldChange<'a>> {
    let mut out = Vec::new();
    let keys = |v: Option<&Value<'a>>| -> Vec<String> {
        match v {
            Some(Value::Object(fields)) => fields.iter().map(|(k, _)| k.to_string()).collect(),
            _ => Vec::new(),
        }
    };
    let mut names = keys(new);
    for key in keys(old) {
        if !names.contains(&key) {
            names.push(key);
        }
    }
    for key in names {
        if prefix.is_empty() && (key == "id" || key == "note") {
            continue;
        }
        let before = old.and_then(|v| v.get(&key));
        let after = new.and_then(|v| v.get(&key));
        if before.is_some_and(is_entry_list) || after.is_some_and(is_entry_list) {
            continue;
        }
        let field = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        match (before, after) {
            (Some(a @ Value::Object(_)), Some(b @ Value::Object(_))) => {
                out.extend(compare(Some(a), Some(b), &field));
            }
            (a, b) if a == b => {}
            (a, b) => out.push(FieldChange { field, old: a.cloned(), new: b.cloned() }),
        }
    }
    out
}

fn change_of<'a>(
    entry: &Entry<'_, 'a>,
    change: ChangeKind,
    fields: Vec<FieldChange<'a>>,
    old: Option<&Value<'a>>,
    old_pack: &Pack,
    new_pack: &Pack,
) -> Change<'a> {
    let source_of = |v: Option<&Value<'a>>| match v.and_then(|v| v.get("source")) {
        Some(Value::String(s)) => Some(s.to_string()),
        _ => None,
    };
    let mut sources = Vec::new();
    if let Some(s) = source_of(old) {
        sources.extend(SourceRef::list(old_pack, [s.as_str()]));
    }
    if change != ChangeKind::Removed
        && let Some(s) = source_of(Some(entry.value))
        && !sources.iter().any(|r: &SourceRef| r.source == s)
    {
        sources.extend(SourceRef::list(new_pack, [s.as_str()]));
    }
    Change { id: entry.id.to_owned(), section: entry.section.clone(), change, fields, sources }
}
