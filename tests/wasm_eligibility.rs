//! `checkEligibility` through the binding, in Node and headless Chromium: JS objects in, plain
//! JS objects out, JS errors with `code` and `path`, and "today" from the clock.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use js_sys::{Array, Reflect};
use shop_policy::wasm::{JsEngine, check_eligibility};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

mod common;
use common::{error_of, get, js, text};

const MET: &str = r#""asOf":"2026-03-01","followers":600,"age":18,"identityVerified":true,
    "governmentAccount":false,"previouslyRevoked":false,"codeOfConductViolations":0,
    "linkedShopAtRisk":false,"foreignCreator":false"#;

#[wasm_bindgen_test]
fn an_eligible_creator_gets_a_plain_js_report() {
    let report = check_eligibility(js(&format!(r#"{{"region":"ID",{MET}}}"#))).unwrap();
    assert_eq!(text(&report, "outcome"), "eligible");
    assert_eq!(get(&report, "canApply"), JsValue::TRUE);
    assert_eq!(text(&report, "asOf"), "2026-03-01");
    let criteria = Array::from(&get(&report, "criteria"));
    assert_eq!(criteria.length(), 7);
    let followers = criteria.get(0);
    assert_eq!(text(&followers, "id"), "followers");
    assert_eq!(text(&followers, "ruleId"), "eligibility.followers");
    assert_eq!(get(&followers, "met"), JsValue::TRUE);
    assert_eq!(get(&followers, "verified"), JsValue::TRUE);
    assert!(get(&followers, "effectiveFrom").is_null());
    assert_eq!(text(&get(&report, "policy"), "id"), "tiktok-shop-ID");
    // Optional contract fields are left out, not undefined-valued or null.
    assert!(!Reflect::has(&report, &"limits".into()).unwrap());
    assert!(!Reflect::has(&report, &"appeal".into()).unwrap());
    assert!(get(&report, "reason").is_null());
}

#[wasm_bindgen_test]
fn unknown_facts_and_js_only_values() {
    // `undefined` is a fact left out, like a missing field or `null`.
    let input = js(&format!(r#"{{"region":"TH",{MET}}}"#));
    Reflect::set(&input, &"followers".into(), &JsValue::UNDEFINED).unwrap();
    Reflect::set(&input, &"age".into(), &JsValue::NULL).unwrap();
    let report = check_eligibility(input).unwrap();
    assert_eq!(text(&report, "outcome"), "incomplete");
    let steps = Array::from(&get(&report, "nextSteps"));
    let ids: Vec<String> = steps.iter().map(|s| text(&s, "id")).collect();
    assert_eq!(ids, ["followers", "age"]);

    let nan = js(r#"{"region":"ID","asOf":"2026-03-01"}"#);
    Reflect::set(&nan, &"followers".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    assert_eq!(error_of(check_eligibility(nan)), ("invalid_input".into(), "followers".into()));
    let function = js(r#"{"region":"ID"}"#);
    Reflect::set(&function, &"age".into(), &js_sys::Function::new_no_args("return 18")).unwrap();
    assert_eq!(error_of(check_eligibility(function)), ("invalid_input".into(), "age".into()));
}

#[wasm_bindgen_test]
fn enforcement_states() {
    let never = check_eligibility(js(r#"{"region":"ID","permission":"revoked","lang":"id"}"#));
    let never = never.unwrap();
    assert_eq!(text(&never, "outcome"), "never");
    let reason = get(&never, "reason");
    assert_eq!(text(&reason, "source"), "seeds/000_af88421e6aa80b60.txt");
    assert!(text(&reason, "message").contains("dicabut secara permanen"));

    let restricted = check_eligibility(js(r#"{"region":"VN","asOf":"2026-03-05",
        "permission":"restricted","restrictedUntil":"2026-03-10","enforcedOn":"2026-03-01"}"#))
    .unwrap();
    assert_eq!(text(&restricted, "outcome"), "restricted");
    assert_eq!(text(&restricted, "restrictedUntil"), "2026-03-10");
    let appeal = get(&restricted, "appeal");
    assert_eq!(text(&appeal, "route"), "account_status_page");
    assert_eq!(text(&appeal, "deadline"), "2026-03-31");
    assert_eq!(get(&appeal, "deadlineDays").as_f64(), Some(30.0));
    assert_eq!(get(&appeal, "open"), JsValue::TRUE);
}

#[wasm_bindgen_test]
fn the_us_pilot_is_in_limits() {
    let report = check_eligibility(js(&format!(r#"{{"region":"US",{MET},"followers":1000}}"#)));
    let limits = get(&report.unwrap(), "limits");
    assert_eq!(get(&limits, "weeklyShoppableLives").as_f64(), Some(3.0));
    assert_eq!(get(&limits, "weeklyShoppableVideos").as_f64(), Some(5.0));
    assert_eq!(get(&limits, "pilotDays").as_f64(), Some(30.0));
}

#[wasm_bindgen_test]
fn without_as_of_today_comes_from_the_clock() {
    let report = check_eligibility(js(r#"{"region":"UK"}"#)).unwrap();
    let as_of = text(&report, "asOf");
    assert_eq!(as_of.len(), 10);
    assert!(as_of.starts_with("20"), "{as_of}");
}

#[wasm_bindgen_test]
fn errors_carry_code_and_path() {
    for (input, code, path) in [
        (r#"{"region":"ID","asOf":"2023-02-29"}"#, "invalid_date", "asOf"),
        (r#"{"region":"ID","folowers":1}"#, "unknown_field", "folowers"),
        (r#"{"region":"JP"}"#, "unknown_region", "region"),
        (r#"{"region":"ID","followers":-1}"#, "invalid_input", "followers"),
        (r#"{"region":"ID","followers":"600"}"#, "invalid_input", "followers"),
        (r#"{"region":"ID","restrictedUntil":"2026-01-01"}"#, "invalid_input", "restrictedUntil"),
        (r#"{"followers":1}"#, "invalid_input", "region"),
        ("42", "invalid_input", ""),
    ] {
        assert_eq!(error_of(check_eligibility(js(input))), (code.into(), path.into()), "{input}");
    }
    assert_eq!(
        error_of(check_eligibility(JsValue::UNDEFINED)),
        ("invalid_input".into(), "".into())
    );
}

#[wasm_bindgen_test]
fn an_engine_with_a_users_pack() {
    let engine = JsEngine::new(js(r#"{"id":"agency-ID","version":"2","extends":"ID",
        "eligibility":{"criteria":[{"id":"eligibility.followers","min":1000,"verified":false}]}}"#))
    .unwrap();
    let report =
        engine.check_eligibility(js(&format!(r#"{{"region":"ID",{MET},"followers":999}}"#)));
    let report = report.unwrap();
    assert_eq!(text(&report, "outcome"), "not_eligible");
    assert_eq!(text(&get(&report, "policy"), "id"), "agency-ID");
    let followers = Array::from(&get(&report, "criteria")).get(0);
    assert_eq!(get(&followers, "verified"), JsValue::FALSE);
    assert_eq!(
        error_of(engine.check_eligibility(js(r#"{"region":"TH"}"#))),
        ("unknown_region".into(), "region".into())
    );
}
