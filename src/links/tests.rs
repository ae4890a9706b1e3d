use super::*;
use crate::engine::Engine;

fn check(region: &str, surface: Surface, text: &str) -> LinksReport {
    let engine = Engine::builtin();
    check_links(engine.region(region).unwrap(), text, surface, Lang::En)
}

#[test]
fn smoke() {
    let report = check("ID", Surface::Video, "Beli di shopee.co.id ya kak, WA 0812-3456-7890");
    for f in &report.findings {
        println!("{:?} {:?} {:?} {:?} {}", f.kind, f.matched, f.verdict, f.platform, f.message);
    }
    assert_eq!(report.verdict, Verdict::Block);
}

#[test]
fn phone_words_are_written_folded() {
    for word in PHONE_WORDS {
        assert_eq!(text::folded_lowercase(word), *word);
    }
    assert!(phone_word_before("Gọi: 0901234567", "Gọi: ".len()));
}
