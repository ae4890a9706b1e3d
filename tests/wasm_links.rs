//! checkLinks through the binding, in Node and headless Chromium.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use js_sys::{Array, JSON};
use shop_policy::wasm::{JsEngine, check_links};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

mod common;
use common::{get, text};

#[wasm_bindgen_test]
fn findings_carry_utf16_offsets_into_the_js_string() {
    // Built in JS so it holds a lone surrogate, which Rust strings cannot.
    let input = js_sys::eval(
        r#"({ text: "\ud83d\ude00 \ud800 beli di shopee.co.id \udfff WA 0812-3456-7890", surface: "video", region: "ID" })"#,
    )
    .unwrap();
    let report = check_links(input.clone()).unwrap();
    assert_eq!(text(&report, "verdict"), "block");
    let source: js_sys::JsString = get(&input, "text").into();
    let findings = Array::from(&get(&report, "findings"));
    assert!(findings.length() >= 3);
    for f in findings.iter() {
        let start = get(&f, "start").as_f64().unwrap() as u32;
        let end = get(&f, "end").as_f64().unwrap() as u32;
        assert_eq!(String::from(source.slice(start, end)), text(&f, "match"));
    }
    let redacted: js_sys::JsString = get(&report, "redacted").into();
    assert_eq!(redacted.length(), source.length());
}

#[wasm_bindgen_test]
fn errors_are_coded_and_the_module_survives() {
    let error = check_links(JSON::parse(r#"{"text":"x","surface":"tv","region":"ID"}"#).unwrap())
        .unwrap_err();
    assert_eq!(
        (text(&error, "code"), text(&error, "path")),
        ("invalid_input".into(), "surface".into())
    );
    let error = check_links(JsValue::from_f64(f64::NAN)).unwrap_err();
    assert_eq!(text(&error, "code"), "invalid_input");
    let ok = check_links(JSON::parse(r#"{"text":"ok","surface":"bio","region":"SG"}"#).unwrap())
        .unwrap();
    assert_eq!(text(&ok, "verdict"), "allow");
}

#[wasm_bindgen_test]
fn an_engine_overlay_changes_verdicts() {
    let engine = JsEngine::new(
        JSON::parse(r#"{"id":"lenient-ID","extends":"ID","links":{"rules":[{"id":"links.shortener","verdict":"allow"}]}}"#)
            .unwrap(),
    )
    .unwrap();
    let report = engine
        .check_links(
            JSON::parse(r#"{"text":"bit.ly/abc","surface":"video","region":"ID"}"#).unwrap(),
        )
        .unwrap();
    assert_eq!(text(&report, "verdict"), "allow");
    assert_eq!(text(&get(&report, "policy"), "id"), "lenient-ID");
}
