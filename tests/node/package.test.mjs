// npm pack -> install the tarball offline into an empty project -> use it from ESM, CommonJS,
// npx and TypeScript, as a newcomer following the README would.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { CLEAN, CRITICAL, pkg, root, scratch } from './helpers.mjs';

const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));

function run(command, args, cwd, env = {}) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    input: '',
    // A private, empty npm cache: the install can only come from the tarball.
    env: { ...process.env, npm_config_cache: join(cwd, '.npm-cache'), npm_config_update_notifier: 'false', NO_COLOR: '1', ...env },
  });
  if (result.error) throw result.error;
  return result;
}

describe('the npm tarball', () => {
  let project;
  let tarball;

  before(() => {
    const out = scratch();
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: pkg, encoding: 'utf8' }));
    tarball = join(out, packed[0].filename);
    project = scratch({
      'package.json': JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }),
      'connectors/critical.properties': CRITICAL,
      'connectors/clean.properties': CLEAN,
    });
    const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], project);
    assert.equal(install.status, 0, install.stderr);
  });

  test('holds the entries, both glues over one wasm module, types and the CLI, and nothing else', () => {
    const listing = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    for (const file of [
      'package/package.json',
      'package/README.md',
      'package/index.cjs',
      'package/index.mjs',
      'package/index.d.ts',
      'package/cli.mjs',
      'package/node/msk_connect_lint.js',
      'package/node/msk_connect_lint.d.ts',
      'package/web/index.js',
      'package/web/index.d.ts',
      'package/web/msk_connect_lint.js',
      'package/web/msk_connect_lint_bg.wasm',
      'package/web/package.json',
    ]) {
      assert.ok(listing.includes(file), file);
    }
    assert.ok(!listing.some((f) => f.includes('.built') || f.includes('build.mjs')), listing.join('\n'));
    assert.deepEqual(listing.filter((f) => f.endsWith('.wasm')), ['package/web/msk_connect_lint_bg.wasm'], 'one copy of the module');
    const installed = JSON.parse(readFileSync(join(project, 'node_modules', 'msk-connect-lint', 'package.json'), 'utf8'));
    assert.equal(installed.version, manifest.version);
    assert.equal(installed.engines.node, '>=20');
  });

  test('ESM: import { validate } from "msk-connect-lint"', () => {
    const script = `
      import { validate, toSarif, version } from 'msk-connect-lint';
      import { readFileSync } from 'node:fs';
      const report = validate(readFileSync('connectors/critical.properties', 'utf8'), { failOn: 'high' });
      console.log(JSON.stringify({ passed: report.passed, codes: report.findings.map((f) => f.code), sarif: toSarif(report).version, version: version() }));
    `;
    const result = run(process.execPath, ['--input-type=module', '-e', script], project);
    assert.equal(result.status, 0, result.stderr);
    const out = JSON.parse(result.stdout);
    assert.equal(out.passed, false);
    assert.ok(out.codes.includes('MSK011'));
    assert.equal(out.sarif, '2.1.0');
    assert.equal(out.version, manifest.version);
  });

  test('CommonJS: require("msk-connect-lint")', () => {
    const script = `
      const { validate, fix, rules } = require('msk-connect-lint');
      const fs = require('node:fs');
      const text = fs.readFileSync('connectors/clean.properties', 'utf8');
      console.log(JSON.stringify({ passed: validate(text).passed, fixed: fix(text).output === text, rules: rules().length }));
    `;
    const result = run(process.execPath, ['-e', script], project);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), { passed: true, fixed: true, rules: JSON.parse(result.stdout).rules });
    assert.ok(JSON.parse(result.stdout).rules >= 10);
  });

  test('npx msk-connect-lint gates CI: exit 1 on findings, 0 when clean, SARIF and GitHub formats', () => {
    const npx = (args) => run('npx', ['--offline', '--no-install', 'msk-connect-lint', ...args], project);
    const version = npx(['--version']);
    assert.equal(version.stdout, `msk-connect-lint ${manifest.version}\n`, version.stderr);
    const gate = npx(['--fail-on', 'high', 'connectors']);
    assert.equal(gate.status, 1, gate.stderr);
    assert.match(gate.stdout, /connectors\/critical\.properties:3:29: MSK011 \[critical\]/);
    assert.match(gate.stdout, /^Found \d+ findings in 2 files/m);
    assert.equal(npx(['--fail-on', 'high', 'connectors/clean.properties']).status, 0);
    const sarif = npx(['--format', 'sarif', 'connectors']);
    assert.equal(JSON.parse(sarif.stdout).version, '2.1.0');
    assert.match(npx(['--format', 'github', 'connectors']).stdout, /^::error file=connectors\/critical\.properties,line=3,col=29,/m);
    assert.ok(existsSync(join(project, 'node_modules', '.bin', 'msk-connect-lint')));
  });

  test('TypeScript: tsc --noEmit on ESM, CommonJS and browser-glue consumers', () => {
    for (const file of readdirSync(new URL('./types/', import.meta.url))) {
      copyFileSync(new URL(`./types/${file}`, import.meta.url), join(project, file));
    }
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = run(process.execPath, [tsc, '-p', join(project, 'tsconfig.json')], project);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    // And a type error is caught, so the check is real.
    writeFileSync(join(project, 'consumer.mts'), `import { validate } from 'msk-connect-lint';\nconst n: number = validate('x').passed;\nconsole.log(n);\n`);
    const failing = run(process.execPath, [tsc, '-p', join(project, 'tsconfig.json')], project);
    assert.notEqual(failing.status, 0);
    assert.match(failing.stdout, /Type 'boolean' is not assignable to type 'number'/);
  });
});
