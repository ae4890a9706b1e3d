//! `checkClosure` through the binding, in Node and in headless Chromium: JS values in, plain JS
//! objects out (with `null` where the contract says so), JS `Error`s with `code` and `path`.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use js_sys::{Array, Reflect};
use shop_policy::wasm::{JsEngine, check_closure};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

mod common;
use common::{error_of, get, js, set, text};

/// An Indonesian shop with one open order and a negative balance the deposit covers.
fn input() -> JsValue {
    js(r#"{
        "region": "ID", "asOf": "2026-06-01", "initiatedBy": "seller", "sellerType": "cross_border",
        "activeCampaigns": 0, "boundCreators": 0, "announcementSince": "2026-04-01",
        "orders": [
            { "id": "577001", "status": "completed", "finalizedOn": "2026-01-15" },
            { "id": "577002", "status": "awaiting_shipment" }
        ],
        "commissionArrears": 0, "balance": -2500, "unpaidInvoices": 0,
        "depositArrears": 0, "deposit": 50000000
    }"#)
}

fn condition(report: &JsValue, id: &str) -> JsValue {
    Array::from(&get(report, "conditions"))
        .iter()
        .find(|c| text(c, "id") == id)
        .unwrap_or_else(|| panic!("no condition {id}"))
}

#[wasm_bindgen_test]
fn the_report_is_plain_js_with_nulls_where_the_contract_says() {
    let report = check_closure(input()).unwrap();
    assert_eq!(get(&report, "canClose"), JsValue::FALSE);
    assert_eq!(text(&report, "asOf"), "2026-06-01");
    assert!(get(&report, "earliestCloseDate").is_null(), "an order is open");
    assert_eq!(get(&report, "depositRefund").as_f64(), Some(49_997_500.0));
    assert_eq!(get(&report, "canWithdraw"), JsValue::TRUE);
    assert_eq!(text(&get(&report, "currency"), "code"), "IDR");
    assert_eq!(text(&get(&report, "policy"), "id"), "tiktok-shop-ID");

    let conditions = Array::from(&get(&report, "conditions"));
    assert_eq!(conditions.length(), 7);
    let open = condition(&report, "orders_final");
    assert_eq!(get(&open, "met"), JsValue::FALSE);
    assert!(get(&open, "metOn").is_null());
    assert!(text(&open, "detail").contains("577002 (awaiting_shipment)"));
    let announcement = condition(&report, "announcement_shown_30_days");
    assert_eq!(text(&announcement, "metOn"), "2026-05-01");
    assert_eq!(text(&announcement, "source"), "seeds/004_1ce1c89aa1fd4710.txt");

    let steps = Array::from(&get(&report, "steps"));
    assert!(get(&steps.get(0), "done").is_null());
    assert_eq!(get(&steps.get(2), "done"), JsValue::FALSE);
    assert_eq!(Array::from(&get(&report, "afterClosure")).length(), 4);
}

#[wasm_bindgen_test]
fn dates_and_money_decide_the_earliest_day_and_the_refund() {
    let value = input();
    set(
        &value,
        "orders",
        &js(r#"[{ "id": "1", "status": "closed", "finalizedOn": "2026-03-10" }]"#),
    );
    set(&value, "announcementSince", &JsValue::NULL);
    set(&value, "initiatedBy", &"platform".into());
    let report = check_closure(value.clone()).unwrap();
    // Quiet day 2026-06-08; no announcement yet, so asOf + 30 = 2026-07-01 is later.
    assert_eq!(text(&report, "earliestCloseDate"), "2026-07-01");
    assert_eq!(text(&condition(&report, "orders_quiet_90_days"), "metOn"), "2026-06-08");
    assert_eq!(get(&report, "canWithdraw"), JsValue::FALSE);

    set(&value, "balance", &JsValue::from_f64(-50_000_001.0));
    let report = check_closure(value).unwrap();
    assert!(get(&report, "depositRefund").is_null());
    assert_eq!(get(&condition(&report, "payments_settled"), "met"), JsValue::FALSE);
}

#[wasm_bindgen_test]
fn an_engine_from_an_overlay_checks_closure_with_its_own_figures() {
    let engine = JsEngine::new(js(r#"{
        "id": "agency-ID", "version": "2", "extends": "ID",
        "closure": { "conditions": [
            { "id": "orders_final", "finalStatuses": ["completed", "closed", "awaiting_shipment"] }
        ] }
    }"#))
    .unwrap();
    let error = error_of(engine.check_closure(input()));
    assert_eq!(error, ("invalid_input".to_owned(), "orders[1].finalizedOn".to_owned()));
    let value = input();
    let orders = Array::from(&get(&value, "orders"));
    set(&orders.get(1), "finalizedOn", &"2026-01-20".into());
    let report = engine.check_closure(value).unwrap();
    assert_eq!(text(&get(&report, "policy"), "id"), "agency-ID");
    assert_eq!(text(&report, "earliestCloseDate"), "2026-06-01");
    assert_eq!(get(&report, "canClose"), JsValue::TRUE);
    let th =
        JsEngine::new(js(r#"{ "id": "agency-TH", "version": "1", "extends": "TH" }"#)).unwrap();
    assert_eq!(error_of(th.check_closure(input())).0, "unknown_region");
}

#[wasm_bindgen_test]
fn bad_input_throws_with_code_and_path() {
    let missing = input();
    let orders: Array = get(&missing, "orders").dyn_into().unwrap();
    orders.push(&js(r#"{ "id": "3", "status": "closed" }"#));
    orders.push(&js(r#"{ "id": "4", "status": "completed", "finalizedOn": "2026-02-30" }"#));
    assert_eq!(
        error_of(check_closure(missing)),
        ("invalid_date".into(), "orders[3].finalizedOn".into())
    );

    let nan = input();
    set(&nan, "deposit", &JsValue::from_f64(f64::NAN));
    assert_eq!(error_of(check_closure(nan)), ("invalid_input".into(), "deposit".into()));
    let fraction = input();
    set(&fraction, "balance", &JsValue::from_f64(-0.5));
    assert_eq!(error_of(check_closure(fraction)), ("invalid_input".into(), "balance".into()));
    let negative = input();
    set(&negative, "boundCreators", &JsValue::from_f64(-1.0));
    assert_eq!(error_of(check_closure(negative)), ("invalid_input".into(), "boundCreators".into()));

    // `undefined` is a missing field: say `null` when no announcement is shown.
    let undefined = input();
    set(&undefined, "announcementSince", &JsValue::UNDEFINED);
    assert_eq!(
        error_of(check_closure(undefined)),
        ("invalid_input".into(), "announcementSince".into())
    );
    let typo = input();
    set(&Array::from(&get(&typo, "orders")).get(0), "finalisedOn", &"2026-01-15".into());
    assert_eq!(
        error_of(check_closure(typo)),
        ("unknown_field".into(), "orders[0].finalisedOn".into())
    );
    let function = input();
    set(&function, "deposit", &js_sys::Function::new_no_args("return 1"));
    assert_eq!(error_of(check_closure(function)), ("invalid_input".into(), "deposit".into()));
    let duplicate = input();
    set(&Array::from(&get(&duplicate, "orders")).get(1), "id", &"577001".into());
    assert_eq!(error_of(check_closure(duplicate)), ("duplicate_id".into(), "orders[1].id".into()));
    let region = input();
    set(&region, "region", &"JP".into());
    assert_eq!(error_of(check_closure(region)), ("unknown_region".into(), "region".into()));
    assert_eq!(error_of(check_closure(JsValue::UNDEFINED)).0, "invalid_input");
}

#[wasm_bindgen_test]
fn without_asof_today_comes_from_the_clock() {
    let value = input();
    Reflect::delete_property(value.unchecked_ref::<js_sys::Object>(), &"asOf".into()).unwrap();
    let report = check_closure(value).unwrap();
    let as_of = text(&report, "asOf");
    assert_eq!(as_of.len(), 10);
    assert!(as_of.as_str() >= "2026-01-01", "{as_of}");
}

#[wasm_bindgen_test]
fn twenty_thousand_orders_cross_the_boundary() {
    let orders: Vec<String> = (0..20_000)
        .map(|i| {
            format!(r#"{{"id":"5771{i:014}","status":"completed","finalizedOn":"2026-01-01"}}"#)
        })
        .collect();
    let value = input();
    set(&value, "orders", &js(&format!("[{}]", orders.join(","))));
    let report = check_closure(value).unwrap();
    assert_eq!(get(&report, "canClose"), JsValue::TRUE);
    assert_eq!(
        text(&condition(&report, "orders_final"), "detail"),
        "Orders in a final status (completed, closed, cancelled): 20,000 of 20,000."
    );
}

#[wasm_bindgen_test]
fn languages_reach_js() {
    let value = input();
    set(&value, "lang", &"zh".into());
    let report = check_closure(value).unwrap();
    assert_eq!(
        text(&condition(&report, "campaigns_stopped"), "message"),
        "店铺已停止所有营销活动。"
    );
    assert_eq!(
        text(&get(&report, "withdrawal"), "message"),
        "在完成第4步之前，可以撤回本次店铺关闭。"
    );
}
