// Share links, without the DOM: a configuration (already redacted by the engine), its format and
// policy, compressed (deflate-raw, CompressionStream) into base64url for the URL's #fragment,
// which browsers never send to a server. Works the same under Node (the unit tests).
import { lineStarts, offsetOf } from './report.js';

export const SHARE_PREFIX = 'share=';
/** Above this many characters, some chat and mail apps cut links. */
export const LONG_LINK = 64 * 1024;

/** `{ text, format, policy, failOn }` → the fragment's payload (no leading `#share=`). */
export async function encodeShare({ text, format = 'auto', policy = '', failOn = 'high' }) {
  const json = JSON.stringify({ v: 1, text, format, policy, failOn });
  const bytes = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
  return toBase64Url(bytes);
}

/** The fragment's payload → `{ text, format, policy, failOn }`; throws on anything else. */
export async function decodeShare(payload) {
  if (!/^[A-Za-z0-9_-]*$/.test(payload)) throw new Error('the link is damaged (characters that base64url has not)');
  let json;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(fromBase64Url(payload), new DecompressionStream('deflate-raw')));
  } catch {
    throw new Error('the link is damaged or cut short (it does not decompress)');
  }
  const data = JSON.parse(json);
  if (data?.v !== 1 || typeof data.text !== 'string') throw new Error('the link was made by another version of this page');
  const str = (value, fallback) => (typeof value === 'string' ? value : fallback);
  return { text: data.text, format: str(data.format, 'auto'), policy: str(data.policy, ''), failOn: str(data.failOn, 'high') };
}

export const MASK = '****';

/**
 * `text` (already through the engine's redaction) with the values of `findings` (the engine's
 * MSK120, plaintext-secret, on that text) masked where the redaction left a literal secret: the
 * rule knows more secrets than the redaction does (an Authorization header in `headers`, a PEM
 * private key under a key not named like a secret). A value already holding `****` is redacted;
 * info findings (a `${VAR}` template) hold no secret. Quotes around a value stay.
 */
export function maskMissedSecrets(text, findings) {
  const starts = lineStarts(text);
  const spans = findings
    .filter((f) => f.code === 'MSK120' && f.severity !== 'info' && f.range)
    .map((f) => [offsetOf(text, starts, f.range.start), offsetOf(text, starts, f.range.end)])
    .filter(([from, to]) => to > from && !text.slice(from, to).includes(MASK))
    .sort((a, b) => b[0] - a[0]);
  let out = text;
  let last = Infinity;
  for (const [from, to] of spans) {
    if (to > last) continue; // overlaps one already masked
    const value = out.slice(from, to);
    const quote = /^(["'])[\s\S]*\1$/.exec(value)?.[1] ?? '';
    out = `${out.slice(0, from)}${quote}${MASK}${quote}${out.slice(to)}`;
    last = from;
  }
  return out;
}

/** The payload of a location hash (`#share=…`), or null when it is not a share link. */
export function sharePayload(hash) {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  return h.startsWith(SHARE_PREFIX) ? h.slice(SHARE_PREFIX.length) : null;
}

/** The note shown with a link just made. */
export function shareNote({ length, secrets }) {
  const kb = Math.round(length / 1024);
  const parts = [secrets ? `${secrets} secret value${secrets === 1 ? '' : 's'} replaced by ****.` : 'No secret values found.'];
  if (length > LONG_LINK) parts.push(`The link is ${kb} KB long: some apps cut links that long.`);
  return parts.join(' ');
}

async function pipe(bytes, transform) {
  const stream = new Blob([bytes]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
