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
    assert_eq!(id.health.points.clearing_stops_at, Some(48));
    assert_eq!(id.health.milestones.iter().map(|m| m.at).collect::<Vec<_>>(), [12, 24, 36, 48]);
    assert!(id.health.milestones.iter().all(|m| m.meta.verified));
    assert!(!id.health.warning.meta.verified);
    let tokopedia = id.links.catalog.iter().find(|p| p.id == "tokopedia").unwrap();
    assert_eq!(tokopedia.rule.as_deref(), Some("links.tokopedia_in_id"));
    assert!(!id.links.rule("links.tokopedia_in_id").unwrap().meta.verified);
    let us = builtin_pack("US").unwrap().unwrap();
    assert_eq!(us.health.scheme, Scheme::Score);
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
    assert_eq!(
        th.closure.condition(ConditionKind::OrdersFinal).unwrap().figures,
        ConditionFigures::FinalStatuses(vec!["completed".into(), "closed".into()])
    );
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
    assert_eq!(pack.eligibility.criteria.len(), 7);
    assert_eq!(pack.health.points.clearing_stops_at, Some(48));
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
            ("unknown_reference", "links.catalog[1].rule"),
            ("duplicate_id", "links.catalog[97].domains[0]"),
            ("invalid_input", "health.milestones[2]"),
            ("invalid_input", "health.scoreMilestones[4]"),
            ("unknown_reference", "health.scoreMilestones[4].action"),
            ("invalid_input", "health.score.start"),
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
