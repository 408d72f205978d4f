#!/usr/bin/env node
// Bundles the page's editor (www-src/codemirror.js and the CodeMirror packages it imports, from
// node_modules) into one ES module, www/pkg/codemirror.js, which the page loads from its own
// origin: no CDN, no eval, nothing fetched at run time. Run by `make build` after pkg-config/build.mjs
// (which recreates www/pkg/). `--metafile` prints what takes the space.
import { build } from 'esbuild';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'www', 'pkg', 'codemirror.js');
const version = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

/**
 * CodeMirror's styles come from style-mod, which puts them in a <style> element in a document
 * (the page's CSP refuses inline styles) and in a constructed stylesheet only in shadow roots.
 * Constructed stylesheets are CSSOM, which the CSP allows: use them for the document too.
 */
const constructedStyles = {
  name: 'style-mod-constructed-sheets',
  setup(b) {
    b.onLoad({ filter: /style-mod[\\/]src[\\/]style-mod\.js$/ }, async ({ path }) => {
      const source = readFileSync(path, 'utf8');
      const from = 'if (!root.head && root.adoptedStyleSheets && win.CSSStyleSheet) {';
      if (!source.includes(from)) throw new Error(`style-mod changed: ${path} no longer has "${from}"`);
      return { contents: source.replace(from, 'if (root.adoptedStyleSheets && win.CSSStyleSheet) {'), loader: 'js' };
    });
  },
};

const result = await build({
  plugins: [constructedStyles],
  entryPoints: [join(root, 'www-src', 'codemirror.js')],
  outfile,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
  banner: {
    js: `/* The page's editor: CodeMirror ${version('@codemirror/view')} (MIT, https://codemirror.net) and Lezer (MIT), bundled from the npm registry by www-src/build.mjs. */`,
  },
});
const bytes = readFileSync(outfile);
console.error(`www/pkg/codemirror.js: ${statSync(outfile).size} B, ${gzipSync(bytes, { level: 9 }).length} B gzipped`);
if (process.argv.includes('--metafile')) {
  const inputs = Object.entries(result.metafile.outputs[Object.keys(result.metafile.outputs)[0]].inputs);
  for (const [file, { bytesInOutput }] of inputs.sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, 15)) console.error(`${bytesInOutput}\t${file}`);
}
