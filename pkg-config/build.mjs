#!/usr/bin/env node
// Builds the npm package into pkg/ (and the web glue into www/pkg/) from the release wasm:
// cargo build -> wasm-bindgen (nodejs, web) -> wasm-opt -Oz -> package files from pkg-config/.
// Set-up (targets, wasm-bindgen-cli, npm ci) is the Makefile's job; this script only builds.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const here = join(root, 'pkg-config');
const pkg = join(root, 'pkg');
const name = 'msk_connect_lint';
const wasm = join(root, 'target', 'wasm32-unknown-unknown', 'release', `${name}.wasm`);
const wasmOpt = join(root, 'node_modules', '.bin', 'wasm-opt');

function run(command, args, options = {}) {
  console.error(`$ ${command} ${args.join(' ')}`);
  return execFileSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', ...options });
}

const cargoToml = readFileSync(join(root, 'Cargo.toml'), 'utf8');
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargoToml)[1];

// Cargo.toml's release profile (opt-level 3), as natively. Measured side by side under Node,
// opt-level "z" made validate() 2.2x slower over tests/corpus/ and 2.6x on 10 MB of YAML for
// 145 KiB less gzip (418 against 563 KiB); "s" was 1.4x slower for 70 KiB less (README,
// "Performance").
run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'msk-connect-lint', '--lib'], {
  stdio: ['ignore', 'inherit', 'inherit'],
});

// The features rustc enabled are recorded in the module; wasm-opt must accept the same ones.
const features = run(wasmOpt, ['--print-features', wasm], { stdio: ['ignore', 'pipe', 'ignore'] })
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line.startsWith('--enable-'));

// Nothing to do when the module and the package sources are older than the last build.
const stamp = join(pkg, '.built');
const inputs = [wasm, ...readdirSync(here, { recursive: true }).map((f) => join(here, f)), join(root, 'README.md')];
const newest = Math.max(...inputs.map((f) => statSync(f).mtimeMs));
if (existsSync(stamp) && statSync(stamp).mtimeMs >= newest && !process.argv.includes('--force')) {
  console.error('pkg/ is up to date');
  process.exit(0);
}

rmSync(pkg, { recursive: true, force: true });
const bgs = [];
for (const target of ['nodejs', 'web']) {
  const out = join(pkg, target === 'nodejs' ? 'node' : 'web');
  run('wasm-bindgen', [
    wasm,
    '--target', target,
    '--out-dir', out,
    '--out-name', name,
    '--remove-name-section',
    '--remove-producers-section',
  ]);
  bgs.push(join(out, `${name}_bg.wasm`));
}
// Both targets get the same module bytes; optimize once (wasm-opt takes most of the build).
const [nodeBg, webBg] = bgs;
const sameModule = readFileSync(nodeBg).equals(readFileSync(webBg));
for (const bg of sameModule ? [nodeBg] : bgs) {
  run(wasmOpt, [bg, '-Oz', ...features, '--strip-debug', '--strip-producers', '-o', bg]);
}
// One copy in the package: the Node glue reads the web directory's module (the bytes are the same).
if (sameModule) {
  copyFileSync(nodeBg, webBg);
  rmSync(nodeBg);
  const glue = join(pkg, 'node', `${name}.js`);
  const load = `\`\${__dirname}/${name}_bg.wasm\``;
  const text = readFileSync(glue, 'utf8');
  if (!text.includes(load)) throw new Error(`${glue}: the module path ${load} is not where it was; update build.mjs`);
  writeFileSync(glue, text.replace(load, `require('path').join(__dirname, '..', 'web', '${name}_bg.wasm')`));
}

for (const file of ['index.cjs', 'index.mjs', 'index.d.ts', 'cli.mjs']) {
  copyFileSync(join(here, file), join(pkg, file));
}
for (const file of ['index.js', 'index.d.ts']) {
  copyFileSync(join(here, 'web', file), join(pkg, 'web', file));
}
// The web glue is ES modules in .js files; say so, for Node, TypeScript and bundlers alike.
writeFileSync(join(pkg, 'web', 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
execFileSync('chmod', ['+x', join(pkg, 'cli.mjs')]);

const manifest = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
manifest.version = version;
writeFileSync(join(pkg, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
writeFileSync(join(pkg, 'README.md'), packageReadme(readFileSync(join(root, 'README.md'), 'utf8')));

// The web page loads the browser glue from www/pkg/.
const www = join(root, 'www', 'pkg');
rmSync(www, { recursive: true, force: true });
mkdirSync(www, { recursive: true });
cpSync(join(pkg, 'web'), www, { recursive: true });

writeFileSync(stamp, `${new Date().toISOString()}\n`);

const size = (file) => statSync(file).size;
console.error(
  `pkg/ ${manifest.name}@${version}: wasm ${size(webBg)} B${sameModule ? ', one copy for Node and browsers' : `, Node's ${size(nodeBg)} B`} ` +
    `(wasm-opt ${features.join(' ')})`,
);

/** The README's npm section, for the package page. */
function packageReadme(readme) {
  const start = readme.indexOf('## npm package and CLI');
  if (start < 0) return readme;
  const next = readme.indexOf('\n## ', start + 3);
  return `# msk-connect-lint\n\n${readme.slice(start, next < 0 ? undefined : next).replace(/^## /, '## ').trim()}\n`;
}
