// Start-up: the only module that touches the page when it loads. It binds the elements, wires
// the ui/ modules to each other (where one would otherwise import another that imports it back),
// loads the editor (pkg/codemirror.js, bundled by `make build`) and the engine at the same time,
// and runs the first check. Each ui/ module holds one part of the page.
import { startEngine } from './engine.js';
import { route, renderRules, setUpCatalogue } from './ui/catalogue.js';
import { checkNow, fixOne } from './ui/check.js';
import { el } from './ui/dom.js';
import { editorText, focusEditor, mountEditor, setUpEditor } from './ui/editor.js';
import { setUpExports } from './ui/exports.js';
import { ensureFixed, setUpFixed } from './ui/fixed.js';
import { onEdit, setInput, setUpInput, updateInputStatus } from './ui/input.js';
import { setUpSamples } from './ui/samples.js';
import { bindDom, dom, state } from './ui/state.js';
import { applySharedOptions, hideShareLink, setUpShare, sharedInput } from './ui/share.js';
import { selectTab, setUpResultTabs } from './ui/tabs.js';

function showLoadError(error) {
  document.documentElement.dataset.engine = 'error';
  dom.results.dataset.state = 'unavailable';
  const fromDisk = location.protocol === 'file:';
  dom.loadError.hidden = false;
  dom.loadError.replaceChildren(
    el('strong', { text: 'The checker could not be loaded. ' }),
    fromDisk
      ? 'Pages opened straight from disk cannot load WebAssembly: serve the folder over HTTP (`make serve`, or any static file server).'
      : 'It needs a browser with WebAssembly, and the files built by `make build` (www/pkg/) next to this page.',
    el('br'),
    el('span', { class: 'muted', text: `Details: ${error?.message ?? error}` }),
  );
  dom.verdict.className = 'verdict verdict-error';
  dom.verdict.textContent = 'The checker is not available, so nothing can be checked.';
  dom.checkNow.disabled = true;
}

async function start() {
  document.documentElement.dataset.started = 'true';
  // Both at once: the editor bundle and the engine (started by engine-boot.js) load in parallel.
  const editorBundle = import('./pkg/codemirror.js');
  const enginePromise = startEngine().then(
    (engine) => ({ engine }),
    (error) => ({ error }),
  );
  bindDom(document);
  try {
    mountEditor(await editorBundle, {
      onChange: () => {
        hideShareLink();
        onEdit();
      },
      onCheck: () => checkNow(),
      applyFix: fixOne,
    });
  } catch (error) {
    showLoadError(error);
    return;
  }
  performance.mark('mcl:editor');
  setUpEditor();
  setUpInput();
  setUpResultTabs({ showFixed: ensureFixed });
  setUpFixed({
    useAsInput: (text) => {
      setInput(text, { name: state.name, note: 'fixes applied' });
      selectTab(0, false);
      focusEditor();
    },
  });
  setUpExports();
  setUpShare();
  setUpCatalogue();
  document.querySelector('.skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    if (!dom.viewCheck.hidden) return focusEditor();
    location.hash = 'check';
  });
  addEventListener('hashchange', route);
  dom.verdict.textContent = 'Loading the checker…';
  const samples = setUpSamples();

  const { engine, error } = await enginePromise;
  performance.mark('mcl:engine');
  if (error) {
    showLoadError(error);
    await samples;
    route();
    return;
  }
  state.engine = engine;
  for (const rule of engine.rules) state.rules.set(rule.code, rule);
  dom.version.textContent = `v${engine.version}`;
  dom.footerVersion.textContent = engine.version;
  renderRules(engine.rules);
  performance.mark('mcl:rules');
  // For the tests and for the curious: the page's own engine, as promises.
  window.mskConnectLint = Object.freeze({
    validate: (input, options) => engine.call('validate', input, options),
    fix: (input, options) => engine.call('fix', input, options),
    rules: () => engine.call('rules'),
    toSarif: (reports) => engine.call('toSarif', reports),
    redact: (input, options) => engine.call('redact', input, options),
    version: () => engine.version,
    where: engine.where,
  });
  await samples;
  performance.mark('mcl:ready');
  document.documentElement.dataset.readyMs = String(Math.round(performance.now()));
  document.documentElement.dataset.engine = 'ready';
  route();
  // A share link: its configuration, format and policy, checked (setInput checks).
  const shared = await sharedInput();
  if (shared) {
    applySharedOptions(shared);
    setInput(shared.text, { name: 'shared link', note: 'from a shared link: secret values read ****' });
    return;
  }
  if (editorText()) updateInputStatus();
  checkNow();
}

start();
