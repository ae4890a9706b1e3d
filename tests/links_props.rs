//! Properties of `checkLinks` over generated texts: spans are valid UTF-16, sorted and disjoint;
//! the verdict is the strictest finding's; clean prose stays clean; a platform link placed
//! between clean fragments is found, whatever surrounds it.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use proptest::prelude::*;
use shop_policy::{Engine, LinksReport, Surface, Verdict, check_links, i18n::Lang};
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(Engine::builtin)
}

const CLEAN: &[&str] = &[
    "Kaos polos bahan katun",
    "Harga Rp 75.000",
    "berat 2,5 kg",
    "ukuran 30 x 40 cm",
    "versi v2.0",
    "index.html",
    "12/08/2024",
    "jam 08.30-17.00",
    "diskon 50%",
    "纯棉T恤",
    "舒适透气",
    "เสื้อยืดผ้าฝ้าย",
    "Áo thun cotton",
    "Giá 150.000đ",
    "polka dot",
    "titik kumpul",
    "wanita",
    "cek ukuran",
    "😀",
    "🎉👍🏽",
    "Order #576932199283736451",
    "SKU: 0812345678",
    "$19.99",
    "RM 29.90",
    "!",
    ",",
    ".",
    "(",
    ")",
    "—",
];

const LINKS: &[(&str, &str)] = &[
    ("shopee.co.id", "shopee"),
    ("https://www.lazada.co.th/products/x", "lazada"),
    ("wa.me/6281234567890", "whatsapp"),
    ("shopee(.)co(.)id", "shopee"),
    ("ｔｏｋｏｐｅｄｉａ．ｃｏｍ", "tokopedia"),
    ("t.me/toko", "telegram"),
    ("amazon.com/dp/B01", "amazon"),
];

fn check(text: &str, surface: Surface, region: &str) -> LinksReport {
    check_links(engine().region(region).unwrap(), text, surface, Lang::En)
}

fn assert_well_formed(text: &str, report: &LinksReport) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut previous_end = 0;
    for f in &report.findings {
        assert!(f.start < f.end && f.end <= units.len());
        assert!(f.start >= previous_end, "overlapping or unsorted: {report:?}");
        previous_end = f.end;
        assert_eq!(String::from_utf16(&units[f.start..f.end]).unwrap(), f.matched);
    }
    assert_eq!(
        report.verdict,
        report.findings.iter().map(|f| f.verdict).max().unwrap_or(Verdict::Allow)
    );
    assert_eq!(report.redacted.encode_utf16().count(), units.len());
}

fn surface() -> impl Strategy<Value = Surface> {
    prop::sample::select(Surface::ALL.to_vec())
}

fn region() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["ID", "MY", "TH", "VN", "PH", "SG", "UK", "US"])
}

proptest! {
    // 256 cases by default; PROPTEST_CASES=20000 for a longer search.

    #[test]
    fn any_text_gives_well_formed_findings(text in "\\PC{0,200}", surface in surface(), region in region()) {
        let report = check(&text, surface, region);
        assert_well_formed(&text, &report);
    }

    #[test]
    fn clean_fragments_stay_clean(parts in prop::collection::vec(prop::sample::select(CLEAN.to_vec()), 0..12), surface in surface()) {
        let text = parts.join(" ");
        let report = check(&text, surface, "ID");
        prop_assert!(report.findings.is_empty(), "{text:?} gave {:?}", report.findings);
        prop_assert_eq!(report.verdict, Verdict::Allow);
    }

    #[test]
    fn a_link_between_clean_fragments_is_found(
        before in prop::collection::vec(prop::sample::select(CLEAN.to_vec()), 0..6),
        link in prop::sample::select(LINKS.to_vec()),
        after in prop::collection::vec(prop::sample::select(CLEAN.to_vec()), 0..6),
        surface in surface(),
    ) {
        let text = format!("{} {} {}", before.join(" "), link.0, after.join(" "));
        let report = check(&text, surface, "MY");
        assert_well_formed(&text, &report);
        let found = report.findings.iter().find(|f| f.matched == link.0);
        prop_assert!(found.is_some_and(|f| f.platform.as_deref() == Some(link.1)), "{text:?}: {:?}", report.findings);
    }
}
