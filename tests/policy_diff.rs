//! `policyDiff`: what changed between two packs — a region and an overlay, two regions, a pack
//! and itself — with the old and new figures and the sources, and bad packs reported with paths.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use shop_policy::Value;
use shop_policy::pack::{ChangeKind, PolicyDiff, policy_diff};

fn json(text: &str) -> Value<'_> {
    Value::parse_json(text).unwrap()
}

fn diff<'a>(a: &Value<'a>, b: &Value<'a>) -> PolicyDiff<'a> {
    policy_diff(a, b).unwrap()
}

#[test]
fn a_pack_against_itself_has_no_changes() {
    let d = diff(&Value::string("ID"), &Value::string("ID"));
    assert_eq!((d.added, d.removed, d.changed), (0, 0, 0));
    assert!(d.changes.is_empty());
    assert_eq!(d.from.id, "tiktok-shop-ID");
}

#[test]
fn an_overlay_raising_a_threshold_is_one_changed_field_with_old_and_new() {
    let overlay = json(
        r#"{ "id": "agency-ID", "version": "1", "extends": "ID",
             "eligibility": { "criteria": [ { "id": "eligibility.followers", "min": 1000, "source": "our agency handbook", "verified": false } ] } }"#,
    );
    let d = diff(&Value::string("ID"), &overlay);
    assert_eq!((d.added, d.removed, d.changed), (0, 0, 1), "{:#?}", d.changes);
    let change = &d.changes[0];
    assert_eq!(change.change, ChangeKind::Changed);
    assert_eq!(change.section, "eligibility.criteria");
    let fields: Vec<(&str, Option<String>, Option<String>)> = change
        .fields
        .iter()
        .map(|f| {
            (
                f.field.as_str(),
                f.old.as_ref().map(Value::to_json),
                f.new.as_ref().map(Value::to_json),
            )
        })
        .collect();
    assert!(fields.contains(&("min", Some("600".into()), Some("1000".into()))), "{fields:?}");
    assert!(
        fields
            .iter()
            .any(|(f, _, new)| *f == "source" && new.as_deref() == Some("\"our agency handbook\""))
    );
    // Both sources, the old one described from the pack.
    assert_eq!(change.sources.len(), 2);
    assert!(change.sources[0].title.is_some());
    assert_eq!(change.sources[1].source, "our agency handbook");
    assert_eq!(d.to.id, "agency-ID");
}

#[test]
fn rules_added_and_removed_are_listed_with_their_section() {
    let overlay = json(
        r#"{ "id": "mine", "version": "1", "extends": "MY",
             "links": {
               "rules": [ { "id": "links.my_words", "verdict": "review", "source": "your rules", "verified": false, "message": { "en": "On your list" } } ],
               "suggestions": [ { "id": "my_words", "rules": ["links.my_words"], "text": { "en": "say it another way" } } ] } }"#,
    );
    let d = diff(&Value::string("MY"), &overlay);
    let added: Vec<(&str, &str)> = d
        .changes
        .iter()
        .filter(|c| c.change == ChangeKind::Added)
        .map(|c| (c.section.as_str(), c.id.as_str()))
        .collect();
    assert_eq!(added, [("links.rules", "links.my_words"), ("links.suggestions", "my_words")]);
    // A list without ids is part of the entry `pack`.
    let allow = json(
        r#"{ "id": "mine", "version": "1", "extends": "MY", "links": { "allow": ["wa ode"] } }"#,
    );
    let d = diff(&Value::string("MY"), &allow);
    assert_eq!(d.changed, 1, "{:#?}", d.changes);
    assert_eq!((d.changes[0].section.as_str(), d.changes[0].id.as_str()), ("", "pack"));
    assert_eq!(d.changes[0].fields[0].field, "links.allow");
    // The other way round, they are removed.
    let back = diff(&overlay, &Value::string("MY"));
    assert_eq!((back.added, back.removed), (0, 2));
    assert!(
        back.changes
            .iter()
            .all(|c| c.change != ChangeKind::Removed || c.fields.iter().all(|f| f.new.is_none()))
    );
}

#[test]
fn two_regions_differ_in_their_figures_and_nested_entries_keep_their_parent() {
    let d = diff(&Value::string("ID"), &Value::string("TH"));
    assert!(d.changed > 0);
    assert!(d.changes.iter().any(|c| c.id == "eligibility.followers"));
    // Entries inside entries are told apart by their parent's id.
    assert!(
        d.changes.iter().all(|c| !c.section.contains('[') || c.section.contains("].")),
        "{:?}",
        d.changes.iter().map(|c| &c.section).collect::<Vec<_>>()
    );
}

#[test]
fn bad_sides_are_errors_with_paths() {
    let err = policy_diff(&Value::string("XX"), &Value::string("ID")).unwrap_err();
    assert_eq!((err.code().as_str(), err.path()), ("unknown_region", "a"));
    let broken = json(
        r#"{ "id": "x", "version": "1", "extends": "ID", "eligibility": { "criteria": [ { "id": "eligibility.followers", "min": "many" } ] } }"#,
    );
    let err = policy_diff(&Value::string("ID"), &broken).unwrap_err();
    assert_eq!(err.code().as_str(), "invalid_pack");
    assert!(
        err.diagnostics().iter().all(|d| d.path().starts_with("b.")),
        "{:?}",
        err.diagnostics()
    );
    let err = policy_diff(&Value::Number(3.0), &Value::string("ID")).unwrap_err();
    assert_eq!((err.code().as_str(), err.path()), ("invalid_input", "a"));
}
