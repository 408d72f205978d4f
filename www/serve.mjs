#!/usr/bin/env node
// A small static server for www/ (no dependencies): the right MIME types (application/wasm for
// streaming compilation), the page's Content-Security-Policy as a header, and nothing else.
// `node www/serve.mjs [--port 8080] [--host 127.0.0.1]`; the browser tests import `serve()`.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The policy the page also declares in its <meta> tag (which cannot carry frame-ancestors). */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  // Samples are shown as text, whatever their extension.
  '.properties': 'text/plain; charset=utf-8',
  '.yaml': 'text/plain; charset=utf-8',
  '.tf': 'text/plain; charset=utf-8',
};

const HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  'Cache-Control': 'no-cache',
};

/** Starts serving `root`; resolves to the Node server once it listens (port 0 picks a free one). */
export function serve({ root = here, host = '127.0.0.1', port = 8080, log = false } = {}) {
  const server = createServer((req, res) => {
    const done = (status, type, body) => {
      res.writeHead(status, { ...HEADERS, 'Content-Type': type });
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(`${status} ${req.method} ${req.url}`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return done(405, 'text/plain; charset=utf-8', 'method not allowed\n');
    }
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return done(400, 'text/plain; charset=utf-8', 'bad request\n');
    }
    if (path.includes('\0')) return done(400, 'text/plain; charset=utf-8', 'bad request\n');
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) {
      return done(403, 'text/plain; charset=utf-8', 'forbidden\n');
    }
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return done(404, 'text/plain; charset=utf-8', 'not found\n');
    }
    if (stat.isDirectory()) {
      res.writeHead(301, { ...HEADERS, Location: `${path}/` });
      return res.end();
    }
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { ...HEADERS, 'Content-Type': type, 'Content-Length': stat.size });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
    if (log) console.log(`200 GET ${req.url}`);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : (process.env[name.toUpperCase()] ?? fallback);
  };
  const host = arg('host', '127.0.0.1');
  const port = Number(arg('port', 8080));
  try {
    statSync(join(here, 'pkg', 'msk_connect_lint_bg.wasm'));
  } catch {
    console.error('www/pkg/ is missing: run `make build` (or `make serve`) first.');
    process.exit(1);
  }
  serve({ host, port, log: process.argv.includes('--log') }).then(
    (server) => {
      const { port: actual } = server.address();
      console.log(`msk-connect-lint page on http://${host}:${actual}/ (Ctrl+C stops it)`);
    },
    (error) => {
      console.error(`cannot listen on ${host}:${port}: ${error.message}`);
      process.exit(1);
    },
  );
}
