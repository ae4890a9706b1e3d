//! `checkClosure` natively: every date boundary on both sides, every money rule, who started the
//! closure, the packs' figures and flags, and every error with its code and path.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use serde_json::{Value as Json, json};
use shop_policy::closure::{ClosureInput, Initiator, Order, evaluate};
use shop_policy::pack::SellerType;
use shop_policy::report::ConditionResult;
use shop_policy::{CallContext, ClosureReport, Date, Engine, ErrorCode, Lang, Today, Value};
use std::sync::OnceLock;

fn builtin() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(Engine::builtin)
}

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

const AS_OF: &str = "2026-06-01";
const DEPOSIT: i64 = 50_000_000; // IDR 500,000.00

/// An Indonesian shop that can close on 2026-06-01: announcement up since 2026-04-01 (61 days),
/// last order final on 2026-02-01 (quiet period over on 2026-05-02), nothing owed.
fn ready() -> Json {
    json!({
        "region": "ID",
        "asOf": AS_OF,
        "initiatedBy": "seller", "sellerType": "cross_border",
        "activeCampaigns": 0,
        "boundCreators": 0,
        "announcementSince": "2026-04-01",
        "orders": [
            { "id": "577001", "status": "completed", "finalizedOn": "2026-01-15" },
            { "id": "577002", "status": "closed", "finalizedOn": "2026-02-01" },
        ],
        "commissionArrears": 0,
        "balance": 0,
        "unpaidInvoices": 0,
        "depositArrears": 0,
        "deposit": DEPOSIT,
    })
}

fn with(mut input: Json, changes: Json) -> Json {
    for (key, value) in changes.as_object().unwrap() {
        input[key] = value.clone();
    }
    input
}

fn run(engine: &Engine, input: &Json) -> Result<ClosureReport, shop_policy::Error> {
    let text = input.to_string();
    let value = Value::parse_json(&text).unwrap();
    engine.check_closure(&value, Today::Required)
}

fn check(input: &Json) -> ClosureReport {
    run(builtin(), input).unwrap_or_else(|e| panic!("unexpected error: {e}"))
}

fn fails(input: &Json) -> (ErrorCode, String) {
    let error = run(builtin(), input).expect_err("expected an error");
    (error.code(), error.path().to_owned())
}

fn cond<'r>(report: &'r ClosureReport, id: &str) -> &'r ConditionResult {
    report.conditions.iter().find(|c| c.id == id).unwrap_or_else(|| panic!("no condition {id}"))
}

/// The ids of the conditions that are not met.
fn unmet(report: &ClosureReport) -> Vec<&str> {
    report.conditions.iter().filter(|c| !c.met).map(|c| c.id.as_str()).collect()
}

fn overlay(json: Json) -> Engine {
    let text = json.to_string();
    Engine::from_pack(&Value::parse_json(&text).unwrap()).unwrap()
}

#[test]
fn a_shop_that_meets_every_condition_can_close_today() {
    let r = check(&ready());
    assert!(r.can_close);
    assert!(unmet(&r).is_empty());
    assert_eq!(r.as_of, d(AS_OF));
    assert_eq!(r.earliest_close_date, Some(d(AS_OF)));
    assert_eq!(r.deposit_refund, Some(DEPOSIT));
    assert!(r.can_withdraw);
    assert_eq!(r.withdrawal.rule_id, "closure.withdrawal");
    assert_eq!(r.withdrawal.message, "This closure can be withdrawn until step 4 is done.");
    let steps: Vec<(u32, &str, Option<bool>)> =
        r.steps.iter().map(|s| (s.step, s.id.as_str(), s.done)).collect();
    assert_eq!(
        steps,
        [
            (1, "apply", None),
            (2, "verify_details", None),
            (3, "meet_conditions", Some(true)),
            (4, "agree", Some(false)),
        ]
    );
    assert!(r.steps[0].title.starts_with("Apply in Seller Center"));
    let after: Vec<&str> = r.after_closure.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(
        after,
        ["history_viewable", "obligations_remain", "no_buyer_data", "no_new_shop_same_country"]
    );
    assert_eq!(r.after_closure[2].source.as_deref(), Some("seeds/004_1ce1c89aa1fd4710.txt"));
    assert_eq!((r.policy.id.as_str(), r.currency.code.as_str()), ("tiktok-shop-ID", "IDR"));
    assert_eq!(r.currency.minor_unit, 2);
    assert!(r.verified);
}

#[test]
fn conditions_come_in_contract_order_with_rule_message_and_source() {
    let r = check(&ready());
    let ids: Vec<&str> = r.conditions.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "campaigns_stopped",
            "creators_unbound",
            "announcement_shown_30_days",
            "orders_final",
            "orders_quiet_90_days",
            "no_commission_arrears",
            "payments_settled",
        ]
    );
    for c in &r.conditions {
        assert_eq!(c.rule_id, c.id);
        assert_eq!(c.source, "seeds/004_1ce1c89aa1fd4710.txt");
        assert!(c.verified);
        assert!(!c.detail.is_empty() && !c.message.is_empty());
    }
    let announcement = cond(&r, "announcement_shown_30_days");
    assert_eq!(
        announcement.message,
        "The shop closure announcement has been shown prominently on the shop homepage for 30 days."
    );
    assert_eq!(
        announcement.detail,
        "Shown from 1 April 2026; the 30 days were complete on 1 May 2026."
    );
    let quiet = cond(&r, "orders_quiet_90_days");
    assert!(quiet.message.starts_with("90 natural days have passed"));
    assert_eq!(
        quiet.detail,
        "The last order (577002) became final on 1 February 2026; the 90 natural days were \
         complete on 2 May 2026."
    );
    assert_eq!(
        cond(&r, "orders_final").detail,
        "Orders in a final status (completed, closed, cancelled): 2 of 2."
    );
    assert_eq!(cond(&r, "payments_settled").detail, "Nothing is owed either way.");
    assert_eq!(cond(&r, "campaigns_stopped").detail, "No marketing campaign is running.");
}

#[test]
fn the_report_serializes_to_the_js_contract() {
    let r = check(&with(ready(), json!({ "announcementSince": null })));
    let text = shop_policy::to_json::to_json(&r).unwrap();
    let keys = |value: &Value<'_>| match value {
        Value::Object(entries) => entries.iter().map(|(k, _)| k.to_string()).collect::<Vec<_>>(),
        _ => panic!("not an object"),
    };
    // Field order as written (our Value keeps it; serde_json's map would sort it).
    let ordered = Value::parse_json(&text).unwrap();
    assert_eq!(
        keys(&ordered),
        [
            "canClose",
            "sellerType",
            "applies",
            "scope",
            "asOf",
            "conditions",
            "earliestCloseDate",
            "depositRefund",
            "currency",
            "canWithdraw",
            "withdrawal",
            "steps",
            "afterClosure",
            "verified",
            "sources",
            "policy",
        ]
    );
    let out: Json = serde_json::from_str(&text).unwrap();
    assert_eq!(out["asOf"], "2026-06-01");
    assert_eq!(out["earliestCloseDate"], "2026-07-01");
    assert_eq!(out["depositRefund"], DEPOSIT);
    assert_eq!(out["currency"], json!({ "code": "IDR", "minorUnit": 2 }));
    assert_eq!(out["policy"], json!({ "id": "tiktok-shop-ID", "version": "2026.12.1" }));
    let Some(Value::Array(conditions)) = ordered.get("conditions") else { panic!() };
    assert_eq!(
        keys(&conditions[0]),
        ["id", "ruleId", "met", "metOn", "detail", "message", "source", "verified"]
    );
    let first = &out["conditions"][0];
    assert_eq!(first["metOn"], Json::Null);
    assert_eq!(out["conditions"][2]["metOn"], Json::Null, "no announcement, no day yet");
    assert_eq!(out["conditions"][4]["metOn"], "2026-05-02");
    assert_eq!(
        out["steps"][0],
        json!({
            "step": 1, "id": "apply", "title": out["steps"][0]["title"], "done": null,
            "source": "seeds/004_1ce1c89aa1fd4710.txt"
        })
    );
    assert_eq!(out["afterClosure"][0]["source"], "seeds/004_1ce1c89aa1fd4710.txt");
    assert_eq!(out["withdrawal"]["source"], "https://m.cyew.com/article/4492.html");

    let open = check(&with(ready(), json!({ "orders": [{ "id": "1", "status": "shipped" }] })));
    let out: Json = serde_json::from_str(&shop_policy::to_json::to_json(&open).unwrap()).unwrap();
    assert_eq!(out["earliestCloseDate"], Json::Null);
}

// ---- the announcement: shown since D, met on D + 30 ----

#[test]
fn announcement_is_met_on_day_30_not_day_29() {
    let as_of = d(AS_OF);
    let since_29 = as_of.plus_days(-29).to_string();
    let r = check(&with(ready(), json!({ "announcementSince": since_29 })));
    let c = cond(&r, "announcement_shown_30_days");
    assert!(!c.met);
    assert_eq!(c.met_on, Some(as_of.plus_days(1)));
    assert_eq!(c.detail, "Shown from 3 May 2026; the 30 days are complete on 2 June 2026.");
    assert!(!r.can_close);
    assert_eq!(unmet(&r), ["announcement_shown_30_days"]);
    assert_eq!(r.earliest_close_date, Some(as_of.plus_days(1)));
    assert_eq!(r.steps[2].done, Some(false));

    let since_30 = as_of.plus_days(-30).to_string();
    let r = check(&with(ready(), json!({ "announcementSince": since_30 })));
    let c = cond(&r, "announcement_shown_30_days");
    assert!(c.met);
    assert_eq!(c.met_on, Some(as_of));
    assert!(r.can_close);
    assert_eq!(r.earliest_close_date, Some(as_of));
}

#[test]
fn announcement_put_up_today_or_later_counts_from_its_own_day() {
    let r = check(&with(ready(), json!({ "announcementSince": AS_OF })));
    assert_eq!(cond(&r, "announcement_shown_30_days").met_on, Some(d("2026-07-01")));
    let r = check(&with(ready(), json!({ "announcementSince": "2026-06-10" })));
    assert_eq!(r.earliest_close_date, Some(d("2026-07-10")));
}

#[test]
fn no_announcement_yet_means_asof_plus_30_at_the_earliest() {
    let r = check(&with(ready(), json!({ "announcementSince": null })));
    let c = cond(&r, "announcement_shown_30_days");
    assert!(!c.met);
    assert_eq!(c.met_on, None);
    assert_eq!(
        c.detail,
        "No closure announcement is shown yet; put up today, it would complete the 30 days on 1 \
         July 2026."
    );
    assert_eq!(r.earliest_close_date, Some(d("2026-07-01")));
}

// ---- the quiet period: last order final on L, met on L + 90 ----

#[test]
fn quiet_period_is_met_on_day_90_not_day_89() {
    let as_of = d(AS_OF);
    let orders = |last: Date| {
        json!([
            { "id": "a", "status": "completed", "finalizedOn": "2025-12-01" },
            { "id": "b", "status": "completed", "finalizedOn": last.to_string() },
        ])
    };
    let r = check(&with(ready(), json!({ "orders": orders(as_of.plus_days(-89)) })));
    let c = cond(&r, "orders_quiet_90_days");
    assert!(!c.met);
    assert_eq!(c.met_on, Some(as_of.plus_days(1)));
    assert!(c.detail.ends_with("the 90 natural days are complete on 2 June 2026."), "{}", c.detail);
    assert_eq!(unmet(&r), ["orders_quiet_90_days"]);
    assert_eq!(r.earliest_close_date, Some(as_of.plus_days(1)));

    let r = check(&with(ready(), json!({ "orders": orders(as_of.plus_days(-90)) })));
    let c = cond(&r, "orders_quiet_90_days");
    assert!(c.met);
    assert_eq!(c.met_on, Some(as_of));
    assert!(r.can_close);
}

#[test]
fn the_latest_finalized_order_counts_wherever_it_is_in_the_list() {
    let r = check(&with(
        ready(),
        json!({ "orders": [
            { "id": "late", "status": "closed", "finalizedOn": "2026-05-20" },
            { "id": "early", "status": "completed", "finalizedOn": "2026-01-01" },
            { "id": "tie", "status": "completed", "finalizedOn": "2026-05-20" },
        ] }),
    ));
    let c = cond(&r, "orders_quiet_90_days");
    assert_eq!(c.met_on, Some(d("2026-08-18")));
    assert!(c.detail.starts_with("The last order (late) became final on 20 May 2026"));
    assert_eq!(r.earliest_close_date, Some(d("2026-08-18")));
}

#[test]
fn earliest_close_date_is_the_latest_of_asof_announcement_and_quiet_day() {
    // Announcement day (07-01) later than quiet day (06-10).
    let r = check(&with(
        ready(),
        json!({
            "announcementSince": "2026-06-01",
            "orders": [{ "id": "x", "status": "completed", "finalizedOn": "2026-03-12" }],
        }),
    ));
    assert_eq!(r.earliest_close_date, Some(d("2026-07-01")));
    // Quiet day (08-29) later than announcement day (07-01).
    let r = check(&with(
        ready(),
        json!({
            "announcementSince": "2026-06-01",
            "orders": [{ "id": "x", "status": "completed", "finalizedOn": "2026-05-31" }],
        }),
    ));
    assert_eq!(r.earliest_close_date, Some(d("2026-08-29")));
    // Both long past: asOf itself.
    let r = check(&with(ready(), json!({ "announcementSince": "2025-01-01" })));
    assert_eq!(r.earliest_close_date, Some(d(AS_OF)));
    // No announcement: asOf + 30 competes with the quiet day.
    let r = check(&with(
        ready(),
        json!({
            "announcementSince": null,
            "orders": [{ "id": "x", "status": "completed", "finalizedOn": "2026-05-31" }],
        }),
    ));
    assert_eq!(r.earliest_close_date, Some(d("2026-08-29")));
}

#[test]
fn earliest_close_date_is_given_while_other_conditions_fail() {
    let r = check(&with(
        ready(),
        json!({
            "activeCampaigns": 2, "boundCreators": 1_204, "commissionArrears": 1,
            "unpaidInvoices": 5, "announcementSince": "2026-05-20",
        }),
    ));
    assert!(!r.can_close);
    assert_eq!(
        unmet(&r),
        [
            "campaigns_stopped",
            "creators_unbound",
            "announcement_shown_30_days",
            "no_commission_arrears",
            "payments_settled"
        ]
    );
    assert_eq!(r.earliest_close_date, Some(d("2026-06-19")));
    assert_eq!(cond(&r, "campaigns_stopped").detail, "Marketing campaigns still running: 2.");
    assert_eq!(cond(&r, "creators_unbound").detail, "Creator accounts still bound: 1,204.");
    assert_eq!(cond(&r, "no_commission_arrears").detail, "Affiliate commission owed: IDR 0.01.");
}

// ---- open orders ----

#[test]
fn an_open_order_blocks_and_leaves_no_date() {
    let r = check(&with(
        ready(),
        json!({ "orders": [
            { "id": "577001", "status": "completed", "finalizedOn": "2026-01-15" },
            { "id": "577002", "status": "awaiting_shipment" },
            { "id": "577003", "status": "in_transit", "finalizedOn": null },
        ] }),
    ));
    assert!(!r.can_close);
    assert_eq!(r.earliest_close_date, None);
    assert_eq!(unmet(&r), ["orders_final", "orders_quiet_90_days"]);
    let final_ = cond(&r, "orders_final");
    assert_eq!(final_.met_on, None);
    assert_eq!(
        final_.detail,
        "Orders still open: 2 of 3 (577002 (awaiting_shipment), 577003 (in_transit)). Final \
         statuses: completed, closed, cancelled."
    );
    let quiet = cond(&r, "orders_quiet_90_days");
    assert_eq!(quiet.met_on, None);
    assert_eq!(
        quiet.detail,
        "Orders still open: 2; the 90 natural days start when the last of them becomes final."
    );
    // Money is judged as usual.
    assert_eq!(r.deposit_refund, Some(DEPOSIT));
}

#[test]
fn an_open_orders_finalized_on_is_checked_then_ignored() {
    // A return reopened this order: its old finalizedOn does not start the quiet period.
    let r = check(&with(
        ready(),
        json!({ "orders": [
            { "id": "1", "status": "completed", "finalizedOn": "2026-01-01" },
            { "id": "2", "status": "return_requested", "finalizedOn": "2026-01-02" },
        ] }),
    ));
    assert_eq!(r.earliest_close_date, None);
    assert_eq!(cond(&r, "orders_quiet_90_days").met_on, None);
    // … but a malformed one is still an error.
    let bad = with(
        ready(),
        json!({ "orders": [{ "id": "1", "status": "return_requested", "finalizedOn": "2026-1-2" }] }),
    );
    assert_eq!(fails(&bad), (ErrorCode::InvalidDate, "orders[0].finalizedOn".into()));
}

#[test]
fn long_lists_of_open_orders_are_capped() {
    let orders: Vec<Json> = (0..1_204)
        .map(|i| {
            if i < 1_201 {
                json!({ "id": format!("5771{i:014}"), "status": "completed", "finalizedOn": "2026-01-01" })
            } else {
                json!({ "id": format!("5771{i:014}"), "status": "to_ship" })
            }
        })
        .collect();
    let r = check(&with(ready(), json!({ "orders": orders })));
    assert_eq!(
        cond(&r, "orders_final").detail,
        "Orders still open: 3 of 1,204 (577100000000001201 (to_ship), 577100000000001202 \
         (to_ship), 577100000000001203 (to_ship)). Final statuses: completed, closed, cancelled."
    );
    let orders: Vec<Json> =
        (0..100_000).map(|i| json!({ "id": format!("o{i}"), "status": "unpaid" })).collect();
    let r = check(&with(ready(), json!({ "orders": orders })));
    let detail = &cond(&r, "orders_final").detail;
    assert!(detail.starts_with("Orders still open: 100,000 of 100,000 (o0 (unpaid), o1 (unpaid),"));
    assert!(detail.contains("o4 (unpaid), and 99,995 more)"), "{detail}");
    assert!(detail.len() < 200);
    let long_id = "9".repeat(500);
    let r = check(&with(ready(), json!({ "orders": [{ "id": long_id, "status": "unpaid" }] })));
    assert!(cond(&r, "orders_final").detail.contains(&format!("{}… (unpaid)", "9".repeat(32))));
}

#[test]
fn a_shop_without_orders_has_nothing_to_wait_for() {
    let r = check(&with(ready(), json!({ "orders": [] })));
    assert!(r.can_close);
    let quiet = cond(&r, "orders_quiet_90_days");
    assert!(quiet.met);
    assert_eq!(quiet.met_on, None);
    assert_eq!(quiet.detail, "The shop has no orders, so there is no waiting period.");
    assert_eq!(cond(&r, "orders_final").detail, "The shop has no orders.");
    let r = check(&with(ready(), json!({ "orders": [], "announcementSince": null })));
    assert_eq!(r.earliest_close_date, Some(d("2026-07-01")));
}

#[test]
fn final_statuses_match_regardless_of_ascii_case() {
    let r = check(&with(
        ready(),
        json!({ "orders": [
            { "id": "1", "status": "COMPLETED", "finalizedOn": "2026-01-01" },
            { "id": "2", "status": "Closed", "finalizedOn": "2026-01-02" },
        ] }),
    ));
    assert!(r.can_close);
    // A cancelled order is closed, hence final, in any spelling of the exports; it needs its day.
    for status in ["CANCELLED", "Dibatalkan", "已取消", "Đã hủy", "ยกเลิกแล้ว"]
    {
        let input = json!({ "orders": [{ "id": "1", "status": status }] });
        assert_eq!(
            fails(&with(ready(), input)),
            (ErrorCode::InvalidInput, "orders[0].finalizedOn".into())
        );
    }
    // Open ones as Seller Center exports write them, in each language.
    for status in [
        "AWAITING_SHIPMENT",
        "Awaiting Shipment",
        "Perlu Dikirim",
        "待发货",
        "Chờ giao hàng",
        "รอจัดส่ง",
    ] {
        let r = check(&with(ready(), json!({ "orders": [{ "id": "1", "status": status }] })));
        assert_eq!(r.earliest_close_date, None, "{status}");
    }
    // A status the pack does not know is an error at its row, never silently open.
    let unknown = json!({ "orders": [
        { "id": "1", "status": "completed", "finalizedOn": "2026-01-01" },
        { "id": "2", "status": "lost in space" },
    ] });
    let err = run(builtin(), &with(ready(), unknown)).unwrap_err();
    assert_eq!((err.code(), err.path()), (ErrorCode::InvalidInput, "orders[1].status"));
    assert!(err.message().contains("\"lost in space\""), "{}", err.message());
}

#[test]
fn an_overlay_can_change_the_final_statuses() {
    let engine = overlay(json!({
        "id": "agency-ID", "version": "1", "extends": "ID",
        "closure": { "conditions": [
            { "id": "orders_final", "finalStatuses": ["completed", "closed", "returned"], "verified": false },
        ] },
    }));
    let input = with(
        ready(),
        json!({ "orders": [{ "id": "1", "status": "returned", "finalizedOn": "2026-01-01" }] }),
    );
    let r = run(&engine, &input).unwrap();
    assert!(r.can_close);
    assert_eq!(r.policy.id, "agency-ID");
    assert!(!r.verified);
    assert!(!cond(&r, "orders_final").verified);
    assert_eq!(
        cond(&r, "orders_final").detail,
        "Orders in a final status (completed, closed, returned): 1 of 1."
    );
    // The built-in pack does not know "returned": an error at its row, not an open order.
    assert_eq!(fails(&input), (ErrorCode::InvalidInput, "orders[0].status".into()));
    // And a final status under the overlay needs its date.
    let missing = with(ready(), json!({ "orders": [{ "id": "1", "status": "returned" }] }));
    assert_eq!(run(&engine, &missing).unwrap_err().path(), "orders[0].finalizedOn");
}

#[test]
fn an_overlay_can_change_the_day_counts() {
    let engine = overlay(json!({
        "id": "agency-ID", "version": "1", "extends": "ID",
        "closure": { "conditions": [
            { "id": "announcement_shown_30_days", "days": 45 },
            { "id": "orders_quiet_90_days", "days": 120 },
        ] },
    }));
    let r = run(&engine, &ready()).unwrap();
    assert_eq!(cond(&r, "announcement_shown_30_days").met_on, Some(d("2026-05-16")));
    assert!(cond(&r, "announcement_shown_30_days").message.contains("for 45 days"));
    assert_eq!(cond(&r, "orders_quiet_90_days").met_on, Some(d("2026-06-01")));
    assert!(r.can_close);
}

// ---- money ----

#[test]
fn a_negative_balance_the_deposit_covers_reduces_the_refund() {
    let r = check(&with(ready(), json!({ "balance": -12_345_678 })));
    assert!(r.can_close);
    assert_eq!(r.deposit_refund, Some(DEPOSIT - 12_345_678));
    assert_eq!(
        cond(&r, "payments_settled").detail,
        "The negative balance of IDR 123,456.78 is taken from the deposit of IDR 500,000.00."
    );
}

#[test]
fn a_negative_balance_equal_to_the_deposit_is_covered_with_nothing_left() {
    let r = check(&with(ready(), json!({ "balance": -DEPOSIT })));
    assert!(cond(&r, "payments_settled").met);
    assert!(r.can_close);
    assert_eq!(r.deposit_refund, Some(0));
}

#[test]
fn a_negative_balance_beyond_the_deposit_blocks() {
    let r = check(&with(ready(), json!({ "balance": -(DEPOSIT + 1) })));
    assert!(!r.can_close);
    assert_eq!(unmet(&r), ["payments_settled"]);
    assert_eq!(r.deposit_refund, None);
    assert_eq!(r.earliest_close_date, Some(d(AS_OF)), "money does not move the date");
    assert_eq!(
        cond(&r, "payments_settled").detail,
        "The negative balance of IDR 500,000.01 exceeds the deposit of IDR 500,000.00; the \
         remaining IDR 0.01 must be paid."
    );
    let r = check(&with(ready(), json!({ "balance": -1, "deposit": 0 })));
    assert!(!cond(&r, "payments_settled").met);
}

#[test]
fn unpaid_invoices_and_deposit_arrears_block() {
    let r = check(&with(ready(), json!({ "unpaidInvoices": 1 })));
    assert_eq!(unmet(&r), ["payments_settled"]);
    assert_eq!(r.deposit_refund, None);
    assert_eq!(cond(&r, "payments_settled").detail, "Unpaid invoices from TikTok Shop: IDR 0.01.");
    let r = check(&with(ready(), json!({ "depositArrears": 250_000 })));
    assert_eq!(unmet(&r), ["payments_settled"]);
    assert_eq!(r.deposit_refund, None);
    assert_eq!(cond(&r, "payments_settled").detail, "Deposit arrears: IDR 2,500.00.");
    let r = check(&with(
        ready(),
        json!({ "unpaidInvoices": 100, "depositArrears": 200, "balance": -300 }),
    ));
    assert_eq!(
        cond(&r, "payments_settled").detail,
        "Unpaid invoices from TikTok Shop: IDR 1.00. Deposit arrears: IDR 2.00. The negative \
         balance of IDR 3.00 is taken from the deposit of IDR 500,000.00."
    );
}

#[test]
fn commission_arrears_block_and_leave_the_refund_open() {
    let r = check(&with(ready(), json!({ "commissionArrears": 99, "balance": -100 })));
    assert_eq!(unmet(&r), ["no_commission_arrears"]);
    assert!(cond(&r, "payments_settled").met);
    assert_eq!(r.deposit_refund, None);
    let r = check(&with(ready(), json!({ "commissionArrears": 0, "balance": -100 })));
    assert_eq!(r.deposit_refund, Some(DEPOSIT - 100));
}

#[test]
fn a_positive_balance_is_owed_to_the_shop_and_blocks_nothing() {
    let r = check(&with(ready(), json!({ "balance": 7_500 })));
    assert!(r.can_close);
    assert_eq!(r.deposit_refund, Some(DEPOSIT));
}

#[test]
fn a_pack_that_does_not_take_the_balance_from_the_deposit() {
    let engine = overlay(json!({
        "id": "strict-ID", "version": "1", "extends": "ID",
        "closure": { "conditions": [
            { "id": "payments_settled", "negativeBalanceFromDeposit": false, "verified": false },
        ] },
    }));
    let r = run(&engine, &with(ready(), json!({ "balance": -1 }))).unwrap();
    assert_eq!(unmet(&r), ["payments_settled"]);
    assert_eq!(r.deposit_refund, None);
    assert_eq!(
        cond(&r, "payments_settled").detail,
        "The negative balance of IDR 0.01 must be paid; this policy does not take it from the \
         deposit."
    );
    assert_eq!(run(&engine, &ready()).unwrap().deposit_refund, Some(DEPOSIT));
}

#[test]
fn amounts_are_written_in_the_packs_currency() {
    let vn = check(&with(ready(), json!({ "region": "VN", "balance": -1_500_000 })));
    assert_eq!(vn.currency.code, "VND");
    assert!(cond(&vn, "payments_settled").detail.contains("VND 1,500,000 "), "VND has no cents");
    let id = check(&with(ready(), json!({ "balance": -150_000_000, "lang": "id" })));
    assert!(
        cond(&id, "payments_settled").detail.contains("IDR 1.500.000,00"),
        "{}",
        cond(&id, "payments_settled").detail
    );
}

// ---- who started it ----

#[test]
fn a_seller_may_withdraw_their_closure_the_platform_s_cannot_be() {
    let seller = check(&ready());
    assert!(seller.can_withdraw);
    let platform = check(&with(ready(), json!({ "initiatedBy": "platform" })));
    assert!(!platform.can_withdraw);
    assert_eq!(
        platform.withdrawal.message,
        "A closure started by TikTok Shop cannot be withdrawn."
    );
    // Everything else is judged the same way: the same steps, the same 90-day wait.
    assert_eq!(platform.conditions, seller.conditions);
    assert_eq!(platform.earliest_close_date, seller.earliest_close_date);
    assert_eq!(platform.steps, seller.steps);
    let waiting = with(ready(), json!({ "initiatedBy": "platform", "announcementSince": null }));
    assert!(!check(&waiting).can_withdraw);
    assert!(check(&with(waiting, json!({ "initiatedBy": "seller" }))).can_withdraw);
}

#[test]
fn withdrawal_follows_the_packs_rule() {
    let engine = overlay(json!({
        "id": "x-ID", "version": "1", "extends": "ID",
        "closure": { "withdrawal": { "sellerBeforeStep": 3, "platformInitiated": true, "verified": false } },
    }));
    // Step 3 is done once every condition is met: too late to withdraw.
    let done = run(&engine, &ready()).unwrap();
    assert!(!done.can_withdraw);
    assert_eq!(done.withdrawal.message, "This closure can no longer be withdrawn: step 3 is done.");
    let pending = run(&engine, &with(ready(), json!({ "activeCampaigns": 1 }))).unwrap();
    assert!(pending.can_withdraw);
    let platform = with(ready(), json!({ "initiatedBy": "platform", "activeCampaigns": 1 }));
    assert!(run(&engine, &platform).unwrap().can_withdraw);
}

// ---- packs ----

#[test]
fn the_uk_and_us_closure_rules_are_marked_unverified() {
    for (region, currency) in [("UK", "GBP"), ("US", "USD")] {
        let r = check(&with(ready(), json!({ "region": region })));
        assert!(!r.verified, "{region}");
        assert!(r.conditions.iter().all(|c| !c.verified), "{region}");
        assert_eq!(r.currency.code, currency);
        assert_eq!(r.policy.id, format!("tiktok-shop-{region}"));
        assert!(r.can_close, "the same figures apply, as parameters");
    }
    for region in ["ID", "MY", "TH", "VN", "PH", "SG"] {
        assert!(check(&with(ready(), json!({ "region": region }))).verified, "{region}");
    }
}

#[test]
fn without_asof_today_is_taken_in_the_regions_time_zone() {
    let mut input = ready();
    input.as_object_mut().unwrap().remove("asOf");
    let text = input.to_string();
    let value = Value::parse_json(&text).unwrap();
    // 2026-11-21 17:30 UTC: already the 22nd in Jakarta.
    let r = builtin().check_closure(&value, Today::At(1_795_282_200_000.0)).unwrap();
    assert_eq!(r.as_of, d("2026-11-22"));
    let error = builtin().check_closure(&value, Today::Required).unwrap_err();
    assert_eq!((error.code(), error.path()), (ErrorCode::InvalidInput, "asOf"));
}

// ---- languages ----

#[test]
fn indonesian_and_chinese_reports() {
    let input = with(
        ready(),
        json!({
            "activeCampaigns": 3, "announcementSince": null, "balance": -60_000_000,
            "orders": [{ "id": "A1", "status": "待发货" }, { "id": "A2", "status": "completed", "finalizedOn": "2026-01-01" }],
            "initiatedBy": "platform",
        }),
    );
    let id = check(&with(input.clone(), json!({ "lang": "id" })));
    assert_eq!(
        cond(&id, "campaigns_stopped").message,
        "Semua kampanye pemasaran telah dihentikan."
    );
    assert_eq!(cond(&id, "campaigns_stopped").detail, "Kampanye pemasaran yang masih berjalan: 3.");
    assert_eq!(
        cond(&id, "orders_final").detail,
        "Pesanan yang belum selesai: 1 dari 2 (A1 (待发货)). Status akhir: completed, closed, cancelled."
    );
    assert_eq!(
        cond(&id, "payments_settled").detail,
        "Saldo negatif sebesar IDR 600.000,00 melebihi deposit sebesar IDR 500.000,00; sisa IDR \
         100.000,00 harus dibayar."
    );
    assert_eq!(
        id.withdrawal.message,
        "Penutupan toko yang dimulai oleh TikTok Shop tidak dapat dibatalkan."
    );
    assert!(id.steps[0].title.starts_with("Ajukan di Seller Center"));

    let zh = check(&with(input, json!({ "lang": "zh" })));
    assert_eq!(cond(&zh, "campaigns_stopped").detail, "仍在进行的营销活动：3个。");
    assert_eq!(
        cond(&zh, "orders_final").detail,
        "2个订单中仍有1个未完结（A1（待发货））。最终状态为：completed、closed、cancelled。"
    );
    assert_eq!(
        cond(&zh, "announcement_shown_30_days").detail,
        "尚未展示店铺关闭公告；若今天发布，将于2026年7月1日满30天。"
    );
    assert_eq!(
        cond(&zh, "announcement_shown_30_days").message,
        "“店铺关闭公告”已在店铺首页显著位置展示30天。"
    );
    assert_eq!(zh.withdrawal.message, "由平台发起的店铺关闭无法撤回。");
    assert_eq!(zh.after_closure[3].message, "不能在同一国家重新注册新店铺。");
    assert_eq!(zh.steps[2].title, "满足所有店铺关闭条件。");
}

// ---- errors: code and path ----

#[test]
fn a_final_order_without_its_date_is_an_error_at_its_path() {
    let orders = json!([
        { "id": "1", "status": "completed", "finalizedOn": "2026-01-01" },
        { "id": "2", "status": "shipped" },
        { "id": "3", "status": "closed", "finalizedOn": "2026-01-02" },
        { "id": "4", "status": "completed" },
    ]);
    let error = run(builtin(), &with(ready(), json!({ "orders": orders }))).unwrap_err();
    assert_eq!((error.code(), error.path()), (ErrorCode::InvalidInput, "orders[3].finalizedOn"));
    assert!(error.message().contains("\"4\" has the final status \"completed\""));
    let null_date = json!([{ "id": "1", "status": "closed", "finalizedOn": null }]);
    assert_eq!(
        fails(&with(ready(), json!({ "orders": null_date }))),
        (ErrorCode::InvalidInput, "orders[0].finalizedOn".into())
    );
}

#[test]
fn invalid_dates_are_errors_at_their_paths() {
    let bad_order = json!([
        { "id": "1", "status": "completed", "finalizedOn": "2026-01-01" },
        { "id": "2", "status": "completed", "finalizedOn": "2026-01-01" },
        { "id": "3", "status": "completed", "finalizedOn": "2026-01-01" },
        { "id": "4", "status": "completed", "finalizedOn": "2023-02-29" },
    ]);
    assert_eq!(
        fails(&with(ready(), json!({ "orders": bad_order }))),
        (ErrorCode::InvalidDate, "orders[3].finalizedOn".into())
    );
    for (field, value) in [
        ("asOf", json!("2026-6-1")),
        ("announcementSince", json!("2026-04-31")),
        ("announcementSince", json!(20260401)),
    ] {
        let (code, path) = fails(&with(ready(), json!({ field: value })));
        assert_eq!(path, field);
        assert!(matches!(code, ErrorCode::InvalidDate | ErrorCode::InvalidInput));
    }
}

#[test]
fn every_fact_is_required_and_announcement_since_must_be_said_even_when_null() {
    for field in [
        "region",
        "initiatedBy",
        "sellerType",
        "activeCampaigns",
        "boundCreators",
        "announcementSince",
        "orders",
        "commissionArrears",
        "balance",
        "unpaidInvoices",
        "depositArrears",
        "deposit",
    ] {
        let mut input = ready();
        input.as_object_mut().unwrap().remove(field);
        assert_eq!(fails(&input), (ErrorCode::InvalidInput, field.to_owned()), "{field}");
    }
    for field in ["id", "status"] {
        let mut input = ready();
        input["orders"][1].as_object_mut().unwrap().remove(field);
        assert_eq!(fails(&input), (ErrorCode::InvalidInput, format!("orders[1].{field}")));
    }
}

#[test]
fn unknown_fields_and_regions_are_rejected() {
    assert_eq!(
        fails(&with(ready(), json!({ "colour": "red" }))),
        (ErrorCode::UnknownField, "colour".into())
    );
    let mut input = ready();
    input["orders"][1]["finalisedOn"] = json!("2026-01-01");
    assert_eq!(fails(&input), (ErrorCode::UnknownField, "orders[1].finalisedOn".into()));
    assert_eq!(
        fails(&with(ready(), json!({ "region": "JP" }))),
        (ErrorCode::UnknownRegion, "region".into())
    );
    let engine = overlay(json!({ "id": "a", "version": "1", "extends": "TH" }));
    assert_eq!(run(&engine, &ready()).unwrap_err().code(), ErrorCode::UnknownRegion);
    assert_eq!(
        fails(&with(ready(), json!({ "initiatedBy": "buyer" }))),
        (ErrorCode::InvalidInput, "initiatedBy".into())
    );
    assert_eq!(
        fails(&with(ready(), json!({ "lang": "fr" }))),
        (ErrorCode::InvalidInput, "lang".into())
    );
}

#[test]
fn counts_and_amounts_are_whole_safe_numbers() {
    let max = 9_007_199_254_740_991_i64;
    for (field, value) in [
        ("activeCampaigns", json!(-1)),
        ("boundCreators", json!(0.5)),
        ("deposit", json!(1.5)),
        ("deposit", json!(-1)),
        ("deposit", json!(max + 1)),
        ("commissionArrears", json!(-3)),
        ("unpaidInvoices", json!(1e300)),
        ("depositArrears", json!("100")),
        ("balance", json!(-max - 1)),
        ("balance", json!(10.25)),
        ("balance", json!(null)),
    ] {
        assert_eq!(
            fails(&with(ready(), json!({ field: value }))),
            (ErrorCode::InvalidInput, field.to_owned()),
            "{field} = {value}"
        );
    }
    let r =
        check(&with(ready(), json!({ "deposit": max, "balance": -max, "activeCampaigns": max })));
    assert_eq!(r.deposit_refund, Some(0));
    assert_eq!(
        cond(&r, "campaigns_stopped").detail,
        "Marketing campaigns still running: 9,007,199,254,740,991."
    );
}

#[test]
fn nan_and_infinity_are_invalid_input_with_their_path() {
    // JSON text cannot hold them, but a JS caller can pass them: build the value directly.
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let text = ready().to_string();
        let mut value = Value::parse_json(&text).unwrap();
        if let Value::Object(entries) = &mut value {
            for (key, v) in entries.iter_mut() {
                if key == "balance" {
                    *v = Value::Number(bad);
                }
            }
        }
        let error = builtin().check_closure(&value, Today::Required).unwrap_err();
        assert_eq!((error.code(), error.path()), (ErrorCode::InvalidInput, "balance"));
    }
}

#[test]
fn order_ids_are_unique_non_empty_strings() {
    let orders = json!([
        { "id": "a", "status": "completed", "finalizedOn": "2026-01-01" },
        { "id": "b", "status": "completed", "finalizedOn": "2026-01-01" },
        { "id": "a", "status": "completed", "finalizedOn": "2026-01-01" },
    ]);
    let error = run(builtin(), &with(ready(), json!({ "orders": orders }))).unwrap_err();
    assert_eq!((error.code(), error.path()), (ErrorCode::DuplicateId, "orders[2].id"));
    assert_eq!(error.message(), "order id \"a\" is already used by orders[0]");
    for (id, path) in [(json!(577001), "orders[0].id"), (json!(""), "orders[0].id")] {
        let orders = json!([{ "id": id, "status": "completed", "finalizedOn": "2026-01-01" }]);
        assert_eq!(
            fails(&with(ready(), json!({ "orders": orders }))),
            (ErrorCode::InvalidInput, path.into())
        );
    }
    assert_eq!(
        fails(&with(ready(), json!({ "orders": {} }))),
        (ErrorCode::InvalidInput, "orders".into())
    );
    assert_eq!(
        fails(&with(ready(), json!({ "orders": [null] }))),
        (ErrorCode::InvalidInput, "orders[0]".into())
    );
    assert_eq!(fails(&json!([])), (ErrorCode::InvalidInput, String::new()));
}

// ---- the Rust API ----

#[test]
fn evaluate_is_a_pure_function_of_pack_input_and_date() {
    let policy = builtin().region("MY").unwrap();
    let input = ClosureInput {
        call: CallContext { region: "MY".into(), lang: Lang::En, as_of: None },
        initiated_by: Initiator::Seller,
        seller_type: SellerType::CrossBorder,
        active_campaigns: 0,
        bound_creators: 0,
        announcement_since: Some(d("2026-01-01")),
        orders: vec![Order { id: "1", status: "completed", finalized_on: Some(d("2026-01-01")) }],
        commission_arrears: 0,
        balance: -10,
        unpaid_invoices: 0,
        deposit_arrears: 0,
        deposit: 100,
    };
    let before = evaluate(policy, &input, d("2026-03-31")).unwrap();
    assert!(!before.can_close);
    assert_eq!(before.earliest_close_date, Some(d("2026-04-01")));
    let on = evaluate(policy, &input, d("2026-04-01")).unwrap();
    assert!(on.can_close);
    assert_eq!(on.deposit_refund, Some(90));
    assert_eq!(on.currency.code, "MYR");
    // Values decode would refuse still answer without panicking.
    let odd = ClosureInput {
        balance: i64::MIN,
        deposit: -5,
        unpaid_invoices: -1,
        announcement_since: Some(d("9999-12-31")),
        ..input
    };
    let r = evaluate(policy, &odd, d("0001-01-01")).unwrap();
    assert!(!r.can_close);
    assert_eq!(r.deposit_refund, None);
}
