// Checking: when to check (live, debounced, or on demand), the options from the page's controls,
// one engine call at a time, and handing the outcome to the views.
import { DEBOUNCE_MS, LIVE_LIMIT, liveDelay, oneFixOptions, parsePolicy } from '../present.js';
import { toast } from './dom.js';
import { setExportsEnabled } from './exports.js';
import { renderEmpty, renderError, renderReport, resetSummary } from './findings.js';
import { refreshFixed } from './fixed.js';
import { editorText, showFindings } from './editor.js';
import { dom, state } from './state.js';
import { renderTabCounts } from './tabs.js';

/** After an edit: checks after a pause, unless live checking is off or the text too long. */
export function scheduleCheck() {
  clearTimeout(state.timer);
  const text = editorText();
  if (!dom.live.checked || text.length > LIVE_LIMIT) {
    if (text !== state.checkedText) markStale();
    return;
  }
  state.timer = setTimeout(checkNow, liveDelay(text.length));
}

/** Checks once the policy text has not changed for a moment. */
export function checkSoon() {
  clearTimeout(state.timer);
  state.timer = setTimeout(checkNow, DEBOUNCE_MS);
}

function markStale() {
  if (state.checkedText !== null) dom.results.classList.add('stale');
  dom.timing.textContent = 'not checked since the last edit';
}

function currentOptions() {
  const policy = parsePolicy(dom.policyText.value, [...dom.failOn.options].map((o) => o.value));
  if (policy.failOn) dom.failOn.value = policy.failOn;
  dom.policyError.textContent = policy.error ?? '';
  if (policy.error) dom.policy.open = true;
  const options = { ...(policy.options ?? {}), failOn: dom.failOn.value };
  if (dom.format.value !== 'auto') options.format = dom.format.value;
  return options;
}

export async function checkNow() {
  clearTimeout(state.timer);
  if (!state.engine) return;
  if (state.running) {
    state.pending = true;
    return;
  }
  const text = editorText();
  const options = currentOptions();
  state.running = true;
  dom.results.dataset.state = 'checking';
  dom.results.setAttribute('aria-busy', 'true');
  const started = performance.now();
  performance.mark('mcl:check-start');
  try {
    if (!text.trim()) {
      show({ text: '' });
    } else {
      try {
        const report = await state.engine.call('validate', text, options);
        show({ text, report, options, ms: performance.now() - started });
      } catch (error) {
        show({ text, error, ms: performance.now() - started });
      }
    }
  } finally {
    state.running = false;
    state.checks++;
    performance.mark('mcl:rendered', { detail: state.checks });
    dom.results.dataset.checks = String(state.checks);
    dom.results.removeAttribute('aria-busy');
    if (state.pending) {
      state.pending = false;
      checkNow();
    }
  }
}

/** One check's outcome: a report, an error, or (neither) an empty input. */
function show({ text, report = null, error = null, options, ms }) {
  state.report = report;
  state.error = error;
  if (report) state.options = options;
  state.checkedText = text;
  state.fixed = null;
  resetSummary();
  setExportsEnabled(Boolean(report));
  renderTabCounts(report);
  if (report) renderReport(report, options, ms);
  else if (error) renderError(error, ms);
  else renderEmpty();
  if (!error) showFindings(report, text);
  refreshFixed();
}

/**
 * The editor's "Apply fix" for one finding: the engine fixes the current text with only that
 * finding's rule selected, and exceptions for the rule's other findings; resolves to the fixed
 * text, or null (with a message) when the fix cannot be made as text.
 */
export async function fixOne(finding) {
  const text = editorText();
  let outcome;
  try {
    outcome = await state.engine.call('fix', text, oneFixOptions(currentOptions(), finding, state.report));
  } catch (error) {
    toast(`The fix cannot be applied: ${error.message}`);
    return null;
  }
  if (!outcome.applied.some((f) => f.code === finding.code)) {
    toast(`${finding.code}'s fix cannot be made in this text; see the finding for what to change.`);
    return null;
  }
  return outcome.output;
}
