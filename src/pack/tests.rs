use super::*;

fn json(text: &str) -> Value<'_> {
    Value::parse_json(text).unwrap()
}

fn diagnostics(text: &str) -> Vec<(String, String)> {
    validate_policy(&json(text))
        .diagnostics
        .iter()
        .map(|d| (d.code().as_str().to_owned(), d.path().to_owned()))
        .collect()
}

fn day(text: &str) -> crate::date::Date {
    crate::date::Date::parse(text).unwrap()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect()
}

#[test]
fn every_builtin_pack_is_valid() {
    for region in BUILTIN_REGIONS {
        let pack = builtin_pack(region).unwrap().unwrap_or_else(|e| panic!("{region}: {e:?}"));
        assert_eq!(pack.region, region);
        assert_eq!(pack.id, format!("tiktok-shop-{region}"));
        assert!(!pack.sources().is_empty());
    }
}

#[test]
fn region_figures_come_from_the_notes() {
    let followers = |region: &str| {
        let pack = builtin_pack(region).unwrap().unwrap();
        let c =
            pack.eligibility.criteria.iter().find(|c| c.kind == CriterionKind::Followers).unwrap();
        (c.bound, c.meta.verified)
    };
    assert_eq!(followers("ID"), (Some(600), true));
    assert_eq!(followers("TH"), (Some(1000), true));
    assert_eq!(followers("VN"), (Some(1000), true));
    assert_eq!(followers("US"), (Some(1000), true));
    for region in ["MY", "PH", "SG", "UK"] {
        assert_eq!(followers(region), (Some(1000), false), "{region} has no official figure");
    }
    let id = builtin_pack("ID").unwrap().unwrap();
    let seller = id.health.regime(Role::Seller, day("2026-12-01")).unwrap().1;
    assert_eq!(seller.points.clearing_stops_at, Some(48));
    assert_eq!(seller.milestones.iter().map(|m| m.at).collect::<Vec<_>>(), [12, 24, 36, 48]);
    assert!(seller.milestones.iter().all(|m| m.meta.verified));
    // The official Indonesian FAQ states the warning five points before a milestone.
    assert!(seller.warning.meta.verified);
    let tokopedia = id.links.catalog.iter().find(|p| p.id == "tokopedia").unwrap();
    assert_eq!(tokopedia.rule.as_deref(), Some("links.tokopedia_in_id"));
    assert!(!id.links.rule("links.tokopedia_in_id").unwrap().meta.verified);
    let us = builtin_pack("US").unwrap().unwrap();
    for role in [Role::Seller, Role::Creator] {
        let regime = us.health.regime(role, day("2025-06-01")).unwrap();
        assert_eq!(regime.1.scheme, Scheme::Score, "{role:?}");
    }
    let pilot = us.eligibility.pilot.unwrap();
    assert_eq!(
        (
            pilot.below_followers,
            pilot.days,
            pilot.weekly_shoppable_lives,
            pilot.weekly_shoppable_videos
        ),
        (5000, 30, 3, 5)
    );
    let uk = builtin_pack("UK").unwrap().unwrap();
    assert_eq!(uk.time_zone.zone.dst, crate::date::DstRule::Eu);
    assert!(uk.closure.conditions.iter().all(|c| !c.meta.verified));
    let th = builtin_pack("TH").unwrap().unwrap();
    assert!(th.closure.conditions.iter().all(|c| c.meta.verified));
    let ConditionFigures::Statuses { final_statuses, open } =
        &th.closure.condition(ConditionKind::OrdersFinal).unwrap().figures
    else {
        panic!("orders_final has statuses")
    };
    assert_eq!(&final_statuses[..3], ["completed", "closed", "cancelled"]);
    for status in ["已完成", "selesai", "dibatalkan", "đã hủy", "ยกเลิกแล้ว"]
    {
        assert!(final_statuses.iter().any(|s| *s == status_key(status)), "{status}");
    }
    assert!(open.as_ref().unwrap().iter().any(|s| s == "awaiting shipment"));
}

#[test]
fn order_statuses_compare_in_one_form() {
    assert_eq!(status_key("AWAITING_SHIPMENT"), "awaiting shipment");
    assert_eq!(status_key("  Awaiting-Shipment "), "awaiting shipment");
    assert_eq!(status_key("Đã Hủy"), status_key("da huy"));
    assert_eq!(status_key("已完成"), "已完成");
    assert!(matches!(status_key("completed"), std::borrow::Cow::Borrowed(_)));
}

#[test]
fn an_overlay_changes_one_figure_and_keeps_the_rest() {
    let pack = resolve(&json(
        r#"{ "id": "agency-ID", "version": "7", "extends": "ID",
             "eligibility": { "criteria": [ { "id": "eligibility.followers", "min": 1000, "verified": false } ] } }"#,
    ))
    .unwrap();
    assert_eq!(
        (pack.id.as_str(), pack.version.as_str(), pack.region.as_str()),
        ("agency-ID", "7", "ID")
    );
    let followers = &pack.eligibility.criteria[0];
    assert_eq!((followers.bound, followers.meta.verified), (Some(1000), false));
    assert_eq!(pack.eligibility.criteria.len(), 8);
    let seller = pack.health.regime(Role::Seller, day("2026-12-01")).unwrap().1;
    assert_eq!(seller.points.clearing_stops_at, Some(48));
}

#[test]
fn validation_reports_every_problem_with_its_path() {
    let got = diagnostics(
        r#"{ "id": "bad", "version": "1", "extends": "ID", "colour": "red",
             "effectiveDate": "2023-02-29",
             "timeZone": { "utcOffsetMinutes": 9999 },
             "links": { "rules": [ { "id": "links.email", "verdict": "maybe" } ],
                        "catalog": [ { "id": "shopee", "domains": ["Shopee.COM"] },
                                     { "id": "lazada", "rule": "links.nope" } ] },
             "eligibility": { "criteria": [ { "id": "eligibility.age", "min": -1 },
                                            { "id": "eligibility.identity_verified", "min": 3 } ] },
             "health": { "milestones": [ { "id": "health.milestone_24", "points": 50 } ],
                         "score": { "start": 5000 } },
             "closure": { "steps": [ { "id": "apply", "step": "one" } ] } }"#,
    );
    assert_eq!(
        got,
        pairs(&[
            ("invalid_date", "effectiveDate"),
            ("invalid_input", "timeZone.utcOffsetMinutes"),
            ("invalid_input", "links.rules[7].verdict"),
            ("invalid_input", "links.catalog[0].domains[0]"),
            ("invalid_input", "eligibility.criteria[1].min"),
            ("unknown_field", "eligibility.criteria[2].min"),
            // Health figures are checked as they are read, so a broken section elsewhere does
            // not hide them.
            ("invalid_input", "health.milestones[2]"),
            ("invalid_input", "health.score.start"),
            ("invalid_input", "closure.steps[0].step"),
            ("unknown_field", "colour"),
        ])
    );
}

#[test]
fn cross_checks_run_once_the_types_are_right() {
    let got = diagnostics(
        r#"{ "id": "bad", "version": "1", "extends": "ID",
             "links": { "catalog": [ { "id": "lazada", "rule": "links.nope" },
                                     { "id": "copycat", "name": "Copy", "category": "ecommerce",
                                       "domains": ["shopee.co.id"], "aliases": [] } ] },
             "health": { "milestones": [ { "id": "health.milestone_24", "points": 50 } ],
                         "score": { "start": 5000 },
                         "scoreMilestones": [ { "id": "health.score_x", "score": 10, "action": "made_up",
                                                "source": "x", "verified": false } ] },
             "closure": { "steps": [ { "id": "apply", "step": 2 } ] } }"#,
    );
    assert_eq!(
        got,
        pairs(&[
            ("invalid_input", "health.milestones[2]"),
            ("invalid_input", "health.scoreMilestones[4]"),
            ("unknown_reference", "health.scoreMilestones[4].action"),
            ("invalid_input", "health.score.start"),
            ("unknown_reference", "links.catalog[1].rule"),
            ("duplicate_id", "links.catalog[103].domains[0]"),
            ("invalid_input", "closure.steps[0].step"),
        ])
    );
}

#[test]
fn duplicate_rule_ids_and_missing_required_rules() {
    let got = diagnostics(
        r#"{ "id": "dup", "version": "1", "extends": "TH",
             "eligibility": { "capabilities": [ { "id": "links.email", "source": "x", "verified": true,
                                                  "message": { "en": "Sell" } } ] } }"#,
    );
    assert_eq!(got, pairs(&[("duplicate_id", "")]));
}

#[test]
fn overlay_needs_a_name_and_a_real_region() {
    assert_eq!(diagnostics(r#"{ "extends": "ID" }"#), pairs(&[("invalid_input", "id")]));
    assert_eq!(
        diagnostics(r#"{ "id": "x", "extends": "JP" }"#),
        pairs(&[("unknown_region", "extends")])
    );
    assert_eq!(
        diagnostics(r#"{ "id": "x", "extends": "id" }"#),
        pairs(&[("unknown_region", "extends")])
    );
    assert_eq!(diagnostics(r#"[1]"#), pairs(&[("invalid_input", "")]));
    assert_eq!(
        diagnostics(r#"{ "id": "x", "extends": "ID", "region": "TH" }"#),
        pairs(&[("invalid_input", "region")])
    );
}

#[test]
fn a_complete_pack_needs_every_section() {
    let got = diagnostics(
        r#"{ "id": "mine", "version": "1", "effectiveDate": "2026-01-01", "region": "KH" }"#,
    );
    assert_eq!(
        got,
        pairs(&[
            ("invalid_input", "timeZone"),
            ("invalid_input", "currency"),
            ("invalid_input", "links"),
            ("invalid_input", "eligibility"),
            ("invalid_input", "health"),
            ("invalid_input", "closure"),
        ])
    );
}

#[test]
fn a_complete_pack_for_a_new_region_works() {
    let mut value = builtin_value("TH").unwrap();
    if let Value::Object(entries) = &mut value {
        for (key, v) in entries.iter_mut() {
            match key.as_ref() {
                "id" => *v = Value::string("kh-pilot"),
                "region" => *v = Value::string("KH"),
                _ => {}
            }
        }
    }
    let pack = resolve(&value).unwrap();
    assert_eq!(pack.region, "KH");
}

#[test]
fn clearing_stop_must_be_a_milestone() {
    let got = diagnostics(
        r#"{ "id": "x", "version": "1", "extends": "ID", "health": { "points": { "clearingStopsAt": 40 } } }"#,
    );
    assert_eq!(got, pairs(&[("unknown_reference", "health.points.clearingStopsAt")]));
}

#[test]
fn health_regimes_cover_every_day_once_per_role() {
    // A gap between a replaced regime and its successor.
    let gap = diagnostics(
        r#"{ "id": "gap-ID", "extends": "ID", "health": { "regimes": [
             { "id": "health.creator", "replaced": [
               { "id": "health.creator_points", "effectiveUntil": "2026-01-05" } ] } ] } }"#,
    );
    assert_eq!(gap, pairs(&[("invalid_input", "health.regimes")]));
    // An overlay that drops the history must drop the start date too.
    let open = diagnostics(
        r#"{ "id": "open-ID", "extends": "ID",
             "health": { "regimes": [ { "id": "health.creator", "replaced": null } ] } }"#,
    );
    assert_eq!(open, pairs(&[("invalid_input", "health.regimes")]));
    let fine = diagnostics(
        r#"{ "id": "fine-ID", "extends": "ID", "health": { "regimes": [
             { "id": "health.creator", "replaced": null, "effectiveFrom": null } ] } }"#,
    );
    assert_eq!(fine, []);
    // A pack written before regimes existed is told where `scheme` went.
    let old = validate_policy(&json(
        r#"{ "id": "old-TH", "extends": "TH", "health": { "scheme": "score" } }"#,
    ));
    assert_eq!(old.diagnostics.len(), 1);
    assert_eq!(old.diagnostics[0].path(), "health.scheme");
    assert!(old.diagnostics[0].message().contains("health.regimes"));
    // Dates the wrong way round.
    let backwards = diagnostics(
        r#"{ "id": "back-ID", "extends": "ID", "eligibility": { "criteria": [
             { "id": "eligibility.age", "effectiveFrom": "2026-02-01", "effectiveUntil": "2026-01-01" } ] } }"#,
    );
    assert_eq!(backwards, pairs(&[("invalid_input", "eligibility.criteria[1].effectiveUntil")]));
}

#[test]
fn one_fact_may_be_tested_by_successive_rules_but_not_twice_on_a_day() {
    let successive = diagnostics(
        r#"{ "id": "s-ID", "extends": "ID", "eligibility": { "criteria": [
             { "id": "eligibility.followers", "effectiveUntil": "2026-06-30" },
             { "id": "eligibility.followers_2026", "criterion": "followers", "min": 1000,
               "effectiveFrom": "2026-07-01", "source": "mine", "verified": false } ] } }"#,
    );
    assert_eq!(successive, []);
    let overlapping = diagnostics(
        r#"{ "id": "o-ID", "extends": "ID", "eligibility": { "criteria": [
             { "id": "eligibility.followers_2026", "criterion": "followers", "min": 1000,
               "effectiveFrom": "2026-07-01", "source": "mine", "verified": false } ] } }"#,
    );
    assert_eq!(overlapping, pairs(&[("duplicate_id", "eligibility.criteria[8].criterion")]));
}

#[test]
fn sources_are_described_with_partial_dates_and_unique_ids() {
    let got = diagnostics(
        r#"{ "id": "src-ID", "extends": "ID", "sources": [
             { "id": "mine", "title": "My page", "publisher": "Me", "date": "2026-13", "official": false },
             { "id": "https://seller-id.tokopedia.com/university/essay?knowledge_id=10012508",
               "title": "t", "publisher": "p", "date": "2025", "official": true } ] }"#,
    );
    assert_eq!(got, pairs(&[("invalid_date", "sources[34].date")]));
}

#[test]
fn every_strict_link_rule_has_one_suggestion() {
    // A new rule that can block needs a suggestion; one that only allows does not.
    let got = diagnostics(
        r#"{ "id": "mine", "version": "1", "extends": "MY",
             "links": { "rules": [
               { "id": "links.my_block", "verdict": "block", "source": "x", "verified": true,
                 "message": { "en": "No" } },
               { "id": "links.my_allow", "verdict": "allow", "source": "x", "verified": true,
                 "message": { "en": "Fine" } } ] } }"#,
    );
    assert_eq!(got, pairs(&[("invalid_input", "links.suggestions")]));
    // A suggestion names known rules, each once.
    let got = diagnostics(
        r#"{ "id": "mine", "version": "1", "extends": "MY",
             "links": { "suggestions": [
               { "id": "again", "rules": ["links.email", "links.nowhere"], "text": { "en": "ask here" } } ] } }"#,
    );
    assert_eq!(
        got,
        pairs(&[
            ("duplicate_id", "links.suggestions[6].rules[0]"),
            ("unknown_reference", "links.suggestions[6].rules[1]"),
        ])
    );
    // A surface's wording needs its clause.
    let got = diagnostics(
        r#"{ "id": "mine", "version": "1", "extends": "MY",
             "links": { "suggestions": [
               { "id": "chat", "surfaces": { "bio": { "name": { "en": "our chat" } } } } ] } }"#,
    );
    assert_eq!(got, pairs(&[("invalid_input", "links.suggestions[2].surfaces.bio.text")]));
}
