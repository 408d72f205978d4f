#!/usr/bin/env node
// The Node CLI: the same flags, formats, output and exit codes as the native binary (src/main.rs).
// This file does the file system (paths, directories, globs, stdin, the config file, writing
// fixes); the wasm engine checks, fixes and renders, through the same Rust code as the native CLI.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

const engine = createRequire(import.meta.url)('./node/msk_connect_lint.js');

const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'github'];
const DIRECTORY_EXTENSIONS = ['json', 'properties'];
const CONFIG_NAME = '.msk-connect-lint.json';

class UsageError extends Error {}

function main(argv) {
  try {
    process.exitCode = run(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`msk-connect-lint: ${error.message}\nRun \`msk-connect-lint --help\` for usage.\n`);
    process.exitCode = 2;
  }
}

function parseArgs(argv) {
  const args = {
    paths: [],
    output: 'text',
    flags: {},
    fix: false,
    diff: false,
    config: null,
    noConfig: false,
    explain: null,
    listRules: false,
  };
  const list = (value) => value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i++];
    const eq = arg.indexOf('=');
    const [flag, inline] = arg.startsWith('--') && eq >= 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, null];
    const value = (name) => {
      if (inline !== null) return inline;
      if (i < argv.length) return argv[i++];
      throw new UsageError(`${name} needs a value`);
    };
    switch (flag) {
      case '-h':
      case '--help':
        process.stdout.write(`${engine._usage()}\n`);
        return null;
      case '--version':
        process.stdout.write(`msk-connect-lint ${engine.version()}\n`);
        return null;
      case '--format': {
        const v = value('--format');
        if (OUTPUT_FORMATS.includes(v)) args.output = v;
        else args.flags.format = v;
        break;
      }
      case '--fail-on':
        args.flags.failOn = value('--fail-on');
        break;
      case '--select':
        (args.flags.select ??= []).push(...list(value('--select')));
        break;
      case '--ignore':
        (args.flags.ignore ??= []).push(...list(value('--ignore')));
        break;
      case '--severity': {
        const v = value('--severity');
        const at = v.indexOf('=');
        if (at < 0) throw new UsageError('--severity takes CODE=LEVEL');
        (args.flags.severity ??= {})[v.slice(0, at)] = v.slice(at + 1);
        break;
      }
      case '--fix':
        args.fix = true;
        break;
      case '--unsafe-fixes':
        args.flags.unsafeFixes = true;
        break;
      case '--diff':
        args.diff = true;
        break;
      case '--config':
        args.config = value('--config');
        break;
      case '--no-config':
        args.noConfig = true;
        break;
      case '--explain':
        args.explain = value('--explain');
        break;
      case '--list-rules':
        args.listRules = true;
        break;
      case '-':
        args.paths.push(arg);
        break;
      default:
        if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
        args.paths.push(arg);
    }
  }
  if (args.diff && !args.fix) throw new UsageError('--diff goes with --fix');
  return args;
}

function run(argv) {
  const args = parseArgs(argv);
  if (args === null) return 0;
  if (args.explain !== null) {
    const code = args.explain;
    const rule = engine.rules().find((r) => r.code.toLowerCase() === code.toLowerCase() || r.name === code);
    if (!rule) throw new UsageError(`unknown rule ${JSON.stringify(code)}`);
    process.stdout.write(`# ${rule.code} ${rule.name}\n\nSeverity: ${rule.severity}. Category: ${rule.category}.\n\n${rule.docs}\n`);
    return 0;
  }
  if (args.listRules) {
    const rules = engine.rules();
    if (args.output === 'json') {
      process.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
    } else {
      for (const r of rules) {
        process.stdout.write(`${r.code.padEnd(7)} ${r.name.padEnd(45)} ${r.severity.padEnd(9)} ${r.summary}\n`);
      }
    }
    return 0;
  }

  const config = loadConfig(args);
  const request = {
    output: args.output,
    fix: args.fix,
    diff: args.diff,
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    flags: JSON.stringify(args.flags),
    config: config && { path: config.path, text: config.text },
  };
  // Options are checked before any input is read, as the native CLI does.
  const checked = engine._cli([], request);
  if (checked.error !== undefined) throw new UsageError(checked.error);

  const files = collectFiles(args.paths, excludeMatcher(config));
  const outcome = engine._cli(files, request);
  if (outcome.error !== undefined) throw new UsageError(outcome.error);
  for (const write of outcome.writes) {
    try {
      writeFileSync(write.path, write.text);
    } catch (error) {
      process.stderr.write(outcome.stderr);
      throw new UsageError(`${write.path}: cannot write: ${ioMessage(error)}`);
    }
  }
  process.stderr.write(outcome.stderr);
  process.stdout.write(outcome.stdout);
  return outcome.exitCode;
}

/** `--config FILE`, or `.msk-connect-lint.json` found upward from the working directory. */
function loadConfig(args) {
  let path = args.config;
  if (path === null && !args.noConfig) path = findConfig();
  if (path === null) return null;
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${path}: ${ioMessage(error)}`);
  }
  let exclude = [];
  try {
    const parsed = JSON.parse(text);
    if (Array.isArray(parsed?.exclude)) exclude = parsed.exclude.filter((p) => typeof p === 'string');
  } catch {
    // The engine reports a malformed config file, with its position.
  }
  return { path, text, exclude, dir: dirname(resolve(path)) };
}

function findConfig() {
  let dir = process.cwd();
  for (;;) {
    const candidate = join(dir, CONFIG_NAME);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here; keep going up
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

let stdinRead = false;

function readStdin() {
  if (stdinRead) return { text: '' };
  stdinRead = true;
  try {
    return { text: decode(readFileSync(0)) };
  } catch (error) {
    if (error.code === 'EAGAIN' || error.code === 'EOF') return { text: '' };
    throw new UsageError(`cannot read standard input: ${ioMessage(error)}`);
  }
}

/** `[{ path, text } | { path, error }]` for the engine, in the native CLI's order. */
function collectFiles(paths, excluded) {
  if (paths.length === 0 || (paths.length === 1 && paths[0] === '-')) return [{ path: '-', ...readStdin() }];
  const files = [];
  for (const path of paths) {
    if (path === '-') {
      files.push({ path: '-', ...readStdin() });
    } else if (isDirectory(path)) {
      for (const file of walk(path).filter((f) => !excluded(f))) files.push(readInput(file));
    } else if (hasGlobMagic(path) && !existsSync(path)) {
      const matches = expandGlob(path).filter((f) => !excluded(f));
      if (matches.length === 0) files.push({ path, error: 'cannot read: no file matches this pattern' });
      for (const match of matches) {
        if (isDirectory(match)) {
          for (const file of walk(match).filter((f) => !excluded(f))) files.push(readInput(file));
        } else {
          files.push(readInput(match));
        }
      }
    } else {
      files.push(readInput(path));
    }
  }
  return files;
}

function readInput(path) {
  try {
    return { path, text: decode(readFileSync(path)) };
  } catch (error) {
    return { path, error: `cannot read: ${ioMessage(error)}` };
  }
}

/** UTF-8 when it is (a BOM kept, as Rust keeps it); otherwise ISO-8859-1, as Java reads properties. */
function decode(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function joinPath(dir, name) {
  return dir.endsWith('/') || dir.endsWith(sep) ? `${dir}${name}` : `${dir}/${name}`;
}

/** Files with a known extension below `dir`, skipping dot-names and node_modules, sorted as Rust sorts paths. */
function walk(dir) {
  const found = [];
  const visit = (d) => {
    let entries;
    try {
      entries = readdirSync(d);
    } catch {
      return;
    }
    for (const name of entries) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const path = joinPath(d, name);
      if (isDirectory(path)) {
        visit(path);
      } else {
        const dot = name.lastIndexOf('.');
        if (dot > 0 && DIRECTORY_EXTENSIONS.includes(name.slice(dot + 1))) found.push(path);
      }
    }
  };
  visit(dir);
  return found.sort(comparePaths);
}

function comparePaths(a, b) {
  const left = a.split('/').filter((c, i) => c !== '' || i === 0);
  const right = b.split('/').filter((c, i) => c !== '' || i === 0);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] !== right[i]) return Buffer.compare(Buffer.from(left[i]), Buffer.from(right[i]));
  }
  return left.length - right.length;
}

function hasGlobMagic(text) {
  return /[*?[]/.test(text);
}

/** One path segment of a glob as a regular expression: `*`, `?` and `[...]`; no leading-dot matches. */
function segmentRegExp(segment) {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) {
        source += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, close);
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      source += `[${body.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else source += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^(?!\\.)${source}$`);
}

/** Expands `*`, `?`, `[...]` and `**` (any depth) for shells that pass patterns through. */
function expandGlob(pattern) {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((s) => s !== '');
  const results = new Set();
  const step = (base, index) => {
    if (index === segments.length) {
      results.add(base);
      return;
    }
    const segment = segments[index];
    const dir = base === '' ? (absolute ? '/' : '.') : base;
    const next = (name) => (base === '' ? (absolute ? `/${name}` : name) : joinPath(base, name));
    if (segment === '**') {
      step(base, index + 1);
      for (const name of safeReaddir(dir)) {
        if (name.startsWith('.') || name === 'node_modules') continue;
        const path = next(name);
        if (isDirectory(path)) step(path, index);
      }
    } else if (!hasGlobMagic(segment)) {
      const path = next(segment);
      if (existsSync(path)) step(path, index + 1);
    } else {
      const regexp = segmentRegExp(segment);
      for (const name of safeReaddir(dir)) {
        if (regexp.test(name)) step(next(name), index + 1);
      }
    }
  };
  step('', 0);
  return [...results].sort(comparePaths);
}

function safeReaddir(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * `exclude` patterns from the config file, relative to its directory: a pattern with a `/`
 * matches the path (or a directory above the file); one without matches any path component.
 * They apply to files found by walking directories or expanding globs, not to files named outright.
 */
function excludeMatcher(config) {
  if (!config || config.exclude.length === 0) return () => false;
  const patterns = config.exclude.map((raw) => {
    const pattern = raw.replace(/^\.\//, '').replace(/\/+$/, '');
    const parts = pattern.split('/').map((s) => (s === '**' ? null : segmentRegExp(s)));
    return { anchored: pattern.includes('/'), parts };
  });
  const matchParts = (parts, components) => {
    const go = (p, c) => {
      if (p === parts.length) return c === components.length;
      if (parts[p] === null) return go(p + 1, c) || (c < components.length && go(p, c + 1));
      return c < components.length && parts[p].test(components[c]) && go(p + 1, c + 1);
    };
    return go(0, 0);
  };
  return (file) => {
    const rel = relative(config.dir, resolve(file));
    if (rel.startsWith('..') || isAbsolute(rel)) return false;
    const components = rel.split(sep);
    return patterns.some(({ anchored, parts }) => {
      if (!anchored) return components.some((c) => parts[0] !== null && parts[0].test(c));
      for (let n = 1; n <= components.length; n++) {
        if (matchParts(parts, components.slice(0, n))) return true;
      }
      return false;
    });
  };
}

const STRERROR = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  EIO: 'Input/output error',
  EACCES: 'Permission denied',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EINVAL: 'Invalid argument',
  EMFILE: 'Too many open files',
  ENOSPC: 'No space left on device',
  EROFS: 'Read-only file system',
  ENAMETOOLONG: 'File name too long',
  ELOOP: 'Too many levels of symbolic links',
};

/** An I/O error worded as Rust's `io::Error` words it, so both CLIs print the same. */
function ioMessage(error) {
  const text = STRERROR[error?.code];
  if (text && typeof error.errno === 'number') return `${text} (os error ${Math.abs(error.errno)})`;
  return error?.message ?? String(error);
}

main(process.argv.slice(2));
