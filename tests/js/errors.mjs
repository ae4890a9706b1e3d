// The one way the suites catch the library's errors: every failing call must throw a real
// `Error` named ShopPolicyError with a string `code` and `path` (never a bare wasm trap).
import assert from "node:assert/strict";

/** Runs `fn`, expecting a ShopPolicyError; returns it. */
export function thrown(fn) {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof Error, "a real Error");
    assert.equal(error.name, "ShopPolicyError");
    assert.equal(typeof error.code, "string");
    assert.equal(typeof error.path, "string");
    return error;
  }
  assert.fail("expected a ShopPolicyError");
}

/** Runs `fn`, expecting a ShopPolicyError; returns `[code, path]`. */
export function codeAndPath(fn) {
  const { code, path } = thrown(fn);
  return [code, path];
}
