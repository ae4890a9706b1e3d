// Assembles the browser extension from extension/ and the wasm-bindgen web build in pkg/:
//   extension/dist/shop-policy/                  the unpacked extension (Chrome: "Load unpacked")
//   extension/dist/shop-policy-<version>.zip     the same files, ready to upload to a store
// Run by `./build.sh build` after pkg/ is built. The manifest's version is the crate's; the
// icons are drawn here, so the repository holds no binary files.
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { crc32, deflateRawSync, deflateSync } from "node:zlib";

const root = new URL("..", import.meta.url).pathname;
const source = join(root, "extension");
const dist = join(source, "dist");
const out = join(dist, "shop-policy");
const version = readFileSync(join(root, "Cargo.toml"), "utf8").match(/^version = "(.*)"$/m)[1];

const SOURCES = [
  "background.js", "content.js", "shared.js", "strings.js", "popup.html", "popup.js", "options.html", "options.js", "options-i18n.js",
  "options-rules.js", "pages.css",
];

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(out, "pkg"), { recursive: true });
mkdirSync(join(out, "icons"), { recursive: true });

const manifest = JSON.parse(readFileSync(join(source, "manifest.json"), "utf8"));
manifest.version = version.replace(/[-+].*$/, ""); // Chrome takes 1–4 dot-separated integers only
writeFileSync(join(out, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
for (const file of SOURCES) cpSync(join(source, file), join(out, file));
// "My rules" rows become an overlay pack the same way on the help site and here.
cpSync(join(root, "www", "my-rules.js"), join(out, "my-rules.js"));
// The words of the popup, the options page and the fields' panels: the help site's string
// catalogs, one file per language.
cpSync(join(root, "www", "i18n"), join(out, "i18n"), { recursive: true });
cpSync(join(root, "LICENSE"), join(out, "LICENSE"));
// The wasm-bindgen "web" target: the JS glue, its snippet (imported by the glue), the module.
for (const file of ["shop_policy.js", "shop_policy_bg.wasm", "snippets"]) {
  cpSync(join(root, "pkg", file), join(out, "pkg", file), { recursive: true });
}
for (const size of [16, 32, 48, 128]) writeFileSync(join(out, "icons", `${size}.png`), icon(size));

const files = list(out);
const zipPath = join(dist, `shop-policy-${manifest.version}.zip`);
writeFileSync(zipPath, zip(files.map((file) => [file, readFileSync(join(out, file))])));
console.log(`${relative(root, out)}/: ${files.length} files; ${relative(root, zipPath)}: ${statSync(zipPath).size} bytes`);

function list(dir, prefix = "") {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? list(join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`]));
}

/** The icon: a white check mark on a rounded teal square, 4×4 supersampled. */
function icon(size) {
  const segment = (x, y, [ax, ay], [bx, by]) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay));
  };
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      let square = 0;
      let check = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const x = (px + (sx + 0.5) / 4) / size;
          const y = (py + (sy + 0.5) / 4) / size;
          const dx = Math.max(0.22 - x, x - 0.78, 0);
          const dy = Math.max(0.22 - y, y - 0.78, 0);
          if (Math.hypot(dx, dy) <= 0.2) square += 1;
          const d = Math.min(segment(x, y, [0.28, 0.52], [0.44, 0.68]), segment(x, y, [0.44, 0.68], [0.74, 0.34]));
          if (d <= 0.065) check += 1;
        }
      }
      const a = square / 16;
      const c = check / 16;
      const i = 1 + px * 4;
      row[i] = Math.round(15 + (255 - 15) * c);
      row[i + 1] = Math.round(118 + (255 - 118) * c);
      row[i + 2] = Math.round(110 + (255 - 110) * c);
      row[i + 3] = Math.round(255 * a);
    }
    rows.push(row);
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A deflated zip of [name, bytes] pairs; fixed timestamps so that a build is reproducible. */
function zip(entries) {
  const DOS_DATE = (1 << 5) | 1; // 1980-01-01, 00:00
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
