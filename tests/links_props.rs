//! Properties of `checkLinks` over generated texts: spans are valid UTF-16, sorted and disjoint;
//! the verdict is the strictest finding's; clean prose stays clean; a platform link placed
//! between clean fragments is found, whatever surrounds it; a disguised violation is never judged
//! less strictly than the plain one.
#![cfg(not(target_arch = "wasm32"))]
// Tests are not in the wasm: the standard library's case tables are fine here.
#![allow(clippy::disallowed_methods)]
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

/// Violations as written plainly, each with the surface it is checked on.
const PLAIN: &[&str] = &[
    "beli di shopee.co.id ya kak",
    "cek tokopedia.com/tokobaju",
    "order lazada.com.my sahaja",
    "WA 0812 3456 7890",
    "chat whatsapp 0812 3456 7890",
    "add line @tokobaju",
    "加微信 abc_123",
];

/// How sellers disguise a text: each keeps its meaning for a person reading it.
fn disguise(text: &str, how: u8) -> String {
    let map = |f: &dyn Fn(char) -> String| text.chars().map(f).collect::<String>();
    match how {
        // Fullwidth letters, digits and dots (a Chinese input method).
        0 => map(&|c| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap().to_string(),
            _ => c.to_string(),
        }),
        // A zero-width space after every letter.
        1 => map(&|c| if c.is_ascii_alphabetic() { format!("{c}\u{200B}") } else { c.to_string() }),
        // Cyrillic look-alikes for o, a, e, p, c.
        2 => map(&|c| match c {
            'o' => "о".into(),
            'a' => "а".into(),
            'e' => "е".into(),
            'p' => "р".into(),
            'c' => "с".into(),
            _ => c.to_string(),
        }),
        // Dots written "(.)".
        3 => text.replace('.', "(.)"),
        // Capitals.
        _ => text.to_uppercase(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A disguise never makes a text less strictly judged than the same text written plainly.
    #[test]
    fn a_disguise_is_never_judged_less_strictly(
        plain in prop::sample::select(PLAIN.to_vec()),
        how in 0u8..5,
        surface in surface(),
    ) {
        let disguised = disguise(plain, how);
        let plain_report = check(plain, surface, "ID");
        let report = check(&disguised, surface, "ID");
        assert_well_formed(&disguised, &report);
        prop_assert!(plain_report.verdict > Verdict::Allow, "{plain:?} is not a violation");
        prop_assert!(
            report.verdict >= plain_report.verdict,
            "{disguised:?} judged {:?}, plainly {:?}: {:?}",
            report.verdict,
            plain_report.verdict,
            report.findings
        );
        if disguised != plain && how != 4 {
            prop_assert!(report.findings.iter().any(|f| f.obfuscated), "{disguised:?}: {:?}", report.findings);
        }
    }
}
