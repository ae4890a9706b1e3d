//! The overlay merge: how a region pack sits on the base pack, and a caller's pack on a region.

use crate::value::Value;

/// Merges `overlay` onto `base`:
/// - two objects merge key by key (keys only in the overlay are appended);
/// - two lists whose elements are all objects with a string `id` merge element by element on
///   that id (matching elements merge, new ones are appended, order is the base's);
/// - anything else — scalars, `null`, other lists, mismatched types — is replaced by the overlay.
pub fn merge<'a>(base: &Value<'a>, overlay: &Value<'a>) -> Value<'a> {
    match (base, overlay) {
        (Value::Object(base_entries), Value::Object(overlay_entries)) => {
            let mut out = base_entries.clone();
            for (key, value) in overlay_entries {
                match out.iter_mut().find(|(k, _)| k == key) {
                    Some((_, existing)) => *existing = merge(existing, value),
                    None => out.push((key.clone(), value.clone())),
                }
            }
            Value::Object(out)
        }
        (Value::Array(base_items), Value::Array(overlay_items))
            if keyed(base_items) && keyed(overlay_items) && !base_items.is_empty() =>
        {
            let mut out = base_items.clone();
            for item in overlay_items {
                let id = item.get("id");
                match out.iter_mut().find(|existing| existing.get("id") == id) {
                    Some(existing) => *existing = merge(existing, item),
                    None => out.push(item.clone()),
                }
            }
            Value::Array(out)
        }
        (_, replacement) => replacement.clone(),
    }
}

fn keyed(items: &[Value<'_>]) -> bool {
    items.iter().all(|item| matches!(item.get("id"), Some(Value::String(_))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> Value<'_> {
        Value::parse_json(text).unwrap()
    }

    #[test]
    fn objects_merge_deeply_and_scalars_replace() {
        let base = json(r#"{"a": 1, "b": {"c": 2, "d": 3}, "e": [1, 2]}"#);
        let overlay = json(r#"{"b": {"d": 4, "f": 5}, "e": [9], "g": null}"#);
        assert_eq!(
            merge(&base, &overlay),
            json(r#"{"a": 1, "b": {"c": 2, "d": 4, "f": 5}, "e": [9], "g": null}"#)
        );
    }

    #[test]
    fn lists_of_identified_objects_merge_by_id() {
        let base = json(r#"[{"id": "x", "v": 1, "w": 1}, {"id": "y", "v": 2}]"#);
        let overlay = json(r#"[{"id": "y", "v": 20}, {"id": "z", "v": 3}]"#);
        assert_eq!(
            merge(&base, &overlay),
            json(r#"[{"id": "x", "v": 1, "w": 1}, {"id": "y", "v": 20}, {"id": "z", "v": 3}]"#)
        );
    }

    #[test]
    fn a_list_without_ids_is_replaced_whole() {
        let base = json(r#"[{"id": "x"}, {"name": "no id"}]"#);
        let overlay = json(r#"[{"id": "x", "v": 1}]"#);
        assert_eq!(merge(&base, &overlay), overlay);
    }
}
