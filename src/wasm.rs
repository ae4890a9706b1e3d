//! The JS binding, and nothing else: JS values in, reports out, errors as JS `Error`s.
//!
//! Every export follows the same three steps:
//! 1. the argument is flattened by `src/wasm_tape.js` and rebuilt as a [`Value`] that borrows
//!    from one copied buffer (three bulk copies, however large the input);
//! 2. the pure core decodes and evaluates it;
//! 3. the report is written as a value tape (`to_json::to_tape`) and rebuilt as JS objects by
//!    `src/wasm_tape.js` (faster than JSON text and `JSON.parse` for large reports).
//!
//! Errors become a JS `Error` named `ShopPolicyError` with stable `code` and `path` properties
//! (and `diagnostics` for `invalid_pack`). This is also the only place that reads the clock: when
//! a call has no `asOf`, "today" is taken in the region's time zone here.

use crate::error::{Error, ErrorCode};
use crate::to_json::to_tape;
use crate::value::{Value, tape};
use crate::{Engine, pack};
use js_sys::{Float64Array, Reflect, Uint8Array};
use serde::Serialize;
use std::sync::OnceLock;
use wasm_bindgen::prelude::*;

/// The allocator. Talc instead of the default dlmalloc: less code in the module, faster on
/// the many small allocations of a decoded input, and it reuses freed memory as dlmalloc
/// does, so memory stops growing after warm-up (`bench/soak.mjs` checks).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

#[wasm_bindgen(module = "/src/wasm_tape.js")]
extern "C" {
    /// The three arrays `flatten` returns.
    type Tape;

    #[wasm_bindgen(catch)]
    fn flatten(value: &JsValue) -> Result<Tape, JsValue>;

    #[wasm_bindgen(method, getter)]
    fn tags(this: &Tape) -> Uint8Array;

    #[wasm_bindgen(method, getter)]
    fn nums(this: &Tape) -> Float64Array;

    #[wasm_bindgen(method, getter)]
    fn bytes(this: &Tape) -> Uint8Array;

    /// A report's tape as JS objects.
    #[wasm_bindgen(catch)]
    fn rebuild(tags: &[u8], nums: &[f64], text: &str, ends: &[u32]) -> Result<JsValue, JsValue>;
}

/// A JS argument copied into wasm memory; [`Input::value`] reads it without further copies.
struct Input {
    tags: Vec<u8>,
    nums: Vec<f64>,
    text: String,
}

impl Input {
    fn copy(value: &JsValue) -> Result<Input, Error> {
        let tape = flatten(value).map_err(|thrown| {
            let reason = thrown.as_string().or_else(|| {
                Reflect::get(&thrown, &JsValue::from_str("message"))
                    .ok()
                    .and_then(|m| m.as_string())
            });
            Error::new(
                ErrorCode::InvalidInput,
                "",
                format!(
                    "the input could not be read: {}",
                    reason.unwrap_or_else(|| "it threw".to_owned())
                ),
            )
        })?;
        let text = String::from_utf8(tape.bytes().to_vec()).map_err(|_| {
            Error::new(ErrorCode::InvalidInput, "", "the input could not be read (invalid UTF-8)")
        })?;
        Ok(Input { tags: tape.tags().to_vec(), nums: tape.nums().to_vec(), text })
    }

    fn value(&self) -> Result<Value<'_>, Error> {
        tape::read(&self.tags, &self.nums, &self.text)
    }
}

/// A report as JS objects.
fn output<T: Serialize + ?Sized>(report: &T) -> Result<JsValue, JsValue> {
    let tape = to_tape(report).map_err(|e| {
        to_js(Error::new(
            ErrorCode::InvalidInput,
            "",
            format!("the report could not be written: {e}"),
        ))
    })?;
    rebuild(&tape.tags, &tape.nums, &tape.text, &tape.ends)
}

/// A core error as a JS `Error` with `code`, `path` (and `diagnostics`) properties.
fn to_js(error: Error) -> JsValue {
    let js = js_sys::Error::new(&error.to_string());
    js.set_name("ShopPolicyError");
    let set = |key: &str, value: &JsValue| {
        let _ = Reflect::set(&js, &JsValue::from_str(key), value);
    };
    set("code", &JsValue::from_str(error.code().as_str()));
    set("path", &JsValue::from_str(error.path()));
    if !error.diagnostics().is_empty()
        && let Ok(diagnostics) = output(error.diagnostics())
    {
        set("diagnostics", &diagnostics);
    }
    js.into()
}

/// The engine over the built-in packs, built on first use.
fn default_engine() -> &'static Engine {
    static DEFAULT: OnceLock<Engine> = OnceLock::new();
    DEFAULT.get_or_init(Engine::builtin)
}

/// The signature every checker shares: the engine, the call's argument as a value, and what
/// "today" is when the argument has no `asOf`.
type Check<R> = fn(&Engine, &Value<'_>, crate::Today) -> Result<R, Error>;

/// Runs a checker on a JS argument: copy it in, evaluate, hand the report back as JS objects.
/// "Today" is read from the clock here — the only place that does.
fn run<R: Serialize>(
    engine: &Engine,
    input: &JsValue,
    check: Check<R>,
) -> Result<JsValue, JsValue> {
    let input = Input::copy(input).map_err(to_js)?;
    let value = input.value().map_err(to_js)?;
    let report = check(engine, &value, crate::Today::At(js_sys::Date::now())).map_err(to_js)?;
    output(&report)
}

/// Lists the built-in policy packs.
#[wasm_bindgen(unchecked_return_type = "PolicySummary[]")]
pub fn policies() -> Result<JsValue, JsValue> {
    output(&default_engine().policies().map_err(to_js)?)
}

/// Validates a policy pack (a complete pack, or an overlay with `extends`) and reports every
/// problem; never throws for a bad pack.
#[wasm_bindgen(js_name = validatePolicy, unchecked_return_type = "Validation")]
pub fn validate_policy(
    #[wasm_bindgen(unchecked_param_type = "PolicyPack")] pack: JsValue,
) -> Result<JsValue, JsValue> {
    let validation = match Input::copy(&pack)
        .and_then(|input| input.value().map(|v| pack::validate_policy(&v)))
    {
        Ok(validation) => validation,
        Err(error) => pack::Validation { ok: false, diagnostics: vec![error] },
    };
    output(&validation)
}

/// The built-in pack of a region, base and region merged: the starting point for an overlay.
#[wasm_bindgen(js_name = getPolicy, unchecked_return_type = "CompletePolicyPack")]
pub fn get_policy(
    #[wasm_bindgen(unchecked_param_type = "RegionCode")] region: JsValue,
) -> Result<JsValue, JsValue> {
    // A JsValue, not &str: wasm-bindgen's string conversion assumes a string and, given a
    // function or a symbol, throws an uncoded TypeError or writes out of bounds.
    let region = region.as_string().ok_or_else(|| {
        to_js(Error::new(
            ErrorCode::InvalidInput,
            "region",
            "region must be a string such as \"ID\"",
        ))
    })?;
    let value = pack::builtin_value(&region).ok_or_else(|| {
        to_js(Error::new(
            ErrorCode::UnknownRegion,
            "region",
            format!(
                "no built-in policy for \"{region}\"; the built-in regions are {}",
                crate::i18n::join(&pack::BUILTIN_REGIONS, ", ")
            ),
        ))
    })?;
    js_sys::JSON::parse(&value.to_json())
}

/// What changed between two packs, each a built-in region's code or a pack (complete, or an
/// overlay with `extends`): the entries added, removed and changed, each changed field with its
/// old and new value, and the sources. A pack that is not valid throws `invalid_pack` with its
/// diagnostics under `a.` or `b.`.
#[wasm_bindgen(js_name = policyDiff, unchecked_return_type = "PolicyDiff")]
pub fn policy_diff(
    #[wasm_bindgen(unchecked_param_type = "RegionCode | PolicyPack")] a: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RegionCode | PolicyPack")] b: JsValue,
) -> Result<JsValue, JsValue> {
    // A region code is a string; anything else is read as a pack (and judged as one).
    let copy = |js: &JsValue, name: &str| match js.as_string() {
        Some(region) => Ok(Err(region)),
        None => Input::copy(js).map(Ok).map_err(|e| to_js(Error::new(e.code(), name, e.message()))),
    };
    let (a, b) = (copy(&a, "a")?, copy(&b, "b")?);
    let (a, b) = (side_value(&a)?, side_value(&b)?);
    output(&pack::policy_diff(&a, &b).map_err(to_js)?)
}

/// A side of `policyDiff` as a value: the copied pack, or the region code.
fn side_value(copied: &Result<Input, String>) -> Result<Value<'_>, JsValue> {
    match copied {
        Ok(input) => input.value().map_err(to_js),
        Err(region) => Ok(Value::String(region.as_str().into())),
    }
}

/// Finds and judges links, e-mail addresses, phone numbers, messenger and social handles and
/// calls to action in a text, for a surface and region.
#[wasm_bindgen(js_name = checkLinks, unchecked_return_type = "LinksReport")]
pub fn check_links(
    #[wasm_bindgen(unchecked_param_type = "LinksInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    run(default_engine(), &input, Engine::check_links)
}

/// `checkLinks` on many texts for one surface (a column of a catalog) in one call: one result
/// per text, the sources and policy once.
#[wasm_bindgen(js_name = checkLinksBatch, unchecked_return_type = "LinksBatchReport")]
pub fn check_links_batch(
    #[wasm_bindgen(unchecked_param_type = "LinksBatchInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    run(default_engine(), &input, Engine::check_links_batch)
}

/// Can this creator get e-commerce permission in this region, and if not, why and what next?
/// Judged under the built-in packs; see `EligibilityInput` and `EligibilityReport`.
#[wasm_bindgen(js_name = checkEligibility, unchecked_return_type = "EligibilityReport")]
pub fn check_eligibility(
    #[wasm_bindgen(unchecked_param_type = "EligibilityInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    run(default_engine(), &input, Engine::check_eligibility)
}

/// Whether a shop can close, what blocks it, the earliest day it could, and the deposit
/// refunded; see `ClosureInput` and `ClosureReport` in the types.
#[wasm_bindgen(js_name = checkClosure, unchecked_return_type = "ClosureReport")]
pub fn check_closure(
    #[wasm_bindgen(unchecked_param_type = "ClosureInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    run(default_engine(), &input, Engine::check_closure)
}

/// Account health: active violation points, the milestone reached and the next one, when
/// points expire, the weekly report and what the policy quiz can still remove.
#[wasm_bindgen(js_name = accountHealth, unchecked_return_type = "HealthReport")]
pub fn account_health(
    #[wasm_bindgen(unchecked_param_type = "HealthInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    run(default_engine(), &input, Engine::account_health)
}

/// An engine over a caller's policy pack, validated and indexed once.
#[wasm_bindgen(js_name = Engine)]
pub struct JsEngine {
    engine: Engine,
}

#[wasm_bindgen(js_class = Engine)]
impl JsEngine {
    /// `new Engine()` uses the built-in packs; `new Engine(pack)` a complete pack or an overlay
    /// (`extends: "ID"`). An invalid pack throws `code: "invalid_pack"` with every diagnostic.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "PolicyPack")] pack: JsValue,
    ) -> Result<JsEngine, JsValue> {
        let engine = if pack.is_undefined() || pack.is_null() {
            default_engine().clone()
        } else {
            // Whatever is wrong with the argument, it is an invalid pack.
            let as_pack = |e: Error| to_js(Error::invalid_pack(vec![e]));
            let input = Input::copy(&pack).map_err(as_pack)?;
            let value = input.value().map_err(as_pack)?;
            Engine::from_pack(&value).map_err(to_js)?
        };
        Ok(JsEngine { engine })
    }

    /// The packs this engine evaluates with.
    #[wasm_bindgen(unchecked_return_type = "PolicySummary[]")]
    pub fn policies(&self) -> Result<JsValue, JsValue> {
        output(&self.engine.policies().map_err(to_js)?)
    }

    /// `checkLinks` with this engine's policy.
    #[wasm_bindgen(js_name = checkLinks, unchecked_return_type = "LinksReport")]
    pub fn check_links(
        &self,
        #[wasm_bindgen(unchecked_param_type = "LinksInput")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        run(&self.engine, &input, Engine::check_links)
    }

    /// `checkLinksBatch` with this engine's policy.
    #[wasm_bindgen(js_name = checkLinksBatch, unchecked_return_type = "LinksBatchReport")]
    pub fn check_links_batch(
        &self,
        #[wasm_bindgen(unchecked_param_type = "LinksBatchInput")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        run(&self.engine, &input, Engine::check_links_batch)
    }

    /// `checkClosure` under this engine's packs.
    #[wasm_bindgen(js_name = checkClosure, unchecked_return_type = "ClosureReport")]
    pub fn check_closure(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ClosureInput")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        run(&self.engine, &input, Engine::check_closure)
    }

    /// `accountHealth` under this engine's packs.
    #[wasm_bindgen(js_name = accountHealth, unchecked_return_type = "HealthReport")]
    pub fn account_health(
        &self,
        #[wasm_bindgen(unchecked_param_type = "HealthInput")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        run(&self.engine, &input, Engine::account_health)
    }

    /// The regions this engine answers for.
    #[wasm_bindgen(getter, unchecked_return_type = "string[]")]
    pub fn regions(&self) -> Result<JsValue, JsValue> {
        // Through the report writer rather than wasm-bindgen's `Vec<String>` glue, which would
        // add a conversion of its own to the module.
        output(&self.engine.regions().collect::<Vec<&str>>())
    }

    /// `checkEligibility` under this engine's packs.
    #[wasm_bindgen(js_name = checkEligibility, unchecked_return_type = "EligibilityReport")]
    pub fn check_eligibility(
        &self,
        #[wasm_bindgen(unchecked_param_type = "EligibilityInput")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        run(&self.engine, &input, Engine::check_eligibility)
    }
}

/// The checks again with serde-wasm-bindgen as the bridge (the design card's choice), for the
/// bridge benchmark alone: the input is read with `serde_wasm_bindgen::from_value` into the same
/// [`Value`] the tape builds, and the report written with its JSON-compatible serializer. Built
/// only with the `bridge-bench` feature, never into the published module.
#[cfg(feature = "bridge-bench")]
#[wasm_bindgen(js_name = viaSerdeWasmBindgen)]
pub fn via_serde_wasm_bindgen(check: &str, input: JsValue) -> Result<JsValue, JsValue> {
    let value: Value<'static> = serde_wasm_bindgen::from_value(input).map_err(JsValue::from)?;
    let engine = default_engine();
    let today = crate::Today::At(js_sys::Date::now());
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let written = match check {
        "checkEligibility" => {
            engine.check_eligibility(&value, today).map_err(to_js)?.serialize(&serializer)
        }
        "checkClosure" => {
            engine.check_closure(&value, today).map_err(to_js)?.serialize(&serializer)
        }
        "accountHealth" => {
            engine.account_health(&value, today).map_err(to_js)?.serialize(&serializer)
        }
        "checkLinksBatch" => {
            engine.check_links_batch(&value, today).map_err(to_js)?.serialize(&serializer)
        }
        other => return Err(JsValue::from_str(&format!("no check {other}"))),
    };
    written.map_err(JsValue::from)
}
