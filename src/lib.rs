//! # shop-policy
//!
//! TikTok Shop seller and creator policies, evaluated entirely on the user's device.
//!
//! Sellers and creators — many in Indonesia and Southeast Asia, many of them Chinese
//! cross-border sellers — lose reach, campaigns or whole shops over rules they could have
//! checked before posting: a Shopee link in a caption, a WhatsApp number in a chat reply, an
//! announcement taken down a day early. This crate answers those questions, with the rule, its
//! source and a message in English, Indonesian or Chinese, without sending anything anywhere:
//! it compiles to WebAssembly and runs in the browser (a help site, a Seller Center overlay, any
//! JS app).
//!
//! - **links** — may this text contain this link, phone number, e-mail, messenger handle or call
//!   to action?
//! - **eligibility** — can this creator get e-commerce permission in this region, and if not,
//!   why and when?
//! - **health** — how many violation points are active, which milestone is near, when do points
//!   expire, can the policy quiz still remove one?
//! - **closure** — can this shop close today; if not, what blocks it and when could it?
//!
//! ## Design
//!
//! - **Policy is data.** Every figure lives in a policy pack ([`pack`]), cited and marked
//!   verified or not. Region packs overlay a shared base; callers overlay a region or bring
//!   their own pack.
//! - **A pure core.** Checkers are functions of (pack, input, date) → report. There is no clock
//!   inside the core: the JS binding supplies "today" in the region's time zone when the caller
//!   gives no `asOf`.
//! - **Never trap.** A panic in wasm kills the module for the whole page, so the code denies
//!   `unwrap`, `expect`, `panic!` and slice indexing; bad input is an [`Error`] with a stable
//!   code and the path of the field at fault.
//! - **Small.** No regex, URL or JSON crates in the wasm; JSON and paths are handled by the
//!   small [`value`] and [`decode`] modules.
//!
//! ## Example
//!
//! ```
//! use shop_policy::{Engine, Value};
//!
//! let engine = Engine::builtin();
//! let regions: Vec<&str> = engine.regions().collect();
//! assert_eq!(regions, ["ID", "MY", "TH", "VN", "PH", "SG", "UK", "US"]);
//!
//! // A caller's overlay on the Indonesian pack: same rules, a stricter follower threshold.
//! let overlay = Value::parse_json(r#"{
//!     "id": "my-agency-ID", "version": "1", "extends": "ID",
//!     "eligibility": { "criteria": [ { "id": "eligibility.followers", "min": 1000 } ] }
//! }"#)?;
//! let mine = Engine::from_pack(&overlay)?;
//! assert_eq!(mine.policies()?[0].id, "my-agency-ID");
//!
//! // Every problem of a broken pack is reported, each with its path.
//! let broken = Value::parse_json(r#"{ "id": "x", "extends": "ID", "colour": 1,
//!     "health": { "weeklyReport": { "days": 0 } } }"#)?;
//! let report = shop_policy::validate_policy(&broken);
//! let paths: Vec<&str> = report.diagnostics.iter().map(|d| d.path()).collect();
//! assert_eq!(paths, ["health.weeklyReport.days", "colour"]);
//! # Ok::<(), shop_policy::Error>(())
//! ```

mod bytes;
pub mod closure;
pub mod date;
pub mod decode;
pub mod eligibility;
mod engine;
pub mod error;
mod fast_hash;
pub mod health;
pub mod i18n;
pub mod links;
pub mod pack;
pub mod report;
mod sort;
pub mod to_json;
pub mod value;

/// The JS binding (wasm32 only). Public so the wasm-bindgen tests can call it as Rust; JS users
/// see it as the package's exports.
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use closure::{ClosureInput, ClosureReport};
pub use date::Date;
pub use eligibility::{EligibilityInput, EligibilityReport, Outcome, Permission};
pub use engine::{CallContext, Engine, PolicySummary, RegionPolicy, Today};
pub use error::{Diagnostic, Error, ErrorCode};
pub use health::{HealthInput, HealthReport};
pub use i18n::Lang;
pub use links::{
    LinksBatchInput, LinksBatchReport, LinksInput, LinksReport, LinksResult, check_links,
};
pub use pack::Surface;
pub use pack::{Pack, Validation, validate_policy};
pub use report::{Finding, FindingKind, PolicyRef, Verdict};
pub use value::Value;
