// What the page says about a report, an input or a fix result, as strings and plain data: no DOM,
// so the tests run it under Node. The ui/ modules turn these into elements.
import { SEVERITIES, connectorLabel, exportName, groupByConnector, summaryPhrase } from './report.js';

export const DEBOUNCE_MS = 250;
/** Above this, live checking pauses (the Check button and Ctrl+Enter still work). */
export const LIVE_LIMIT = 256 * 1024;
export const FILE_LIMIT = 20 * 1024 * 1024;

/** "1 finding", "2 findings"; `plural` is the word's plural when adding "s" is wrong. */
function count(n, word, plural = `${word}s`) {
  return `${n} ${n === 1 ? word : plural}`;
}

export function countLines(text) {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** How long live checking waits after an edit: longer for longer texts, never over a second. */
export function liveDelay(length) {
  return Math.min(1000, DEBOUNCE_MS + Math.floor(length / 1000));
}

/** The line under the editor: size, the live-checking pause, a note ("read as ISO-8859-1"). */
export function inputStatusText(text, { bytes, live, note = '' }) {
  const parts = [];
  if (text) {
    parts.push(`${countLines(text).toLocaleString('en')} lines, ${formatBytes(bytes)}`);
    if (text.length > LIVE_LIMIT && live) parts.push('live checking pauses above 256 KB: press Check (Ctrl+Enter)');
  }
  if (note) parts.push(note);
  return parts.join(' · ');
}

/**
 * The policy box's text as engine options: `{ options, failOn? }` or `{ error }`. `failOn` is the
 * policy's own threshold when it is one of `failOnValues` (the page's select shows it).
 */
export function parsePolicy(text, failOnValues) {
  const trimmed = text.trim();
  if (!trimmed) return { options: {} };
  let policy;
  try {
    policy = JSON.parse(trimmed);
  } catch (error) {
    return { error: `The policy is not valid JSON: ${error.message}` };
  }
  if (!policy || typeof policy !== 'object' || Array.isArray(policy)) return { error: 'The policy must be a JSON object.' };
  const options = { ...policy };
  // The select decides the threshold; `exclude` names files, and the page has only one.
  delete options.failOn;
  delete options.exclude;
  const failOn = typeof policy.failOn === 'string' && failOnValues.includes(policy.failOn) ? policy.failOn : undefined;
  return failOn ? { options, failOn } : { options };
}

/** The verdict line: `{ className, word, text }`, e.g. "Fail" + " 2 findings, 1 at or above high (fails on high or worse)." */
export function verdict(report, failOn) {
  const total = report.findings.length;
  const rank = SEVERITIES.indexOf(failOn);
  const atOrAbove = rank < 0 ? 0 : report.findings.filter((f) => SEVERITIES.indexOf(f.severity) <= rank).length;
  const threshold =
    failOn === 'none' ? 'never fails' : failOn === 'info' ? 'fails on any finding' : `fails on ${failOn}${failOn === 'critical' ? '' : ' or worse'}`;
  return {
    className: `verdict ${report.passed ? 'verdict-pass' : 'verdict-fail'}`,
    word: report.passed ? 'Pass' : 'Fail',
    text: ` ${total ? count(total, 'finding') : 'No findings'}${rank >= 0 && atOrAbove ? `, ${atOrAbove} at or above ${failOn}` : ''} (${threshold}).`,
  };
}

/** The verdict when the engine refused the input or the options. */
export function errorVerdict(error) {
  if (error.name === 'OptionsError') return 'The policy or options are invalid.';
  return typeof error.line === 'number'
    ? `The input cannot be read: line ${error.line}, column ${error.column}.`
    : 'The input cannot be read.';
}

/** The one-character range an input error points at, or null when it has no position. */
export function errorRange(error) {
  if (typeof error.line !== 'number') return null;
  return { start: { line: error.line, column: error.column }, end: { line: error.line, column: error.column + 1 } };
}

/** "Detected properties: 1 connector." */
export function detectedText(report) {
  const n = report.connectors.length;
  if (!n) return 'No connector found.';
  const formats = [...new Set(report.connectors.map((c) => c.format))];
  return `Detected ${formats.join(', ')}: ${count(n, 'connector')}.`;
}

/** The findings panel's sections: each connector's findings worst first, with their report index. */
export function findingGroups(report) {
  // A map, not indexOf: a 5 MB input has tens of thousands of findings (indexOf made it quadratic).
  const indexOf = new Map(report.findings.map((finding, index) => [finding, index]));
  return groupByConnector(report).map(({ connector, findings }, i) => ({
    label: connectorLabel(connector, i),
    heading: findings.length ? count(findings.length, 'finding') : 'no findings',
    findings: findings.map((finding) => ({ finding, index: indexOf.get(finding) })),
  }));
}

/**
 * How many finding cards the panel draws at first, and adds with each "Show more": drawing tens
 * of thousands at once freezes the page for seconds; the exports always hold all of them.
 */
export const FINDINGS_SHOWN = 200;
/** Findings underlined in the editor, at most (the first ones in the report, so in text order). */
export const DIAGNOSTICS_SHOWN = 2000;
/** Rows of the Fixed config diff, at most (the downloads hold the whole diff). */
export const DIFF_ROWS_SHOWN = 2000;
/** Connector chips above the findings, at most. */
export const CONNECTORS_SHOWN = 50;

/**
 * The first `limit` finding cards of `groups` (in order): `{ groups, shown, hidden }`, where a
 * group cut short has `more` (its findings not drawn), and groups past the limit are left out.
 */
export function limitGroups(groups, limit) {
  const out = [];
  let shown = 0;
  let hidden = 0;
  for (const group of groups) {
    const room = Math.max(0, limit - shown);
    if (!room) {
      hidden += group.findings.length;
      continue;
    }
    const findings = group.findings.slice(0, room);
    shown += findings.length;
    hidden += group.findings.length - findings.length;
    out.push({ ...group, findings, more: group.findings.length - findings.length });
  }
  return { groups: out, shown, hidden };
}

/** The note under a list cut short: "Showing 200 of 31,676 findings; 31,476 more are not shown …". */
export function hiddenNote({ shown, hidden }) {
  const total = shown + hidden;
  return `Showing ${shown.toLocaleString('en')} of ${count(total, 'finding').replace(/^\d+/, total.toLocaleString('en'))}: ${hidden.toLocaleString('en')} more ${hidden === 1 ? 'is' : 'are'} not shown here, to keep the page responsive. The exports (JSON, SARIF, Markdown) hold all of them.`;
}

/**
 * The result tabs' badges: `{ findings, fixed }`, each `null` (no badge) or `{ text, title? }`.
 * The Fixed config badge counts the safe fixes, or else the unsafe ones (which apply only with
 * "Include unsafe fixes"); manual fixes change nothing in the text, so they earn no badge.
 */
export function tabBadges(report) {
  if (!report) return { findings: null, fixed: null };
  const applicable = (kind) => report.findings.filter((f) => f.fix?.applicability === kind).length;
  const safe = applicable('safe');
  const unsafe = applicable('unsafe');
  let fixed = null;
  if (safe) fixed = { text: `${safe} safe`, title: `${count(safe, 'safe fix', 'safe fixes')} available` };
  else if (unsafe) fixed = { text: `${unsafe} unsafe`, title: `No safe fix; ${count(unsafe, 'unsafe fix', 'unsafe fixes')} with "Include unsafe fixes"` };
  return { findings: { text: String(report.findings.length) }, fixed };
}

export const FIX_LABELS = { safe: 'safe fix', unsafe: 'unsafe fix', 'display-only': 'manual fix' };
export const RULE_FIX_LABELS = { none: 'no fix', sometimes: 'fix sometimes', always: 'fix' };

/**
 * What the Fixed config tab says above the diff, from the engine's `fix` result and whether
 * unsafe fixes were asked for: `{ headline, details }`.
 */
export function fixSummary({ applied, remaining, unsafeFixes }) {
  const unsafeLeft = remaining.findings.filter((f) => f.fix?.applicability === 'unsafe').length;
  const manual = remaining.findings.filter((f) => !f.fix || f.fix.applicability === 'display-only').length;
  return {
    headline: applied.length ? `${count(applied.length, 'fix', 'fixes')} applied` : 'No fix applies',
    details:
      `; after them: ${summaryPhrase(remaining.summary)} (${remaining.passed ? 'passes' : 'still fails'}).` +
      (!unsafeFixes && unsafeLeft ? ` ${unsafeLeft} more with unsafe fixes.` : '') +
      (manual ? ` ${manual} need${manual === 1 ? 's' : ''} a change outside the file (see the remediation).` : ''),
  };
}

/** What the Fixed config tab shows when there is no usable fix result. */
export function fixedPlaceholder({ fixError, inputError, report }) {
  if (fixError) return `The fixes could not be applied: ${fixError.message}`;
  if (inputError) return 'Fix the input error first.';
  if (report) return 'Applying the fixes…';
  return 'Check a configuration to see it with the fixes applied.';
}

/** The suffix of a suppressed finding's line. */
export function suppressedNote(s) {
  return ` Reason: ${s.reason}${s.expires ? ` (until ${s.expires})` : ''}`;
}

export function expiredText(exceptions) {
  return exceptions.map((e) => `${e.rule} (expired ${e.expires}: ${e.reason})`).join('; ');
}

/** A reference link's text: host and the start of the path. */
export function shortUrl(url) {
  try {
    const u = new URL(url);
    return u.hostname.replace(/^www\./, '') + (u.pathname.length > 1 ? u.pathname.replace(/\/$/, '').replace(/^(.{0,40}).*$/, '$1') : '');
  } catch {
    return url;
  }
}

/** The input's file name for exports; without one, a name that fits the detected format. */
export function inputName(name, report) {
  if (name) return name;
  const format = report?.connectors[0]?.format;
  return format === 'properties' || format === 'msk-worker-configuration' ? 'config.properties' : 'config.json';
}

/** "s3-sink.fixed.properties": the fixed config keeps the input's extension. */
export function fixedName(name, report) {
  const base = inputName(name, report);
  const ext = /\.[^.\\/]+$/.exec(base)?.[0] ?? '';
  return exportName(base, `.fixed${ext}`);
}

/** What the rule search matches against. */
export function ruleSearchText(rule) {
  return [rule.code, rule.name, rule.severity, rule.category, rule.summary, rule.docs].join('\n').toLowerCase();
}

export function searchTerms(query) {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

export function matchesTerms(searchText, terms) {
  return terms.every((t) => searchText.includes(t));
}

export function ruleCountText(shown, total, filtering) {
  return filtering ? `${shown} of ${total} rules match.` : `${total} rules.`;
}

/** A hash (without '#') as `{ rules, code }`: `rules/msk010` is the catalogue at MSK010, `check` the checker. */
export function routeOf(hash) {
  const rules = hash === 'rules' || hash.startsWith('rules/');
  return { rules, code: hash.startsWith('rules/') ? hash.slice(6).toUpperCase() : '' };
}

/** CodeMirror's four diagnostic severities for the engine's five (the gutter mark's colour). */
const DIAGNOSTIC_SEVERITY = { critical: 'error', high: 'error', medium: 'warning', low: 'info', info: 'hint' };

/** A finding as an editor diagnostic: severity, the underline's class, source and plain message. */
export function diagnosticOf(finding) {
  return {
    severity: DIAGNOSTIC_SEVERITY[finding.severity] ?? 'info',
    markClass: `cm-sev-${finding.severity}`,
    source: `${finding.code} ${finding.name} (${finding.severity})`,
    message: `${finding.code}: ${finding.message.replace(/`/g, '')}`,
  };
}

/** The editor's action for a finding's fix: "Apply fix", "Apply unsafe fix", or null (none or manual). */
export function fixActionName(finding) {
  if (finding.fix?.applicability === 'safe') return 'Apply fix';
  if (finding.fix?.applicability === 'unsafe') return 'Apply unsafe fix';
  return null;
}

const HCL_FORMATS = new Set(['terraform-hcl']);
const YAML_FORMATS = new Set(['strimzi']);
const PROPERTIES_FORMATS = new Set(['properties', 'msk-worker-configuration', 'mirrormaker2']);

/**
 * The editor's highlighting for a text: from the format the engine detected when there is a
 * report, else from the text itself. "json", "yaml", "hcl", "properties", or "text" when empty.
 */
export function languageOf(text, report = null) {
  const format = report?.connectors?.[0]?.format;
  if (format) {
    if (HCL_FORMATS.has(format)) return 'hcl';
    if (YAML_FORMATS.has(format)) return 'yaml';
    if (PROPERTIES_FORMATS.has(format)) return 'properties';
    return 'json';
  }
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  const first = /\S/.exec(head)?.[0];
  if (!first) return 'text';
  if (first === '{' || first === '[') return 'json';
  if (/^\s*(resource|data|variable|module|provider|locals|terraform)\s+("[^"]*"\s*)*\{/m.test(head)) return 'hcl';
  if (/^---\s*$/m.test(head) || /^\s*(apiVersion|kind|metadata|spec)\s*:/m.test(head) || /^[A-Za-z_][\w.-]*:\s+\S/m.test(head) && !/^[^#!\s][^=\n]*=/m.test(head)) return 'yaml';
  return 'properties';
}

/**
 * Options that make the engine's `fix` apply one finding's fix: its rule only (unsafe fixes
 * when it is one), and exceptions for the rule's other findings in `report`, unless one would
 * match this finding too (then they are fixed together, as the engine cannot tell them apart).
 */
export function oneFixOptions(options, finding, report) {
  const connectorName = (f) => report?.connectors?.[f.connector]?.name ?? null;
  const exceptions = [...(options.exceptions ?? [])];
  for (const other of report?.findings ?? []) {
    if (other === finding || other.code !== finding.code) continue;
    const exception = { rule: finding.code, reason: 'the page applies one fix at a time' };
    if (other.key) exception.key = other.key;
    if (connectorName(other)) exception.connector = connectorName(other);
    const matchesThis =
      (!exception.key || exception.key === finding.key) && (!exception.connector || exception.connector === connectorName(finding));
    if (!matchesThis) exceptions.push(exception);
  }
  const { ignore, ...rest } = options;
  return { ...rest, select: [finding.code], exceptions, unsafeFixes: finding.fix?.applicability === 'unsafe' };
}
