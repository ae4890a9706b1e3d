//! The 2026 policies, on both sides of every date a rule changed: the day before uses the rule
//! it replaced, the day itself the new one. Sellers and creators, each region's scheme, the
//! dated eligibility criteria, the Link-Share Only tier, closure by seller type, Indonesia's
//! `vt.tokopedia.com` links, and the sources every report cites.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use serde_json::{Value as Json, json};
use shop_policy::eligibility::{EligibilityReport, Outcome};
use shop_policy::health::{HealthReport, QuizBlock};
use shop_policy::pack::{BUILTIN_REGIONS, Role, Scheme, builtin_pack};
use shop_policy::report::Verdict;
use shop_policy::{Engine, Today, Value};
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(Engine::builtin);

const SEA: [&str; 6] = ["ID", "MY", "TH", "VN", "PH", "SG"];

fn call<T>(input: &Json, f: impl Fn(&Engine, &Value<'_>) -> Result<T, shop_policy::Error>) -> T {
    let text = input.to_string();
    let value = Value::parse_json(&text).unwrap();
    f(&ENGINE, &value).unwrap_or_else(|e| panic!("{input}: {e}"))
}

fn health(region: &str, role: &str, as_of: &str, violations: Json) -> HealthReport {
    let input = json!({ "region": region, "role": role, "asOf": as_of, "violations": violations });
    call(&input, |e, v| e.account_health(v, Today::Required))
}

fn eligibility(input: Json) -> EligibilityReport {
    call(&input, |e, v| e.check_eligibility(v, Today::Required))
}

fn violation(id: &str, points: u32, issued_on: &str) -> Json {
    json!({ "id": id, "type": "Prohibited Customer Communication", "points": points, "issuedOn": issued_on })
}

fn regime(report: &HealthReport) -> (&str, Option<String>, Option<String>) {
    let f = &report.in_force;
    (
        f.rule_id.as_str(),
        f.effective_from.map(|d| d.to_string()),
        f.effective_until.map(|d| d.to_string()),
    )
}

// --- Health: sellers and creators ------------------------------------------------------------

#[test]
fn southeast_asian_creators_move_from_points_to_the_rating_on_12_january_2026() {
    for region in SEA {
        let before = health(region, "creator", "2026-01-11", json!([]));
        assert_eq!((before.role, before.scheme), (Role::Creator, Scheme::Points), "{region}");
        assert_eq!(regime(&before), ("health.creator_points", None, Some("2026-01-11".into())));
        assert!(before.score.is_none());
        assert_eq!(before.milestone.next.as_ref().map(|n| n.points), Some(8), "{region}");

        let on = health(region, "creator", "2026-01-12", json!([]));
        assert_eq!((on.role, on.scheme), (Role::Creator, Scheme::Score), "{region}");
        assert_eq!(regime(&on), ("health.creator", Some("2026-01-12".into()), None));
        assert!(on.in_force.verified, "the switch is in the official VN policy");
        let score = on.score.as_ref().unwrap();
        assert_eq!(
            (score.value, score.start, score.max),
            (200, 200, 1000),
            "every account starts at 200"
        );
        assert_eq!(on.milestone.next.as_ref().map(|n| n.points), Some(150));

        // Sellers stay on points on both days.
        for day in ["2026-01-11", "2026-01-12"] {
            let seller = health(region, "seller", day, json!([]));
            assert_eq!(
                (seller.role, seller.scheme),
                (Role::Seller, Scheme::Points),
                "{region} {day}"
            );
            assert_eq!(regime(&seller), ("health.seller", None, None));
        }
    }
}

#[test]
fn the_issues_two_dates_judge_one_creator_history_under_points_then_the_rating() {
    let history = json!([violation("v1", 4, "2025-11-20")]);
    let december = health("VN", "creator", "2025-12-01", history.clone());
    assert_eq!((december.scheme, december.active_points), (Scheme::Points, 4));
    assert_eq!(
        december.in_force.message,
        "Judged under the rule in force on 1 December 2025: creator violation points, in force until 11 January 2026."
    );
    let march = health("VN", "creator", "2026-03-01", json!([violation("v2", 30, "2026-02-20")]));
    assert_eq!(march.scheme, Scheme::Score);
    assert_eq!(march.score.as_ref().unwrap().value, 170);
    assert_eq!(
        march.in_force.message,
        "Judged under the rule in force on 1 March 2026: the Creator Health Rating (a score from 0 to 1,000), in force since 12 January 2026."
    );
    let id = health("VN", "creator", "2026-03-01", json!([]));
    let zh = call(
        &json!({"region": "VN", "role": "creator", "asOf": "2026-03-01", "lang": "zh", "violations": []}),
        |e, v| e.account_health(v, Today::Required),
    );
    assert_eq!(
        zh.in_force.message,
        "按2026年3月1日有效的规则判断：达人健康分（0至1000分），自2026年1月12日起生效。"
    );
    assert_eq!(id.role, Role::Creator);
}

#[test]
fn the_old_creator_points_ran_to_24_and_the_rating_has_its_own_milestones() {
    let points = health("ID", "creator", "2026-01-05", json!([violation("a", 9, "2026-01-02")]));
    let reached = points.milestone.reached.as_ref().unwrap();
    assert_eq!((reached.points, reached.action.as_str()), (8, "creator_suspended_1_day"));
    assert!(!reached.verified, "third-party milestones");
    // 25 points is more than one violation could carry before 2026.
    let input = json!({"region": "ID", "role": "creator", "asOf": "2026-01-05",
        "violations": [violation("a", 25, "2026-01-02")]});
    let text = input.to_string();
    let err =
        ENGINE.account_health(&Value::parse_json(&text).unwrap(), Today::Required).unwrap_err();
    assert_eq!(err.path(), "violations[0].points");

    let rating = health("ID", "creator", "2026-02-01", json!([violation("a", 60, "2026-01-20")]));
    assert_eq!(rating.score.as_ref().unwrap().value, 140);
    let reached = rating.milestone.reached.as_ref().unwrap();
    assert_eq!((reached.points, reached.action.as_str()), (150, "creator_restricted"));
    assert_eq!(rating.milestone.next.as_ref().map(|n| (n.points, n.points_to_go)), Some((0, 140)));
}

#[test]
fn a_passed_creator_quiz_counts_under_points_but_not_under_the_unpublished_rating() {
    let attempts = |day: &str| json!([{ "violationId": "a", "takenOn": day, "passed": true }]);
    let points = call(
        &json!({"region": "TH", "role": "creator", "asOf": "2026-01-10",
        "violations": [violation("a", 4, "2026-01-02")], "quizAttempts": attempts("2026-01-03")}),
        |e, v| e.account_health(v, Today::Required),
    );
    assert_eq!(points.active_points, 3, "full marks removed one point");

    let rating = call(
        &json!({"region": "TH", "role": "creator", "asOf": "2026-02-10",
        "violations": [violation("a", 40, "2026-02-02")], "quizAttempts": attempts("2026-02-03")}),
        |e, v| e.account_health(v, Today::Required),
    );
    assert_eq!(
        rating.score.as_ref().unwrap().value,
        160,
        "how much a pass gives back is not published"
    );
    let quiz = &rating.quizzes[0];
    assert_eq!(
        (quiz.can_remove_point, quiz.blocked_by),
        (false, Some(QuizBlock::AmountUnpublished))
    );
    let note = rating.notes.iter().find(|n| n.id == "policy_quiz").unwrap();
    assert!(note.message.contains("how many is not published"), "{}", note.message);
}

#[test]
fn us_sellers_are_rated_over_180_days_with_two_quizzes_and_none_at_zero() {
    // Issued 2026-01-01: counts through day 179 (2026-06-29), gone on day 180.
    let list = json!([violation("a", 60, "2026-01-01")]);
    let last = health("US", "seller", "2026-06-29", list.clone());
    assert_eq!((last.scheme, last.score.as_ref().unwrap().value), (Scheme::Score, 140));
    let gone = health("US", "seller", "2026-06-30", list);
    assert_eq!(gone.score.as_ref().unwrap().value, 200);
    assert_eq!(regime(&last), ("health.seller", None, None));
    let reached = last.milestone.reached.as_ref().unwrap();
    assert_eq!(reached.action, "ahr_150_7_days");
    assert!(last.notes.iter().any(|n| n.id == "milestone_quiz"));
    let window = last.notes.iter().find(|n| n.id == "points_validity").unwrap();
    assert!(window.message.contains("180 days"), "{}", window.message);

    let zero = call(
        &json!({"region": "US", "role": "seller", "asOf": "2026-03-01",
        "violations": [violation("a", 200, "2026-02-20")],
        "quizAttempts": []}),
        |e, v| e.account_health(v, Today::Required),
    );
    assert_eq!(zero.score.as_ref().unwrap().value, 0);
    assert_eq!(zero.quizzes[0].blocked_by, Some(QuizBlock::ScoreTooLow));
    assert_eq!(zero.quizzes[0].attempts_left, 0);

    // US creators were on the rating before and after 12 January 2026.
    for day in ["2026-01-11", "2026-01-12"] {
        let creator = health("US", "creator", day, json!([]));
        assert_eq!(
            (creator.scheme, regime(&creator)),
            (Scheme::Score, ("health.creator", None, None))
        );
    }
}

#[test]
fn uk_sellers_moved_to_the_rating_unverified_with_points_before() {
    let before = health("UK", "seller", "2025-10-22", json!([]));
    assert_eq!(before.scheme, Scheme::Points);
    assert_eq!(regime(&before), ("health.uk_seller_points", None, Some("2025-10-22".into())));
    let on = health("UK", "seller", "2025-10-23", json!([]));
    assert_eq!(on.scheme, Scheme::Score);
    assert_eq!(regime(&on), ("health.seller", Some("2025-10-23".into()), None));
    assert!(!on.in_force.verified && !before.in_force.verified);
    assert_eq!(health("UK", "creator", "2026-03-01", json!([])).scheme, Scheme::Score);
}

#[test]
fn every_builtin_region_judges_both_roles_on_any_day() {
    for region in BUILTIN_REGIONS {
        let pack = builtin_pack(region).unwrap().unwrap();
        for day in
            ["2020-01-01", "2025-10-22", "2025-10-23", "2026-01-11", "2026-01-12", "2030-01-01"]
        {
            let day = shop_policy::Date::parse(day).unwrap();
            for role in [Role::Seller, Role::Creator] {
                let in_force: Vec<_> = pack
                    .health
                    .regimes
                    .iter()
                    .filter(|r| r.role == role && r.meta.in_force(day))
                    .collect();
                assert_eq!(in_force.len(), 1, "{region} {role:?} {day}");
            }
        }
    }
}

#[test]
fn the_role_defaults_to_seller_and_is_checked() {
    let input = json!({"region": "ID", "asOf": "2026-03-01", "violations": []});
    let report = call(&input, |e, v| e.account_health(v, Today::Required));
    assert_eq!(report.role, Role::Seller);
    let bad = json!({"region": "ID", "asOf": "2026-03-01", "role": "buyer", "violations": []});
    let text = bad.to_string();
    let err =
        ENGINE.account_health(&Value::parse_json(&text).unwrap(), Today::Required).unwrap_err();
    assert_eq!((err.code().as_str(), err.path()), ("invalid_input", "role"));
}

// --- Eligibility: dated criteria and the Link-Share Only tier ---------------------------------

fn creator(region: &str, as_of: &str, followers: u64) -> Json {
    json!({
        "region": region, "asOf": as_of, "followers": followers, "age": 25,
        "identityVerified": true, "governmentAccount": false, "previouslyRevoked": false,
        "codeOfConductViolations": 0, "linkedShopAtRisk": false, "foreignCreator": false,
        "taxInfoProvided": false, "identityAndAgeVerified": false,
    })
}

#[test]
fn vietnams_tax_information_is_required_from_1_july_2025() {
    let before = eligibility(creator("VN", "2025-06-30", 5000));
    assert_eq!(before.outcome, Outcome::Eligible);
    assert_eq!(before.upcoming.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["tax_info"]);
    let on = eligibility(creator("VN", "2025-07-01", 5000));
    assert_eq!(on.outcome, Outcome::NotEligible);
    let tax = on.criteria.iter().find(|c| c.id == "tax_info").unwrap();
    assert_eq!((tax.met, tax.verified), (Some(false), true));
    assert_eq!(
        on.next_steps[0].message,
        "Submit your tax information (tax code) with your identity documents."
    );
    // Asked of Vietnamese creators; a foreign creator gives a passport and proof of address.
    let mut foreign = creator("VN", "2025-07-01", 5000);
    foreign["foreignCreator"] = json!(true);
    assert_eq!(eligibility(foreign).outcome, Outcome::Eligible);
}

#[test]
fn indonesia_offers_link_share_only_from_3_july_2025_without_a_follower_minimum() {
    let before = eligibility(creator("ID", "2025-07-02", 120));
    assert_eq!(before.outcome, Outcome::NotEligible);
    assert!(before.link_share.is_none());

    let on = eligibility(creator("ID", "2025-07-03", 120));
    assert_eq!(on.outcome, Outcome::NotEligible, "the full permission needs 600 followers");
    let tier = on.link_share.as_ref().unwrap();
    assert_eq!((tier.outcome, tier.can_apply), (Outcome::Eligible, true));
    assert!(tier.criteria.iter().all(|c| c.id != "followers"));
    assert_eq!(tier.effective_from.map(|d| d.to_string()).as_deref(), Some("2025-07-03"));
    assert!(tier.verified);
    assert!(tier.source.contains("8693033191327489"));
    assert!(tier.message.contains("At least 600 followers."), "{}", tier.message);
    assert_eq!(tier.next_steps[0].id, "apply");

    // The tier is judged on every other criterion: an under-age creator fails both.
    let mut young = creator("ID", "2026-03-01", 120);
    young["age"] = json!(16);
    let report = eligibility(young);
    assert_eq!(report.link_share.as_ref().unwrap().outcome, Outcome::NotEligible);
    // A revoked permission is final for the tier too.
    let mut revoked = creator("ID", "2026-03-01", 120);
    revoked["permission"] = json!("revoked");
    assert_eq!(eligibility(revoked).link_share.unwrap().outcome, Outcome::Never);
}

#[test]
fn vietnam_offers_the_tier_unverified_and_other_regions_do_not() {
    let vn = eligibility(creator("VN", "2026-03-01", 120));
    let tier = vn.link_share.as_ref().unwrap();
    assert!(!tier.verified && tier.effective_from.is_none());
    for region in ["TH", "MY", "PH", "SG", "UK", "US"] {
        assert!(eligibility(creator(region, "2026-03-01", 120)).link_share.is_none(), "{region}");
    }
}

// --- Closure by seller type -----------------------------------------------------------------

fn closure(seller_type: &str) -> shop_policy::ClosureReport {
    let input = json!({
        "region": "MY", "asOf": "2026-06-01", "initiatedBy": "seller", "sellerType": seller_type,
        "activeCampaigns": 0, "boundCreators": 0, "announcementSince": "2026-04-01",
        "orders": [], "commissionArrears": 0, "balance": 0, "unpaidInvoices": 0,
        "depositArrears": 0, "deposit": 0
    });
    call(&input, |e, v| e.check_closure(v, Today::Required))
}

#[test]
fn closure_is_the_cross_border_policy_and_a_guide_for_local_sellers() {
    let cross = closure("cross_border");
    assert!(cross.applies && cross.verified && cross.can_close);
    assert!(cross.scope.message.contains("cross-border sellers"));
    let local = closure("local");
    assert!(!local.applies && !local.verified);
    assert!(local.conditions.iter().all(|c| !c.verified));
    assert!(local.scope.message.contains("shown as a guide"), "{}", local.scope.message);
    assert_eq!(local.can_close, cross.can_close, "the guide still says what the policy would");
}

// --- Links: Shop | Tokopedia share links ------------------------------------------------------

fn links(region: &str, text: &str) -> shop_policy::links::LinksReport {
    let input = json!({ "region": region, "surface": "video", "text": text });
    call(&input, |e, v| e.check_links(v, Today::Required))
}

#[test]
fn vt_tokopedia_links_are_tiktok_shops_own_in_indonesia_only() {
    let text = "Checkout di sini ya kak https://vt.tokopedia.com/t/ZS92pJ8M6PYpc-OhO5l/";
    let id = links("ID", text);
    assert_eq!(id.verdict, Verdict::Allow);
    let f = &id.findings[0];
    assert_eq!(
        (&*f.rule_id, f.platform.as_deref()),
        ("links.tokopedia_share_link", Some("tokopedia_share"))
    );
    let source = id.sources.iter().find(|s| s.source == *f.source).unwrap();
    assert_eq!(source.official, Some(true));
    // tokopedia.com itself is still the marketplace, and elsewhere the share host is too.
    assert_ne!(
        links("ID", "https://www.tokopedia.com/tokoku").findings[0].rule_id.as_ref(),
        "links.tokopedia_share_link"
    );
    assert_eq!(links("MY", text).verdict, Verdict::Block);
}

// --- Sources ----------------------------------------------------------------------------------

#[test]
fn every_rule_source_is_described_and_borrowed_rules_say_from_where() {
    let mut undescribed = std::collections::BTreeSet::new();
    for region in BUILTIN_REGIONS {
        let pack = builtin_pack(region).unwrap().unwrap();
        for rule in pack.rules() {
            if pack.source_info(&rule.source).is_none() {
                undescribed.insert(format!("{region} {}: {}", rule.id, rule.source));
            }
        }
    }
    assert!(undescribed.is_empty(), "sources without title and publisher: {undescribed:#?}");
    let th = health("TH", "creator", "2026-03-01", json!([]));
    let vn_policy = th.sources.iter().find(|s| s.source == th.in_force.source).unwrap();
    assert_eq!(vn_policy.title.as_deref(), Some("Creator Enforcement Policy"));
    assert_eq!(vn_policy.borrowed_from.as_deref(), Some("VN"), "same rule as Vietnam");
    let vn = health("VN", "creator", "2026-03-01", json!([]));
    let own = vn.sources.iter().find(|s| s.source == vn.in_force.source).unwrap();
    assert_eq!(own.borrowed_from, None);
    let thirdparty = vn.sources.iter().find(|s| s.official == Some(false)).unwrap();
    assert!(thirdparty.publisher.is_some());
    let report = eligibility(creator("ID", "2026-03-01", 700));
    assert!(report.sources.iter().all(|s| s.title.is_some()));

    // Thailand cites its own page where it has one, and says where a rule is borrowed.
    let th = links("TH", "สั่งซื้อได้ที่ shopee.co.th/myshop หรือโทร 081 234 5678");
    let by_rule = |id: &str| {
        let f = th.findings.iter().find(|f| &*f.rule_id == id).unwrap();
        th.sources.iter().find(|s| s.source == *f.source).unwrap().clone()
    };
    assert_eq!(by_rule("links.phone").borrowed_from.as_deref(), Some("VN"));
    // The ban on marketplace links is cited from an Indonesian article (seed 001).
    assert_eq!(by_rule("links.ecommerce_link").borrowed_from.as_deref(), Some("ID"));
    let pack = builtin_pack("TH").unwrap().unwrap();
    let own = pack.links.rule("links.cta_order_elsewhere").unwrap();
    assert_eq!(pack.source_info(&own.meta.source).and_then(|s| s.region.as_deref()), Some("TH"));
}

// --- Every problem with an input at once ------------------------------------------------------

#[test]
fn an_input_with_several_problems_lists_them_all_first_one_first() {
    let input = json!({ "region": "MY", "asOf": "2026-06-01", "orders": [] });
    let text = input.to_string();
    let err =
        ENGINE.check_closure(&Value::parse_json(&text).unwrap(), Today::Required).unwrap_err();
    assert_eq!((err.code().as_str(), err.path()), ("invalid_input", "initiatedBy"));
    let paths: Vec<&str> = err.diagnostics().iter().map(|d| d.path()).collect();
    assert_eq!(
        paths,
        [
            "initiatedBy",
            "sellerType",
            "activeCampaigns",
            "boundCreators",
            "announcementSince",
            "commissionArrears",
            "balance",
            "unpaidInvoices",
            "depositArrears",
            "deposit"
        ]
    );
    // One problem: the error alone, no list.
    let one = json!({ "region": "ID", "asOf": "2026-13-01", "violations": [] });
    let text = one.to_string();
    let err =
        ENGINE.account_health(&Value::parse_json(&text).unwrap(), Today::Required).unwrap_err();
    assert!(err.diagnostics().is_empty());
    // A huge paste does not return a huge list.
    let rows: Vec<Json> = (0..500)
        .map(|i| json!({ "id": i, "type": "x", "points": 1, "issuedOn": "2026-01-01" }))
        .collect();
    let many = json!({ "region": "ID", "asOf": "2026-03-01", "violations": rows }).to_string();
    let err =
        ENGINE.account_health(&Value::parse_json(&many).unwrap(), Today::Required).unwrap_err();
    assert_eq!(err.diagnostics().len(), shop_policy::error::MAX_INPUT_DIAGNOSTICS);
}
