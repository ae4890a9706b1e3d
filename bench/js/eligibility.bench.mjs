// checkEligibility per call in Node, through the npm package (pkg/node.js), side by side with
// json-rules-engine and json-logic-js evaluating the same seven criteria, with the same figures
// (read from the built-in Indonesian pack) and the same facts. Every engine and rule set is
// built once, outside the timed loop.
//
// The peers only decide met / not met per criterion and the outcome; checkEligibility also
// copies the argument into wasm, validates it, and writes the whole report (messages, sources,
// next steps, capabilities) back as JS objects. The comparison is what a page pays per check.
import { createRequire } from "node:module";
import { join } from "node:path";
import { ms, ratio, timeIt, timePair, timePairAsync } from "./harness.mjs";

export const title = "checkEligibility per call (Node, pkg/): shop-policy vs json-rules-engine and json-logic-js, same criteria and facts";

const root = new URL("../..", import.meta.url).pathname;
const require = createRequire(import.meta.url);

const base = {
  region: "ID",
  asOf: "2026-03-01",
  age: 24,
  governmentAccount: false,
  previouslyRevoked: false,
  codeOfConductViolations: 0,
  linkedShopAtRisk: false,
  foreignCreator: false,
};
const SCENARIOS = [
  ["eligible", { ...base, followers: 12_000, identityVerified: true }],
  ["not_eligible", { ...base, followers: 563, identityVerified: false }],
];

/** Each pack criterion as a fact, an operator and a figure, shared by both peers. */
function criteriaOf(pack) {
  const spec = {
    followers: ["followers", ">=", (c) => c.min],
    age: ["age", ">=", (c) => c.min],
    identityVerified: ["identityVerified", "===", () => true],
    notGovernmentAccount: ["governmentAccount", "===", () => false],
    codeOfConductViolations: ["codeOfConductViolations", "<=", (c) => c.max],
    neverRevoked: ["previouslyRevoked", "===", () => false],
    linkedShopNotAtRisk: ["linkedShopAtRisk", "===", () => false],
  };
  // The scenarios are local creators: a criterion for foreign creators only does not bind them.
  return pack.eligibility.criteria.filter((c) => c.appliesTo !== "foreign").map((c) => {
    const [fact, op, figure] = spec[c.criterion];
    return { id: c.id, fact, op, value: figure(c) };
  });
}

const RULES_ENGINE_OPS = { ">=": "greaterThanInclusive", "<=": "lessThanInclusive", "===": "equal" };

export async function run() {
  const ours = await import(join(root, "pkg", "node.js"));
  const { Engine: RulesEngine } = require("json-rules-engine");
  const jsonLogic = require("json-logic-js");
  const criteria = criteriaOf(ours.getPolicy("ID"));

  // json-rules-engine: one rule per criterion; its event names the criterion.
  const rulesEngine = new RulesEngine();
  for (const c of criteria) {
    rulesEngine.addRule({
      conditions: { all: [{ fact: c.fact, operator: RULES_ENGINE_OPS[c.op], value: c.value }] },
      event: { type: c.id },
    });
  }
  const viaRulesEngine = async (facts) => {
    const { events } = await rulesEngine.run(facts);
    const met = new Set(events.map((e) => e.type));
    const results = criteria.map((c) => ({ id: c.id, met: met.has(c.id) }));
    return { outcome: results.every((r) => r.met) ? "eligible" : "not_eligible", results };
  };

  // json-logic-js: one rule per criterion, applied in turn.
  const logic = criteria.map((c) => ({ id: c.id, rule: { [c.op]: [{ var: c.fact }, c.value] } }));
  const viaJsonLogic = (facts) => {
    const results = logic.map((l) => ({ id: l.id, met: jsonLogic.apply(l.rule, facts) === true }));
    return { outcome: results.every((r) => r.met) ? "eligible" : "not_eligible", results };
  };

  const options = { batch: 200, runs: 40, minMs: 600, rounds: 5 };
  const rows = [];
  const perCall = [];
  for (const [name, facts] of SCENARIOS) {
    // The three must agree before any of them is timed.
    const report = ours.checkEligibility(facts);
    const peers = [await viaRulesEngine(facts), viaJsonLogic(facts)];
    for (const peer of peers) {
      if (peer.outcome !== report.outcome) throw new Error(`${name}: peer says ${peer.outcome}, we say ${report.outcome}`);
      const mine = report.criteria.map((c) => c.met);
      const theirs = peer.results.map((r) => r.met);
      if (JSON.stringify(mine) !== JSON.stringify(theirs)) throw new Error(`${name}: criteria differ`);
    }

    const alone = timeIt(() => ours.checkEligibility(facts), options);
    perCall.push(alone);
    rows.push({ benchmark: `shop-policy checkEligibility (ID, ${name})`, ours: ms(alone), peer: "", ratio: "" });
    const [a, b] = await timePairAsync(() => ours.checkEligibility(facts), () => viaRulesEngine(facts), options);
    rows.push({ benchmark: `  vs json-rules-engine: 7 rules, await engine.run (${name})`, ours: ms(a), peer: ms(b), ratio: ratio(b, a) });
    const [c, d] = timePair(() => ours.checkEligibility(facts), () => viaJsonLogic(facts), options);
    rows.push({ benchmark: `  vs json-logic-js: 7 rules, jsonLogic.apply (${name})`, ours: ms(c), peer: ms(d), ratio: ratio(d, c) });
  }
  // The target: at most 20 µs per call in Node, in the slower scenario.
  const worst = Math.max(...perCall);
  rows.push({ benchmark: "target: ≤ 20 µs per call (slower scenario)", ours: `${ms(worst)}: ${worst <= 0.02 ? "met" : "MISSED"}`, peer: "", ratio: "" });
  return rows;
}
