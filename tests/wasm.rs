//! The binding, tested in wasm itself: in Node and in headless Chromium (`./build.sh test` runs
//! both). These call the exported functions as Rust and read the JS values they return.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use js_sys::{Array, Reflect};
use shop_policy::wasm::{JsEngine, get_policy, policies, validate_policy};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

mod common;
use common::{get, js, text};

#[wasm_bindgen_test]
fn policies_lists_the_eight_builtin_regions() {
    let list: Array = policies().unwrap().dyn_into().unwrap();
    let regions: Vec<String> = list.iter().map(|p| text(&p, "region")).collect();
    assert_eq!(regions, ["ID", "MY", "TH", "VN", "PH", "SG", "UK", "US"]);
    let first = list.get(0);
    assert_eq!(text(&first, "effectiveDate"), "2026-11-29");
    assert!(Array::is_array(&get(&first, "sources")));
}

#[wasm_bindgen_test]
fn validate_policy_returns_diagnostics_as_plain_objects() {
    let result = validate_policy(js(r#"{"id":"x","extends":"ID","colour":1}"#)).unwrap();
    assert_eq!(get(&result, "ok"), JsValue::FALSE);
    let diagnostics: Array = get(&result, "diagnostics").dyn_into().unwrap();
    assert_eq!(diagnostics.length(), 1);
    let d = diagnostics.get(0);
    assert_eq!(
        (text(&d, "code"), text(&d, "path")),
        ("unknown_field".to_owned(), "colour".to_owned())
    );
}

#[wasm_bindgen_test]
fn js_values_json_cannot_hold_get_a_path() {
    let input = js(r#"{"id":"x","extends":"ID","health":{}}"#);
    let health = get(&input, "health");
    Reflect::set(&health, &"note".into(), &js_sys::Function::new_no_args("return 1")).unwrap();
    let result = validate_policy(input).unwrap();
    let d = Array::from(&get(&result, "diagnostics")).get(0);
    assert_eq!(text(&d, "path"), "health.note");
    assert!(text(&d, "message").contains("function"));
}

#[wasm_bindgen_test]
fn engine_errors_are_js_errors_with_code_and_path() {
    let error = match JsEngine::new(js(
        r#"{"id":"x","extends":"ID","health":{"weeklyReport":{"days":-1}}}"#,
    )) {
        Ok(_) => panic!("expected invalid_pack"),
        Err(error) => error,
    };
    assert!(error.is_instance_of::<js_sys::Error>());
    assert_eq!(text(&error, "name"), "ShopPolicyError");
    assert_eq!(text(&error, "code"), "invalid_pack");
    assert_eq!(text(&error, "path"), "health.weeklyReport.days");
    let diagnostics = Array::from(&get(&error, "diagnostics"));
    assert_eq!(diagnostics.length(), 1);

    let unknown = get_policy(JsValue::from_str("JP")).unwrap_err();
    assert_eq!(
        (text(&unknown, "code"), text(&unknown, "path")),
        ("unknown_region".to_owned(), "region".to_owned())
    );
}

#[wasm_bindgen_test]
fn an_engine_from_an_overlay_serves_its_region() {
    let engine = JsEngine::new(js(r#"{"id":"agency-TH","version":"2","extends":"TH"}"#)).unwrap();
    let regions = Array::from(&engine.regions().unwrap());
    assert_eq!(
        regions.to_vec().iter().map(|r| r.as_string()).collect::<Vec<_>>(),
        [Some("TH".to_owned())]
    );
    let list = Array::from(&engine.policies().unwrap());
    assert_eq!(text(&list.get(0), "id"), "agency-TH");
    let builtin = JsEngine::new(JsValue::UNDEFINED).unwrap();
    assert_eq!(Array::from(&builtin.regions().unwrap()).length(), 8);
}
