// The engine behind one promise-based API, wherever it runs: in a module worker when the browser
// allows it, otherwise on the main thread. Every call returns a promise; errors keep their
// name (InputError, OptionsError) and line/column.

let started;

/**
 * The page's engine, started once: engine-boot.js starts it as soon as the document is parsed,
 * before app.js and the modules it imports have loaded, and app.js takes the same promise.
 */
export function startEngine() {
  started ??= loadEngine();
  return started;
}

/** Resolves to `{ version, rules, where, call(op, ...args) }`; rejects when wasm cannot load. */
export async function loadEngine({ worker = true } = {}) {
  if (worker && typeof Worker === 'function') {
    try {
      return await workerEngine();
    } catch (error) {
      if (error?.name === 'EngineLoadError') throw error;
      console.warn('msk-connect-lint: no module worker, checking on the main thread:', error);
    }
  }
  return mainThreadEngine();
}

function workerEngine() {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./engine-worker.js', import.meta.url), { type: 'module' });
    const pending = new Map();
    let nextId = 1;
    let started = false;
    worker.addEventListener('error', (event) => {
      event.preventDefault?.();
      const error = new Error(event.message || 'the engine worker failed to start');
      if (!started) reject(error);
      for (const { reject: fail } of pending.values()) fail(error);
      pending.clear();
    });
    worker.addEventListener('message', ({ data }) => {
      if ('ready' in data) {
        started = true;
        if (!data.ready) {
          const error = errorFromJson(data.error);
          error.name = 'EngineLoadError';
          return reject(error);
        }
        const call = (op, ...args) =>
          new Promise((ok, fail) => {
            const id = nextId++;
            pending.set(id, { resolve: ok, reject: fail });
            worker.postMessage({ id, op, args });
          });
        return resolve({ version: data.version, rules: data.rules, where: 'worker', call });
      }
      const entry = pending.get(data.id);
      if (!entry) return;
      pending.delete(data.id);
      if (data.ok) entry.resolve(data.value);
      else entry.reject(errorFromJson(data.error));
    });
  });
}

async function mainThreadEngine() {
  const core = await import('./engine-core.js');
  let info;
  try {
    info = await core.initEngine();
  } catch (error) {
    error.name = 'EngineLoadError';
    throw error;
  }
  const call = async (op, ...args) => core.callEngine(op, args);
  return { ...info, where: 'main thread', call };
}

/** Errors cross postMessage as plain objects (see errorToJson in engine-core.js). */
function errorFromJson(json) {
  const error = new Error(json.message);
  error.name = json.name;
  if (json.line !== undefined) error.line = json.line;
  if (json.column !== undefined) error.column = json.column;
  return error;
}
