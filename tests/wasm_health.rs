//! `accountHealth` through the binding, in wasm itself (Node and headless Chromium): JS objects
//! in, plain JS objects out, errors as JS `Error`s with `code` and `path`, "today" from the clock.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use js_sys::{Array, Reflect};
use shop_policy::wasm::{JsEngine, account_health};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

mod common;
use common::{get, js, number, text};

const INDONESIA: &str = r#"{
    "region": "ID", "asOf": "2023-02-10",
    "violations": [
        { "id": "v1", "type": "Prohibited Customer Communication", "points": 4,
          "issuedOn": "2023-01-20", "surface": "chat" },
        { "id": "v2", "type": "Misleading Product Information", "points": 4,
          "issuedOn": "2023-02-06", "surface": "live" }
    ],
    "quizAttempts": [ { "violationId": "v1", "takenOn": "2023-02-01", "passed": true } ]
}"#;

#[wasm_bindgen_test]
fn account_health_returns_plain_objects() {
    let report = account_health(js(INDONESIA)).unwrap();
    assert_eq!(text(&report, "scheme"), "points");
    assert_eq!(text(&report, "asOf"), "2023-02-10");
    assert_eq!(number(&report, "activePoints"), 7.0);
    let milestone = get(&report, "milestone");
    assert!(get(&milestone, "reached").is_null());
    let next = get(&milestone, "next");
    assert_eq!((number(&next, "points"), number(&next, "pointsToGo")), (12.0, 5.0));
    assert_eq!(text(&next, "ruleId"), "health.milestone_12");
    let warning = get(&report, "warning");
    assert!(text(&warning, "message").contains("12-point milestone"));
    assert!(get(&report, "score").is_null());

    let expirations = Array::from(&get(&report, "expirations"));
    assert_eq!(expirations.length(), 2);
    assert_eq!(text(&expirations.get(0), "on"), "2023-04-20");
    assert_eq!(number(&expirations.get(0), "points"), 3.0);

    let weekly = get(&report, "weekly");
    assert_eq!(
        (text(&weekly, "from"), text(&weekly, "to")),
        ("2023-02-04".into(), "2023-02-10".into())
    );
    let by_surface = Array::from(&get(&weekly, "bySurface"));
    assert_eq!(text(&by_surface.get(0), "surface"), "live");

    let quizzes = Array::from(&get(&report, "quizzes"));
    let first = quizzes.get(0);
    assert_eq!(text(&first, "violationId"), "v1");
    assert_eq!(text(&first, "deadline"), "2023-02-28");
    assert_eq!(number(&first, "attemptsLeft"), 2.0);
    assert_eq!(get(&first, "canRemovePoint"), JsValue::FALSE);
    assert_eq!(text(&first, "blockedBy"), "type_cooldown");
    assert_eq!(text(&first, "cooldownEndsOn"), "2023-03-03");
    assert_eq!(get(&quizzes.get(1), "canRemovePoint"), JsValue::TRUE);

    let policy = get(&report, "policy");
    assert_eq!(text(&policy, "id"), "tiktok-shop-ID");
}

#[wasm_bindgen_test]
fn without_as_of_today_comes_from_the_clock() {
    let report = account_health(js(r#"{ "region": "US", "violations": [] }"#)).unwrap();
    let as_of = text(&report, "asOf");
    assert_eq!(as_of.len(), 10);
    assert!(as_of.as_str() >= "2025-01-01", "{as_of}");
    assert_eq!(text(&report, "scheme"), "score");
    assert_eq!(number(&get(&report, "score"), "value"), 200.0);
}

#[wasm_bindgen_test]
fn messages_follow_lang() {
    let input = INDONESIA.replacen('{', r#"{ "lang": "id", "#, 1);
    let report = account_health(js(&input)).unwrap();
    let warning = get(&report, "warning");
    assert!(text(&warning, "message").starts_with("Mendekati batas 12 poin"));
    let input = INDONESIA.replacen('{', r#"{ "lang": "zh", "#, 1);
    let report = account_health(js(&input)).unwrap();
    assert!(text(&get(&report, "weekly"), "message").starts_with("最近7天"));
}

#[wasm_bindgen_test]
fn bad_input_throws_with_code_and_path() {
    let input = js(INDONESIA);
    let violations = Array::from(&get(&input, "violations"));
    Reflect::set(&violations.get(1), &"issuedOn".into(), &"2023-02-29".into()).unwrap();
    let error = account_health(input).unwrap_err();
    assert!(error.is_instance_of::<js_sys::Error>());
    assert_eq!(text(&error, "name"), "ShopPolicyError");
    assert_eq!(text(&error, "code"), "invalid_date");
    assert_eq!(text(&error, "path"), "violations[1].issuedOn");

    // NaN survives the crossing as a number and is refused as one.
    let input = js(INDONESIA);
    let violations = Array::from(&get(&input, "violations"));
    Reflect::set(&violations.get(0), &"points".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    let error = account_health(input).unwrap_err();
    assert_eq!(
        (text(&error, "code"), text(&error, "path")),
        ("invalid_input".into(), "violations[0].points".into())
    );

    let error = account_health(js(r#"{ "region": "JP", "violations": [] }"#)).unwrap_err();
    assert_eq!(
        (text(&error, "code"), text(&error, "path")),
        ("unknown_region".into(), "region".into())
    );
    let error = account_health(JsValue::UNDEFINED).unwrap_err();
    assert_eq!(text(&error, "code"), "invalid_input");
}

#[wasm_bindgen_test]
fn an_engine_from_an_overlay_evaluates_with_its_pack() {
    let engine = JsEngine::new(js(
        r#"{"id":"agency-ID","version":"7","extends":"ID","health":{"warning":{"distance":8}}}"#,
    ))
    .unwrap();
    let input = js(r#"{ "region": "ID", "asOf": "2024-05-01",
        "violations": [ { "id": "a", "type": "T", "points": 4, "issuedOn": "2024-04-01" } ] }"#);
    let report = engine.account_health(input).unwrap();
    assert_eq!(number(&get(&report, "warning"), "pointsToGo"), 8.0);
    let policy = get(&report, "policy");
    assert_eq!((text(&policy, "id"), text(&policy, "version")), ("agency-ID".into(), "7".into()));
    let elsewhere = engine.account_health(js(r#"{ "region": "TH", "violations": [] }"#));
    assert_eq!(text(&elsewhere.unwrap_err(), "code"), "unknown_region");
}
