// A small static file server for the help site (and the test mock pages): correct MIME types
// (application/wasm for streaming compilation), no directory listings, nothing outside the
// served folder. Usage: node tools/serve.mjs <dir> [port] — 127.0.0.1 only.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

/** Starts a server for `dir` on `port` (0: any free port); resolves to the server. */
export function serveDirectory(dir, port = 0, { headers = {} } = {}) {
  const base = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      let path = normalize(join(base, decodeURIComponent(url.pathname)));
      if (path !== base && !path.startsWith(base + sep)) throw Object.assign(new Error("outside"), { status: 403 });
      if ((await stat(path)).isDirectory()) path = join(path, "index.html");
      const body = await readFile(path);
      res.writeHead(200, {
        "content-type": TYPES[extname(path)] ?? "application/octet-stream",
        "cache-control": "no-cache",
        "x-content-type-options": "nosniff",
        ...headers,
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (error) {
      const status = error.status ?? (error.code === "ENOENT" ? 404 : 500);
      res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
      res.end(`${status}\n`);
    }
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => ok(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = "www", port = "8080"] = process.argv.slice(2);
  const server = await serveDirectory(dir, Number(port));
  console.log(`serving ${resolve(dir)} at http://127.0.0.1:${server.address().port}/`);
}
