//! Helpers the wasm-bindgen suites (`tests/wasm*.rs`) share: build JS values, read their
//! properties, and take a `ShopPolicyError` apart.
#![allow(dead_code)] // each suite uses some of them

use js_sys::{JSON, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// A JS value from JSON text.
pub fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

/// `value[key]`.
pub fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

/// `value[key] = to`.
pub fn set(value: &JsValue, key: &str, to: &JsValue) {
    Reflect::set(value, &JsValue::from_str(key), to).unwrap();
}

/// `value[key]`, which must be a string.
pub fn text(value: &JsValue, key: &str) -> String {
    get(value, key).as_string().unwrap_or_else(|| panic!("{key} is not a string"))
}

/// `value[key]`, which must be a number.
pub fn number(value: &JsValue, key: &str) -> f64 {
    get(value, key).as_f64().unwrap_or_else(|| panic!("{key} is not a number"))
}

/// The `code` and `path` of the `ShopPolicyError` a call must have thrown.
pub fn error_of(result: Result<JsValue, JsValue>) -> (String, String) {
    let error = result.expect_err("expected a ShopPolicyError");
    assert!(error.is_instance_of::<js_sys::Error>());
    assert_eq!(text(&error, "name"), "ShopPolicyError");
    (text(&error, "code"), text(&error, "path"))
}
