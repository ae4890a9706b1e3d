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
use crate::pack::{self, BUILTIN_REGIONS, Pack};
use crate::value::Value;
use serde::Serialize;

/// One region's pack, ready to evaluate.
#[derive(Debug, Clone)]
pub struct RegionPolicy {
    /// The validated pack.
    pub pack: Pack,
}

impl RegionPolicy {
    fn new(pack: Pack) -> RegionPolicy {
        RegionPolicy { pack }
    }
}

/// A set of region policies to evaluate against.
#[derive(Debug, Clone)]
pub struct Engine {
    regions: Vec<RegionPolicy>,
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
}

impl Engine {
    /// The engine over every built-in region pack.
    pub fn builtin() -> Result<Engine, Error> {
        let mut regions = Vec::with_capacity(BUILTIN_REGIONS.len());
        for region in BUILTIN_REGIONS {
            let pack = pack::builtin_pack(region).ok_or_else(|| {
                Error::new(ErrorCode::UnknownRegion, "", format!("no built-in pack for {region}"))
            })??;
            regions.push(RegionPolicy::new(pack));
        }
        Ok(Engine { regions })
    }

    /// An engine over a caller's pack: an overlay on a built-in region (`"extends": "ID"`) or a
    /// complete pack. Fails with `invalid_pack` listing every problem.
    pub fn from_pack(value: &Value<'_>) -> Result<Engine, Error> {
        let pack = pack::resolve(value)?;
        Ok(Engine { regions: vec![RegionPolicy::new(pack)] })
    }

    /// An engine over packs already read.
    pub fn from_packs(packs: Vec<Pack>) -> Engine {
        Engine { regions: packs.into_iter().map(RegionPolicy::new).collect() }
    }

    /// The regions this engine answers for.
    pub fn regions(&self) -> impl Iterator<Item = &str> {
        self.regions.iter().map(|r| r.pack.region.as_str())
    }

    /// The policy of `region`, or `unknown_region` (path `region`).
    pub fn region(&self, region: &str) -> Result<&RegionPolicy, Error> {
        self.regions.iter().find(|r| r.pack.region == region).ok_or_else(|| {
            let known: Vec<&str> = self.regions().collect();
            Error::new(
                ErrorCode::UnknownRegion,
                "region",
                format!("no policy for region \"{region}\"; this engine has {}", known.join(", ")),
            )
        })
    }

    /// A summary of each pack.
    pub fn policies(&self) -> Vec<PolicySummary> {
        self.regions
            .iter()
            .map(|r| PolicySummary {
                id: r.pack.id.clone(),
                region: r.pack.region.clone(),
                version: r.pack.version.clone(),
                effective_date: r.pack.effective_date,
                sources: r.pack.sources(),
            })
            .collect()
    }

    /// Today's date in `region`'s time zone at the instant `unix_ms`. Only the binding calls
    /// this, with the clock; the checkers themselves always receive a date.
    pub fn today(&self, region: &str, unix_ms: f64) -> Result<Date, Error> {
        Ok(self.region(region)?.pack.time_zone.zone.today(unix_ms))
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
        let engine = Engine::builtin().unwrap();
        assert_eq!(engine.regions().collect::<Vec<_>>(), BUILTIN_REGIONS);
        let err = engine.region("JP").unwrap_err();
        assert_eq!((err.code(), err.path()), (ErrorCode::UnknownRegion, "region"));
    }

    #[test]
    fn today_uses_the_region_clock() {
        let engine = Engine::builtin().unwrap();
        // 2026-11-21 17:30 UTC: already the 22nd in Jakarta, still the 21st in London and LA.
        let instant = 1_795_282_200_000.0;
        assert_eq!(engine.today("ID", instant).unwrap().to_string(), "2026-11-22");
        assert_eq!(engine.today("UK", instant).unwrap().to_string(), "2026-11-21");
        assert_eq!(engine.today("US", instant).unwrap().to_string(), "2026-11-21");
    }
}
