//! The engine: packs validated and indexed once, then every check answered from them.
//!
//! Building an engine is the expensive part (parsing, merging and checking packs); evaluation
//! never re-reads a pack. The built-in engine covers the eight built-in regions; an engine built
//! from a caller's pack covers that pack's region only, so a report can never silently come from
//! a policy the caller did not choose.

use crate::date::Date;
use crate::decode::{Decoder, Fields, Path, word};
use crate::error::{Error, ErrorCode};
use crate::i18n::Lang;
use crate::links::classifier::LinkIndex;
use crate::pack::{self, BUILTIN_REGIONS, Pack};
use crate::value::Value;
use serde::Serialize;
use std::sync::{Arc, OnceLock};

/// One region's pack, ready to evaluate: the pack and the indexes compiled from it.
#[derive(Debug, Clone)]
pub struct RegionPolicy {
    /// The validated pack.
    pub pack: Pack,
    /// The links section compiled for matching.
    pub links: LinkIndex,
}

impl RegionPolicy {
    fn new(pack: Pack) -> Result<RegionPolicy, Error> {
        let links = LinkIndex::new(&pack.links, &pack.region)?;
        Ok(RegionPolicy { pack, links })
    }
}

/// A region the engine answers for. Built-in regions are read on first use, so the first check
/// pays for one region's pack, not eight. The policy is shared between clones of an engine
/// (`new Engine()` clones the built-in one): a clone neither copies the indexes nor reads a
/// pack again.
#[derive(Debug, Clone)]
struct Slot {
    region: String,
    policy: Arc<OnceLock<Result<RegionPolicy, Error>>>,
}

impl Slot {
    fn ready(pack: Pack) -> Result<Slot, Error> {
        Ok(Slot {
            region: pack.region.clone(),
            policy: Arc::new(OnceLock::from(Ok(RegionPolicy::new(pack)?))),
        })
    }

    fn get(&self) -> Result<&RegionPolicy, Error> {
        self.policy
            .get_or_init(|| {
                let pack = pack::builtin_pack(&self.region).ok_or_else(|| {
                    Error::new(
                        ErrorCode::UnknownRegion,
                        "region",
                        format!("no built-in pack for {}", self.region),
                    )
                })??;
                RegionPolicy::new(pack)
            })
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// A set of region policies to evaluate against.
#[derive(Debug, Clone)]
pub struct Engine {
    slots: Vec<Slot>,
}

/// A line of [`Engine::policies`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicySummary {
    /// Pack id.
    pub id: String,
    /// Region code.
    pub region: String,
    /// Pack version.
    pub version: String,
    /// The date the pack's content is current as of.
    pub effective_date: Date,
    /// Every source the pack cites.
    pub sources: Vec<String>,
    /// The same sources described: title, publisher, date, official or not, borrowed or not.
    pub source_details: Vec<crate::report::SourceRef>,
}

impl Engine {
    /// The engine over every built-in region pack. Each region's pack is read and checked the
    /// first time the region is used.
    pub fn builtin() -> Engine {
        let slots = BUILTIN_REGIONS
            .iter()
            .map(|r| Slot { region: (*r).to_owned(), policy: Arc::default() })
            .collect();
        Engine { slots }
    }

    /// An engine over a caller's pack: an overlay on a built-in region (`"extends": "ID"`) or a
    /// complete pack. Fails with `invalid_pack` listing every problem.
    pub fn from_pack(value: &Value<'_>) -> Result<Engine, Error> {
        let pack = pack::resolve(value)?;
        Ok(Engine { slots: vec![Slot::ready(pack)?] })
    }

    /// An engine over packs already read and checked.
    pub fn from_packs(packs: Vec<Pack>) -> Result<Engine, Error> {
        Ok(Engine { slots: packs.into_iter().map(Slot::ready).collect::<Result<_, _>>()? })
    }

    /// The regions this engine answers for.
    pub fn regions(&self) -> impl Iterator<Item = &str> {
        self.slots.iter().map(|s| s.region.as_str())
    }

    /// The policy of `region`, or `unknown_region` (path `region`).
    pub fn region(&self, region: &str) -> Result<&RegionPolicy, Error> {
        let slot = self.slots.iter().find(|s| s.region == region).ok_or_else(|| {
            let known: Vec<&str> = self.regions().collect();
            Error::new(
                ErrorCode::UnknownRegion,
                "region",
                format!(
                    "no policy for region \"{region}\"; this engine has {}",
                    crate::i18n::join(&known, ", ")
                ),
            )
        })?;
        slot.get()
    }

    /// A summary of each pack.
    pub fn policies(&self) -> Result<Vec<PolicySummary>, Error> {
        self.slots
            .iter()
            .map(|slot| {
                let pack = &slot.get()?.pack;
                Ok(PolicySummary {
                    id: pack.id.clone(),
                    region: pack.region.clone(),
                    version: pack.version.clone(),
                    effective_date: pack.effective_date,
                    sources: pack.sources(),
                    source_details: crate::report::SourceRef::of_rules(pack, &pack.rules()),
                })
            })
            .collect()
    }

    /// Today's date in `region`'s time zone at the instant `unix_ms`. Only the binding calls
    /// this, with the clock; the checkers themselves always receive a date.
    pub fn today(&self, region: &str, unix_ms: f64) -> Result<Date, Error> {
        Ok(self.region(region)?.pack.time_zone.zone.today(unix_ms))
    }
}

/// What "today" is when a dated call gives no `asOf`.
///
/// The core never reads a clock: the binding passes the instant from `Date.now()`, and native
/// callers choose.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Today {
    /// Read this instant (milliseconds since the Unix epoch) in the region's time zone.
    At(f64),
    /// There is no fallback: a dated call without `asOf` is an `invalid_input` error.
    Required,
}

impl Engine {
    /// The policy and evaluation date of a call: the call's region (or `unknown_region`), and its
    /// `asOf`, else today in the region's time zone.
    pub fn resolve(
        &self,
        call: &CallContext,
        today: Today,
    ) -> Result<(&RegionPolicy, Date), Error> {
        let policy = self.region(&call.region)?;
        let as_of = match (call.as_of, today) {
            (Some(date), _) => date,
            (None, Today::At(unix_ms)) => policy.pack.time_zone.zone.today(unix_ms),
            (None, Today::Required) => {
                return Err(Error::new(
                    ErrorCode::InvalidInput,
                    "asOf",
                    "missing required field \"asOf\"",
                ));
            }
        };
        Ok((policy, as_of))
    }
}

/// The fields every checker call shares: `region`, `lang` and, for dated checks, `asOf`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallContext {
    /// The region code as given.
    pub region: String,
    /// The report language.
    pub lang: Lang,
    /// The evaluation date, when the caller gave one.
    pub as_of: Option<Date>,
}

impl CallContext {
    /// Reads `region`, `lang?` and (when `dated`) `asOf?` from a call's argument object.
    pub fn read(d: &mut Decoder, o: &mut Fields<'_>, dated: bool) -> Option<CallContext> {
        let root = Path::Root;
        let region = o.req(d, &root, "region", Decoder::text);
        let lang = o.opt(d, &root, "lang", word(Lang::NAMES)).unwrap_or_default();
        let as_of = if dated { o.opt(d, &root, "asOf", Decoder::date) } else { None };
        Some(CallContext { region: region?.to_owned(), lang, as_of })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_engine_covers_every_region() {
        let engine = Engine::builtin();
        assert_eq!(engine.regions().collect::<Vec<_>>(), BUILTIN_REGIONS);
        let err = engine.region("JP").unwrap_err();
        assert_eq!((err.code(), err.path()), (ErrorCode::UnknownRegion, "region"));
    }

    #[test]
    fn today_uses_the_region_clock() {
        let engine = Engine::builtin();
        // 2026-11-21 17:30 UTC: already the 22nd in Jakarta, still the 21st in London and LA.
        let instant = 1_795_282_200_000.0;
        assert_eq!(engine.today("ID", instant).unwrap().to_string(), "2026-11-22");
        assert_eq!(engine.today("UK", instant).unwrap().to_string(), "2026-11-21");
        assert_eq!(engine.today("US", instant).unwrap().to_string(), "2026-11-21");
    }
}
