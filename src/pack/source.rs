//! Where a rule comes from, in words a person can trust.
//!
//! A rule's `source` is a page address or a seed file: exact, but not something to show a seller.
//! The pack's `sources` list says what each one is — its title, publisher and date, whether it is
//! TikTok Shop's own page or a third-party summary, and which region's policy it states — so
//! reports can name "Redirecting Traffic, TikTok Shop Seller University (Vietnam), 29 June 2025"
//! and say when a region borrows another region's rule ("same rule as Vietnam").

use super::read_region;
use crate::decode::{Decoder, Path};
use crate::error::ErrorCode;
use crate::value::Value;

/// What one cited source is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceInfo {
    /// The `source` string the rules cite: a URL, a seed file, or a description.
    pub id: String,
    /// Its title as published (with an English gloss where it is not in English).
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// When it was published or last updated, as precisely as known: `2025`, `2025-06` or
    /// `2025-06-29`; `None` when undated.
    pub date: Option<String>,
    /// TikTok Shop's (or Tokopedia's) own page, or a copy of one, rather than a third party's.
    pub official: bool,
    /// The region whose policy it states; `None` for general or cross-region texts.
    pub region: Option<String>,
}

impl SourceInfo {
    pub(crate) fn read(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<SourceInfo> {
        let mut o = d.object(v, path)?;
        let id = o.req(d, path, "id", Decoder::text);
        let title = o.req(d, path, "title", Decoder::text);
        let publisher = o.req(d, path, "publisher", Decoder::text);
        let date = o.opt(d, path, "date", read_partial_date);
        let official = o.req(d, path, "official", Decoder::boolean);
        let region = o.opt(d, path, "region", read_region);
        o.finish(d, path);
        Some(SourceInfo {
            id: id?.to_owned(),
            title: title?.to_owned(),
            publisher: publisher?.to_owned(),
            date,
            official: official?,
            region,
        })
    }
}

/// `YYYY`, `YYYY-MM` or a full date: publication dates are often known only to the month.
fn read_partial_date(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<String> {
    let text = d.string(v, path)?;
    // A year or a month is checked as the first day of it.
    let day = match text.len() {
        4 => format!("{text}-01-01"),
        7 => format!("{text}-01"),
        _ => text.to_owned(),
    };
    let well_formed = crate::date::Date::parse(&day).is_some();
    if !well_formed {
        d.report(
            ErrorCode::InvalidDate,
            path,
            format!("expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got \"{text}\""),
        );
        return None;
    }
    Some(text.to_owned())
}
