// The pre-commit hook (.pre-commit-hooks.yaml), as a user meets it: a temporary git repository
// whose .pre-commit-config.yaml points at a local clone of this one, `pre-commit install`, then
// a commit of an insecure connector file (refused, naming the finding) and of a fixed one
// (accepted). pre-commit comes from PyPI into target/venv (`make test-precommit` installs it);
// it builds the CLI with cargo, reusing target/precommit-cargo between runs.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const preCommit = join(root, 'target', 'venv', 'bin', 'pre-commit');
const work = mkdtempSync(join(tmpdir(), 'msk-connect-lint-pre-commit-'));
const env = {
  ...process.env,
  PRE_COMMIT_HOME: join(work, 'cache'),
  CARGO_TARGET_DIR: join(root, 'target', 'precommit-cargo'),
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  // Git ignores the user's and the system's settings (HOME stays: cargo and rustup live there).
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: join(work, 'gitconfig'),
};
const git = (cwd, ...args) => execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const hooks = join(work, 'msk-connect-lint');
const user = join(work, 'user');
let rev;

const INSECURE = `connector.class=io.confluent.connect.jdbc.JdbcSinkConnector
connection.url=jdbc:mysql://db.internal.example.com:3306/app
topics=orders
`;
const SECURE = `connector.class=io.confluent.connect.jdbc.JdbcSinkConnector
connection.url=jdbc:mysql://db.internal.example.com:3306/app?sslMode=VERIFY_IDENTITY
topics=orders
`;

before(() => {
  writeFileSync(env.GIT_CONFIG_GLOBAL, '[init]\n\tdefaultBranch = main\n');
  assert.ok(existsSync(preCommit), 'target/venv has no pre-commit: run `make test-precommit`');
  // A clone of this repository's commit, with the working tree's hook manifest on top.
  git(work, 'clone', '--quiet', '--no-local', '--depth', '1', `file://${root}`, hooks);
  copyFileSync(join(root, '.pre-commit-hooks.yaml'), join(hooks, '.pre-commit-hooks.yaml'));
  git(hooks, 'add', '.pre-commit-hooks.yaml');
  if (git(hooks, 'status', '--porcelain').trim()) git(hooks, 'commit', '--quiet', '-m', 'the working tree hook manifest');
  rev = git(hooks, 'rev-parse', 'HEAD').trim();

  mkdirSync(user);
  git(user, 'init', '--quiet', '-b', 'main');
  writeFileSync(
    join(user, '.pre-commit-config.yaml'),
    `repos:\n  - repo: ${hooks}\n    rev: ${rev}\n    hooks:\n      - id: msk-connect-lint\n`,
  );
  writeFileSync(join(user, 'package.json'), '{ "name": "not-a-connector", "version": "1.0.0" }\n');
  git(user, 'add', '.');
  git(user, 'commit', '--quiet', '-m', 'start');
  execFileSync(preCommit, ['install'], { cwd: user, env, stdio: 'pipe' });
});

after(() => rmSync(work, { recursive: true, force: true }));

const commit = (message) => spawnSync('git', ['commit', '-m', message], { cwd: user, env, encoding: 'utf8' });

test('pre-commit: the manifest is valid', () => {
  execFileSync(preCommit, ['validate-manifest', join(root, '.pre-commit-hooks.yaml')], { env, stdio: 'pipe' });
});

test('pre-commit: a commit of an insecure connector file is refused, a fixed one goes in', { timeout: 900_000 }, () => {
  mkdirSync(join(user, 'connectors'));
  writeFileSync(join(user, 'connectors', 'orders-sink.properties'), INSECURE);
  writeFileSync(join(user, 'notes.json'), '{ "not": "a connector" }\n');
  git(user, 'add', '.');
  const refused = commit('an insecure sink');
  const output = refused.stdout + refused.stderr;
  assert.equal(refused.status, 1, output);
  assert.match(output, /msk-connect-lint\.+Failed/);
  assert.match(output, /connectors\/orders-sink\.properties:2:\d+: MSK101 \[high\]/);
  // Only connector files are checked: the other JSON file was not handed to the CLI.
  assert.doesNotMatch(output, /notes\.json/);
  assert.equal(git(user, 'rev-list', '--count', 'HEAD').trim(), '1', 'nothing was committed');

  writeFileSync(join(user, 'connectors', 'orders-sink.properties'), SECURE);
  git(user, 'add', '.');
  const accepted = commit('the sink verifies the database');
  assert.equal(accepted.status, 0, accepted.stdout + accepted.stderr);
  assert.match(accepted.stdout + accepted.stderr, /msk-connect-lint\.+Passed/);
  assert.equal(git(user, 'rev-list', '--count', 'HEAD').trim(), '2');
  assert.equal(readFileSync(join(user, 'connectors', 'orders-sink.properties'), 'utf8'), SECURE, 'the hook does not edit files');
});
