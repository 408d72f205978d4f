// What the page derives from a report, without the DOM: ordering, grouping, the secret guard on
// fix values, the CLI-shaped JSON export and the Markdown export. The tests run it under Node.
import { HIDDEN_CHARS, revealHidden } from './markdown.js';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
const RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i]));

export const REMEDIATION_TABS = [
  ['console', 'Console'],
  ['awsCli', 'AWS CLI'],
  ['terraform', 'Terraform'],
  ['cloudformation', 'CloudFormation'],
];

/** Worst severity first, then by line, then by code. */
export function bySeverity(a, b) {
  return (
    RANK[a.severity] - RANK[b.severity] ||
    (a.range?.start.line ?? 0) - (b.range?.start.line ?? 0) ||
    (a.range?.start.column ?? 0) - (b.range?.start.column ?? 0) ||
    a.code.localeCompare(b.code)
  );
}

/** `[{ connector, findings }]` in connector order, each connector's findings worst first. */
export function groupByConnector(report) {
  const groups = report.connectors.map((connector) => ({ connector, findings: [] }));
  const orphans = [];
  for (const finding of report.findings) (groups[finding.connector]?.findings ?? orphans).push(finding);
  for (const group of groups) group.findings.sort(bySeverity);
  if (orphans.length) groups.push({ connector: null, findings: orphans.sort(bySeverity) });
  return groups;
}

/** A connector's display name: its name, else its class's last segment, else its family. */
export function connectorLabel(connector, index) {
  if (!connector) return 'Other findings';
  if (connector.name) return connector.name;
  if (connector.class) return connector.class.split('.').pop();
  return connector.family === 'worker' ? 'Worker configuration' : `Connector ${index + 1}`;
}

const REFERENCE = /^\$\{[^}]*\}$/;
const SECRET_KEY =
  /(pass(word|wd|phrase)?|pwd|secret|token|credential|private[._-]?key|api[._-]?key|access[._-]?key|user\.info|auth\.header)$/i;
const MASK = '****';

/**
 * Masks what could be a secret inside a value the page is about to show or export: a value of a
 * secret-named key, a URL's password, `password=` style parameters, a JAAS password, an
 * `Authorization` header. Config-provider references (`${secretsmanager:...}`) are not secrets
 * and stay. The engine already redacts its messages; this guards the fix values it returns.
 */
export function redactValue(key, value) {
  if (typeof value !== 'string' || value === '') return value;
  if (key && SECRET_KEY.test(key) && !REFERENCE.test(value.trim())) return MASK;
  const keep = (secret) => secret.startsWith('${') || secret === MASK || secret === '';
  return value
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:)([^@\s/]*)(@)/gi, (m, a, secret, b) => (keep(secret) ? m : a + MASK + b))
    .replace(
      /([?&;]\s*(?:password|passwd|pwd|secret|token|access_token|client_secret|api_?key|sig|signature)\s*=\s*)("[^"]*"|[^&;\s]*)/gi,
      (m, a, secret) => (keep(secret.replace(/^"|"$/g, '')) ? m : a + MASK),
    )
    .replace(/(\bpassword\s*=\s*)("[^"]*"|'[^']*')/gi, (m, a, quoted) =>
      keep(quoted.slice(1, -1)) ? m : `${a}${quoted[0]}${MASK}${quoted[0]}`,
    )
    .replace(/(\bauthorization\s*:\s*)([^|,\n]+)/gi, (m, a, secret) => (keep(secret.trim()) ? m : a + MASK));
}

function redactFinding(finding) {
  if (!finding?.fix?.edits?.length) return finding;
  return {
    ...finding,
    fix: {
      ...finding.fix,
      edits: finding.fix.edits.map((edit) => ({ ...edit, value: redactValue(edit.key ?? edit.pointer, edit.value) })),
    },
  };
}

/** A copy of the report whose fix values went through `redactValue`. */
export function redactReport(report) {
  return {
    ...report,
    findings: report.findings.map(redactFinding),
    suppressed: (report.suppressed ?? []).map((s) => ({ ...s, finding: redactFinding(s.finding) })),
  };
}

/** The JSON export: the shape of the CLI's `--format json`, so the same tooling reads both. */
export function cliJson(report, path) {
  const safe = redactReport(report);
  return { tool: safe.tool, files: [{ path, report: safe }], summary: safe.summary, passed: safe.passed };
}

/**
 * JSON text for an export, hidden characters (bidi, zero-width) written as `\u202e` escapes: the
 * same data for any JSON reader, and visible to anyone who opens the file in an editor.
 */
export function jsonText(value) {
  return `${JSON.stringify(value, null, 2).replace(HIDDEN_CHARS, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

/** Counts as a phrase: "1 high, 2 low", or "no findings". */
export function summaryPhrase(summary) {
  const parts = SEVERITIES.filter((s) => summary[s]).map((s) => `${summary[s]} ${s}`);
  return parts.length ? parts.join(', ') : 'no findings';
}

/** "line 12, column 5" (or the pointer when the finding has no text position). */
export function where(finding) {
  if (finding.range) return `line ${finding.range.start.line}, column ${finding.range.start.column}`;
  return finding.pointer || 'the input';
}

/** An edit as a sentence fragment: set `key` = `value`, or remove `key`. */
export function editParts(edit) {
  const target = edit.key ?? edit.pointer;
  if (edit.value === null || edit.value === undefined) return { verb: 'remove', target, value: null };
  return { verb: 'set', target, value: redactValue(target, edit.value) };
}

function code(text) {
  const s = String(text);
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/**
 * Outside code spans, `<` and `>` are escaped, so a value like `<img onerror>` stays text, and
 * so are Markdown's link and emphasis marks, so a key like `[fix](javascript:x)` is no link.
 */
function prose(text) {
  return String(text)
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 ? part : part.replace(/[\\[\]*_!]/g, '\\$&').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('')
    .replace(/\n/g, ' ');
}

function fenced(text, lang = '') {
  const longest = Math.max(2, ...(String(text).match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${String(text).replace(/\n$/, '')}\n${fence}`;
}

const LANG = { console: '', awsCli: 'sh', terraform: 'hcl', cloudformation: 'yaml' };

/** The report as Markdown (for a pull request, a ticket, a wiki page). */
export function reportToMarkdown(report, { path = 'input', failOn = 'high' } = {}) {
  const safe = redactReport(report);
  const out = [];
  const formats = [...new Set(safe.connectors.map((c) => c.format))];
  out.push(`# msk-connect-lint report: ${code(path)}`, '');
  out.push(
    `- Result: **${safe.passed ? 'pass' : 'fail'}** (fails on ${failOn === 'none' ? 'nothing' : `${failOn} or worse`})`,
    `- Findings: ${summaryPhrase(safe.summary)}`,
    `- Format: ${formats.length ? formats.map(code).join(', ') : 'none detected'}; connectors: ${safe.connectors.length}`,
    `- Tool: ${safe.tool.name} ${safe.tool.version}`,
    '',
  );
  for (const [i, { connector, findings }] of groupByConnector(safe).entries()) {
    out.push(`## ${prose(connectorLabel(connector, i))}`, '');
    if (connector) {
      const facts = [connector.class && `class ${code(connector.class)}`, `family ${code(connector.family)}`, `format ${code(connector.format)}`];
      out.push(facts.filter(Boolean).join(', '), '');
    }
    if (!findings.length) {
      out.push('No findings.', '');
      continue;
    }
    for (const f of findings) {
      out.push(`### ${f.severity}: ${f.code} ${code(f.name)} (${where(f)})`, '');
      out.push(prose(f.message), '');
      out.push(`**What to do:** ${prose(f.help)}`, '');
      if (f.fix) {
        out.push(`**Fix** (${f.fix.applicability}): ${prose(f.fix.title)}`, '');
        for (const edit of f.fix.edits) {
          const e = editParts(edit);
          out.push(e.verb === 'remove' ? `- remove ${code(e.target)}` : `- set ${code(e.target)} = ${code(e.value)}`);
        }
        out.push('');
      }
      for (const [key, label] of REMEDIATION_TABS) {
        if (!f.remediation?.[key]) continue;
        out.push(`**${label}**`, '', fenced(f.remediation[key], LANG[key]), '');
      }
      if (f.references?.length) out.push(`References: ${f.references.map((r) => `<${r}>`).join(', ')}`, '');
      if (f.compliance?.length) out.push(`Compliance: ${f.compliance.map(prose).join('; ')}`, '');
    }
  }
  if (safe.suppressed?.length) {
    out.push('## Suppressed by policy', '');
    for (const s of safe.suppressed) {
      out.push(`- ${s.finding.code} (${where(s.finding)}): ${prose(s.finding.message)}. Reason: ${prose(s.reason)}${s.expires ? ` (until ${s.expires})` : ''}`);
    }
    out.push('');
  }
  if (safe.expiredExceptions?.length) {
    out.push('## Expired exceptions', '');
    for (const e of safe.expiredExceptions) out.push(`- ${e.rule}: expired ${e.expires}. ${prose(e.reason)}`);
    out.push('');
  }
  out.push('Secret values are redacted: this report never contains passwords, keys or tokens from the input.', '');
  // Hidden characters as visible escapes (`\u202E`): a reader of the report must see them too.
  return revealHidden(out.join('\n'));
}

/** Offsets of each line start in `text` (line 1 at index 0). */
export function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** A 1-based line and UTF-16 column as an offset into `text` (clamped to the text). */
export function offsetOf(text, starts, { line, column }) {
  const l = Math.min(Math.max(1, line), starts.length);
  const lineEnd = l < starts.length ? starts[l] - 1 : text.length;
  return Math.min(starts[l - 1] + Math.max(1, column) - 1, lineEnd);
}

/**
 * A file name for an export: the input's base name with a new suffix. Hidden characters become
 * `_`: a U+202E in a download's name makes "report\u202Etxt.exe" read as "reportexe.txt".
 */
export function exportName(path, suffix) {
  const base = (path || 'config').replace(HIDDEN_CHARS, '_').replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || 'config';
  return `${base}${suffix}`;
}
