#!/usr/bin/env node
// The Node CLI's front door: the file system and the terminal. Flags, options, check and fix,
// output and exit codes are the engine's (src/cli.rs, the same code as the native CLI), reached
// through the wasm export `_cli`: each call names the next thing to read, or the finished outcome.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

const engine = createRequire(import.meta.url)('./node/msk_connect_lint.js');

function main(argv) {
  // What has been read so far: src/cli.rs `Io`.
  const io = { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR };
  for (;;) {
    const step = engine._cli(argv, io);
    if (step.readConfig) {
      io.config = readConfig(step.readConfig);
    } else if (step.readFiles) {
      const { paths, extensions, exclude } = step.readFiles;
      io.files = collectFiles(paths, extensions, excludeMatcher(io.config, exclude));
    } else {
      const failed = perform(step.finish.effects);
      if (failed) {
        io.writeFailed = failed;
        continue;
      }
      process.stdout.write(step.finish.stdout);
      process.exitCode = step.finish.exitCode;
      return;
    }
  }
}

/** Prints and writes in order; the first write that fails, if one does. */
function perform(effects) {
  for (const effect of effects) {
    if (effect.stderr !== undefined) {
      process.stderr.write(effect.stderr);
    } else {
      try {
        writeFileSync(effect.write.path, effect.write.text);
      } catch (error) {
        return { path: effect.write.path, error: ioMessage(error) };
      }
    }
  }
  return null;
}

/** `path`, or with `search` the first directory from here upward that has a file of that name. */
function readConfig({ path, search }) {
  const found = search ? findUpward(path) : path;
  if (found === null) return null;
  try {
    return { path: found, text: readFileSync(found, 'utf8') };
  } catch (error) {
    return { path: found, error: ioMessage(error) };
  }
}

function findUpward(name) {
  let dir = process.cwd();
  for (;;) {
    const candidate = join(dir, name);
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
  if (stdinRead) return { path: '-', text: '' };
  stdinRead = true;
  try {
    return { path: '-', text: decode(readFileSync(0)) };
  } catch (error) {
    if (error.code === 'EAGAIN' || error.code === 'EOF') return { path: '-', text: '' };
    return { path: '-', error: ioMessage(error) };
  }
}

/** `[{ path, text } | { path, error }]` in the native CLI's order. */
function collectFiles(paths, extensions, excluded) {
  const files = [];
  for (const path of paths) {
    if (path === '-') {
      files.push(readStdin());
    } else if (isDirectory(path)) {
      for (const file of walk(path, extensions).filter((f) => !excluded(f))) files.push(readInput(file));
    } else if (hasGlobMagic(path) && !existsSync(path)) {
      const matches = expandGlob(path).filter((f) => !excluded(f));
      if (matches.length === 0) files.push({ path, error: 'no file matches this pattern' });
      for (const match of matches) {
        if (isDirectory(match)) {
          for (const file of walk(match, extensions).filter((f) => !excluded(f))) files.push(readInput(file));
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
    return { path, error: ioMessage(error) };
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

/** Files ending in one of `extensions` below `dir`, skipping dot-names and node_modules, sorted as Rust sorts paths. */
function walk(dir, extensions) {
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
        if (dot > 0 && extensions.includes(name.slice(dot + 1))) found.push(path);
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
function excludeMatcher(config, exclude) {
  if (!config || exclude.length === 0) return () => false;
  const dir = dirname(resolve(config.path));
  const patterns = exclude.map((raw) => {
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
    const rel = relative(dir, resolve(file));
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
