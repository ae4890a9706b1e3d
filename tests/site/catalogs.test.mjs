// The string catalogs (www/i18n/<lang>.js), shared by the help site and the extension's popup:
// every language has every key of every section, and the same `{slots}` in each string, so no
// page shows a ⟦key⟧ or an unfilled slot in one language only.
import { test } from "node:test";
import assert from "node:assert/strict";

const LANGS = ["en", "id", "zh"];
const catalogs = Object.fromEntries(
  await Promise.all(LANGS.map(async (lang) => [lang, (await import(`../../www/i18n/${lang}.js`)).default])),
);
const slots = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("every language has the same sections and keys", () => {
  const sections = Object.keys(catalogs.en);
  for (const lang of LANGS) {
    assert.deepEqual(Object.keys(catalogs[lang]), sections, `${lang}: sections`);
    for (const section of sections) {
      assert.deepEqual(Object.keys(catalogs[lang][section]).sort(), Object.keys(catalogs.en[section]).sort(), `${lang}.${section}: keys`);
    }
  }
});

test("a string has the same slots in every language, and none is empty", () => {
  for (const [section, table] of Object.entries(catalogs.en)) {
    for (const [key, text] of Object.entries(table)) {
      for (const lang of LANGS) {
        const other = catalogs[lang][section][key];
        assert.ok(other.trim().length > 0 || text.trim().length === 0, `${lang}.${section}.${key} is empty`);
        assert.deepEqual(slots(other), slots(text), `${lang}.${section}.${key}: slots`);
      }
    }
  }
});
