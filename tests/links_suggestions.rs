//! What to write instead: every finding that blocks or reviews carries a suggestion, and the
//! report's `suggestedText` (each such span replaced) checks as `allow`, on every text of the
//! labelled corpus (`tests/corpus/`), on its surface and region, in every report language.
//! The suggestions themselves are allowed wherever they can appear.
//!
//! ```sh
//! cargo test --test links_suggestions -- --nocapture
//! ```
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use shop_policy::{Engine, Surface, Value, Verdict, check_links, i18n::Lang};

const REGIONS: [&str; 8] = ["ID", "MY", "TH", "VN", "PH", "SG", "UK", "US"];
const LANGS: [Lang; 3] = [Lang::En, Lang::Id, Lang::Zh];

fn surface_named(name: &str) -> Surface {
    Surface::NAMES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s).unwrap()
}

/// `(region, surface, text, lang)` of every corpus text.
fn corpus() -> Vec<(String, Surface, String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "jsonl") {
            continue;
        }
        for line in std::fs::read_to_string(&path).unwrap().lines() {
            if line.trim().is_empty() {
                continue;
            }
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            out.push((
                v["region"].as_str().unwrap().to_owned(),
                surface_named(v["surface"].as_str().unwrap()),
                v["text"].as_str().unwrap().to_owned(),
                v["lang"].as_str().unwrap().to_owned(),
            ));
        }
    }
    assert!(out.len() > 1000, "the corpus has {} texts", out.len());
    out
}

#[test]
fn every_suggested_text_of_the_corpus_checks_as_allow() {
    let engine = Engine::builtin();
    let mut failures = Vec::new();
    let mut replaced = 0;
    for (region, surface, text, _) in corpus() {
        let policy = engine.region(&region).unwrap();
        for lang in LANGS {
            let report = check_links(policy, &text, surface, lang);
            for f in &report.findings {
                assert_eq!(
                    f.suggestion.is_some(),
                    f.verdict != Verdict::Allow,
                    "{region} {surface:?} {lang:?} {text:?}: {f:?}"
                );
            }
            if report.verdict == Verdict::Allow {
                assert_eq!(report.suggested_text, text);
                continue;
            }
            replaced += 1;
            let again = check_links(policy, &report.suggested_text, surface, lang);
            if again.verdict != Verdict::Allow {
                failures.push(format!(
                    "{region} {} {lang:?}\n  text:      {text}\n  suggested: {}\n  still:     {}",
                    surface.as_str(),
                    report.suggested_text,
                    again
                        .findings
                        .iter()
                        .filter(|f| f.verdict != Verdict::Allow)
                        .map(|f| format!("{} ({})", f.matched, f.rule_id))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
    }
    println!("{replaced} suggested texts checked, {} not allowed", failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_suggestion_is_allowed_where_it_can_appear() {
    let engine = Engine::builtin();
    for region in REGIONS {
        let policy = engine.region(region).unwrap();
        for suggestion in &policy.pack.links.suggestions {
            for surface in Surface::ALL {
                for lang in LANGS {
                    let wording = suggestion.on(surface);
                    for text in [wording.clause(lang).unwrap(), wording.name(lang).unwrap()] {
                        let report = check_links(policy, text, surface, lang);
                        assert_eq!(
                            report.verdict,
                            Verdict::Allow,
                            "{region} {} {lang:?} suggestion {}: {text:?} → {:?}",
                            surface.as_str(),
                            suggestion.id,
                            report.findings
                        );
                    }
                }
            }
        }
    }
}

fn suggested(region: &str, surface: &str, lang: Lang, text: &str) -> String {
    let engine = Engine::builtin();
    check_links(engine.region(region).unwrap(), text, surface_named(surface), lang).suggested_text
}

#[test]
fn one_clause_becomes_one_suggestion_in_the_report_language() {
    assert_eq!(
        suggested("ID", "video", Lang::Id, "Order via WA 0812-3456-7890 ya kak 🙏"),
        "Checkout lewat keranjang kuning 🙏"
    );
    // A link inside the seller's own sentence is replaced by a name that fits it.
    assert_eq!(
        suggested("ID", "video", Lang::Id, "link produk: shopee.co.id/rinahijab 🛍️"),
        "link produk: keranjang kuning 🛍️"
    );
    assert_eq!(
        suggested(
            "ID",
            "chat",
            Lang::Id,
            "Kak stok di sini habis, tapi masih ada di Lazada kami ya, bisa order di sana"
        ),
        "Kak stok di sini habis, checkout dari kartu produk yang saya kirim di chat ini"
    );
    assert_eq!(
        suggested("ID", "video", Lang::Id, "Beli di shopee(.)co(.)id ya kak, ready semua warna"),
        "Checkout lewat keranjang kuning, ready semua warna"
    );
    assert_eq!(
        suggested("MY", "chat", Lang::En, "Sure! Whatsapp me at 012-345 6789 for the price."),
        "Sure! Reply here in this chat."
    );
    assert_eq!(
        suggested("SG", "live", Lang::Zh, "加微信 abc123 私聊下单"),
        "点小黄车或置顶商品下单"
    );
    assert_eq!(
        suggested("UK", "bio", Lang::En, "Handmade candles. Follow my IG @wickandwax"),
        "Handmade candles. Follow us here on TikTok"
    );
}

#[test]
fn allowed_texts_and_tiktok_links_stay_as_written() {
    let text = "Checkout di keranjang kuning ya, link: https://vt.tokopedia.com/t/ZSabc123/";
    assert_eq!(suggested("ID", "video", Lang::Id, text), text);
}

/// Prints every corpus text beside its suggested text in the language it is written in
/// (`SUGGESTIONS_SHOW=1`), to read them as a seller would.
#[test]
fn show_suggested_texts() {
    if std::env::var_os("SUGGESTIONS_SHOW").is_none() {
        return;
    }
    let engine = Engine::builtin();
    let (mut in_place, mut lines) = (0, 0);
    for (region, surface, text, written_in) in corpus() {
        let lang = match written_in.as_str() {
            "id" | "ms" => Lang::Id,
            "zh" => Lang::Zh,
            _ => Lang::En,
        };
        let report = check_links(engine.region(&region).unwrap(), &text, surface, lang);
        if report.verdict == Verdict::Allow {
            continue;
        }
        if report.suggested_text.contains('\n') && !text.contains('\n') {
            lines += 1;
        } else {
            in_place += 1;
        }
        println!(
            "{region} {:<7} {text}\n{:>16}{}",
            surface.as_str(),
            "→ ",
            report.suggested_text.replace('\n', " ⏎ ")
        );
    }
    println!("{in_place} in place or by clause, {lines} as suggestions alone");
}

#[test]
fn an_allowed_phrase_is_never_a_finding_and_the_rest_still_is() {
    // "Wa Ode" is a Butonese name that shops carry; "toko oren" is also a nickname of Shopee.
    let overlay = Value::parse_json(
        r#"{ "id": "mine", "version": "1", "extends": "ID", "links": { "allow": ["wa ode", "toko oren jaya"] } }"#,
    )
    .unwrap();
    let engine = Engine::from_pack(&overlay).unwrap();
    let mine = engine.region("ID").unwrap();
    let builtin = Engine::builtin();
    let plain = builtin.region("ID").unwrap();
    for text in ["Batik Wa Ode Sulawesi, tulis asli", "Toko Oren Jaya, grosir kaos"] {
        assert_ne!(
            check_links(plain, text, Surface::Video, Lang::En).verdict,
            Verdict::Allow,
            "{text}"
        );
        let report = check_links(mine, text, Surface::Video, Lang::En);
        assert_eq!(report.verdict, Verdict::Allow, "{text}: {:?}", report.findings);
    }
    // Only the allowed phrase: a contact beside it is still found.
    let report =
        check_links(mine, "Batik WA ODE, order via WA 0812-3456-7890", Surface::Video, Lang::En);
    assert_eq!(report.verdict, Verdict::Block, "{:?}", report.findings);
    assert!(report.findings.iter().all(|f| f.matched != "WA ODE"));
}
