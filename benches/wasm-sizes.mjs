// What each part of the engine adds to the .wasm (issue 11): the code section's function bodies,
// named by the module's name section, grouped by the crate (and, for the engine's own crate, the
// module) that each function comes from. Read straight from the binary (no tool to install).
//
// The module measured is the shipped one's twin: the same release build through the same
// wasm-bindgen and `wasm-opt -Oz`, but with the name section kept (`-g`), which changes no code.
// Limits, said in the table's notes: a function inlined into another counts for the one it was
// inlined into; a generic function counts for the crate of the first type it is instantiated
// with that belongs to a reader (so `drop_in_place<hcl_edit::Expression>` is hcl-edit's);
// the data section (string constants, tables) cannot be split by function and is shown whole.

/** Sections, imported function count, function body sizes and names of a wasm binary. */
export function readModule(bytes) {
  let at = 8;
  const u32 = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[at++];
      result |= (byte & 0x7f) << shift;
      if (!(byte & 0x80)) return result >>> 0;
      shift += 7;
    }
  };
  const name = () => {
    const n = u32();
    const s = Buffer.from(bytes.subarray(at, at + n)).toString('utf8');
    at += n;
    return s;
  };
  const limits = () => {
    const flags = bytes[at++];
    u32();
    if (flags & 1) u32();
  };
  const sections = [];
  let importedFunctions = 0;
  const bodies = [];
  const names = new Map();
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = u32();
    const start = at;
    const end = at + size;
    let label = String(id);
    if (id === 0) {
      label = `custom:${name()}`;
      if (label === 'custom:name') {
        while (at < end) {
          const sub = bytes[at++];
          const subSize = u32();
          const subEnd = at + subSize;
          if (sub === 1) {
            const count = u32();
            for (let i = 0; i < count; i++) {
              const index = u32();
              names.set(index, name());
            }
          }
          at = subEnd;
        }
      }
    } else if (id === 2) {
      const count = u32();
      for (let i = 0; i < count; i++) {
        name();
        name();
        const kind = bytes[at++];
        if (kind === 0) {
          u32();
          importedFunctions++;
        } else if (kind === 1) {
          at++;
          limits();
        } else if (kind === 2) limits();
        else if (kind === 3) at += 2;
        else if (kind === 4) {
          at++;
          u32();
        }
      }
    } else if (id === 10) {
      const count = u32();
      for (let i = 0; i < count; i++) {
        const bodyStart = at;
        const bodySize = u32();
        at += bodySize;
        bodies.push(at - bodyStart);
      }
    }
    label = { 1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global', 7: 'export', 8: 'start', 9: 'element', 10: 'code', 11: 'data', 12: 'datacount' }[id] ?? label;
    sections.push({ section: label, bytes: end - start });
    at = end;
  }
  const functions = bodies.map((size, i) => ({ name: names.get(importedFunctions + i) ?? `func[${importedFunctions + i}]`, size }));
  return { sections, functions };
}

// The readers: the parser crate (and the crates only it pulls in), and the engine's module that
// turns the parser's output into connectors.
export const READERS = {
  JSON: { crates: [], modules: ['msk_connect_lint::input::json', 'msk_connect_lint::input::read_json'] },
  properties: { crates: [], modules: ['msk_connect_lint::input::properties', 'msk_connect_lint::input::read_properties'] },
  YAML: {
    crates: ['saphyr_parser', 'arraydeque'],
    modules: ['msk_connect_lint::input::yaml', 'msk_connect_lint::input::read_yaml', 'msk_connect_lint::input::looks_like_yaml'],
  },
  HCL: {
    crates: ['hcl_edit', 'hcl_primitives', 'winnow', 'pratt', 'vecmap', 'fnv'],
    modules: ['msk_connect_lint::input::terraform', 'msk_connect_lint::input::module', 'msk_connect_lint::input::read_terraform', 'msk_connect_lint::input::looks_like_hcl'],
  },
};

/** The group a function belongs to: a reader's parser crate, a reader module, or a crate. */
export function classify(fnName) {
  // Every crate::path mentioned, in order (the function's own path, then its generic arguments);
  // a path's own segments after `>::` are not new paths. v0 names carry `crate[hash]`: dropped.
  const clean = fnName.replace(/\[[0-9a-f]+\]/g, '');
  const paths = [...clean.matchAll(/(?<![A-Za-z0-9_:>])([A-Za-z_][A-Za-z0-9_]*)(?:::[A-Za-z_][A-Za-z0-9_]*)+/g)].map((m) => m[0]);
  if (paths.length === 0) return { reader: null, part: null, crate: '(exports and wasm-bindgen shims)' };
  for (const path of paths) {
    for (const [reader, { crates, modules }] of Object.entries(READERS)) {
      if (modules.some((m) => path === m || path.startsWith(`${m}::`))) return { reader, part: 'reader module', crate: 'msk_connect_lint' };
      const crate = path.split('::')[0];
      if (crates.includes(crate)) return { reader, part: 'parser', crate };
    }
  }
  const crates = paths.map((p) => p.split('::')[0]);
  return { reader: null, part: null, crate: crates.find((c) => !['core', 'alloc', 'std'].includes(c)) ?? crates[0] };
}

/** Code bytes by reader (parser crates and reader module apart) and by crate. */
export function attribute(bytes) {
  const { sections, functions } = readModule(bytes);
  const readers = Object.fromEntries(Object.keys(READERS).map((r) => [r, { parser: 0, module: 0, functions: 0, crates: {} }]));
  const crates = {};
  let named = 0;
  for (const { name, size } of functions) {
    if (!name.startsWith('func[')) named++;
    const c = classify(name);
    crates[c.crate] = (crates[c.crate] ?? 0) + size;
    if (c.reader) {
      const r = readers[c.reader];
      r.functions++;
      if (c.part === 'parser') {
        r.parser += size;
        r.crates[c.crate] = (r.crates[c.crate] ?? 0) + size;
      } else r.module += size;
    }
  }
  const code = sections.find((s) => s.section === 'code')?.bytes ?? 0;
  const data = sections.find((s) => s.section === 'data')?.bytes ?? 0;
  const top = Object.entries(crates)
    .sort((a, b) => b[1] - a[1])
    .map(([crate, size]) => ({ crate, bytes: size }));
  return { total: bytes.length, code, data, functions: functions.length, named, sections, readers, crates: top };
}
