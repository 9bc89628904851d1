//! Shared by the native test files: the feed schema and a checker for the subset of JSON
//! Schema it uses.

use serde_json::Value;

/// `www/telltale-feed.schema.json`.
pub fn schema() -> Value {
    let path = format!(
        "{}/www/telltale-feed.schema.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("schema file");
    serde_json::from_str(&text).expect("schema is JSON")
}

/// JSON Schema 2020-12 as `www/telltale-feed.schema.json` uses it, with JSON Schema's
/// number semantics (an integer is any whole number; `1.0` equals `1`), so that it agrees
/// with a real validator such as ajv. An unknown keyword fails the test.
pub fn schema_accepts(schema: &Value, node: &Value, value: &Value) -> bool {
    let node = node.as_object().expect("schema node is an object");
    for key in node.keys() {
        assert!(
            [
                "$schema",
                "$id",
                "$ref",
                "$defs",
                "title",
                "description",
                "type",
                "const",
                "enum",
                "required",
                "properties",
                "items",
                "minimum",
                "maximum",
                "minItems",
                "anyOf",
            ]
            .contains(&key.as_str()),
            "schema keyword {key} is not checked here"
        );
    }
    let same = |a: &Value, b: &Value| match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) if a.is_number() && b.is_number() => x == y,
        _ => a == b,
    };
    if let Some(Value::String(reference)) = node.get("$ref") {
        let name = reference.strip_prefix("#/$defs/").expect("local ref");
        if !schema_accepts(schema, &schema["$defs"][name], value) {
            return false;
        }
    }
    if let Some(types) = node.get("type") {
        let types: Vec<&str> = match types {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            other => panic!("bad type {other}"),
        };
        let fits = types.iter().any(|t| match *t {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "boolean" => value.is_boolean(),
            "null" => value.is_null(),
            "integer" => {
                value.is_i64()
                    || value.is_u64()
                    || value
                        .as_f64()
                        .is_some_and(|f| f.is_finite() && f.fract() == 0.0)
            }
            other => panic!("type {other} not handled"),
        });
        if !fits {
            return false;
        }
    }
    if node.get("const").is_some_and(|c| !same(c, value)) {
        return false;
    }
    if let Some(Value::Array(options)) = node.get("enum") {
        if !options.iter().any(|o| same(o, value)) {
            return false;
        }
    }
    if let Some(number) = value.as_f64() {
        let min = node.get("minimum").and_then(Value::as_f64);
        let max = node.get("maximum").and_then(Value::as_f64);
        if min.is_some_and(|min| number < min) || max.is_some_and(|max| number > max) {
            return false;
        }
    }
    if let Value::Object(object) = value {
        if let Some(Value::Array(required)) = node.get("required") {
            if required
                .iter()
                .filter_map(Value::as_str)
                .any(|k| !object.contains_key(k))
            {
                return false;
            }
        }
        if let Some(Value::Object(properties)) = node.get("properties") {
            for (key, sub) in properties {
                if let Some(child) = object.get(key) {
                    if !schema_accepts(schema, sub, child) {
                        return false;
                    }
                }
            }
        }
    }
    if let Some(Value::Array(options)) = node.get("anyOf") {
        if !options.iter().any(|o| schema_accepts(schema, o, value)) {
            return false;
        }
    }
    if let (Value::Array(items), Some(min)) = (value, node.get("minItems")) {
        if (items.len() as u64) < min.as_u64().expect("minItems is a count") {
            return false;
        }
    }
    if let (Value::Array(items), Some(sub)) = (value, node.get("items")) {
        if !items.iter().all(|item| schema_accepts(schema, sub, item)) {
            return false;
        }
    }
    true
}
