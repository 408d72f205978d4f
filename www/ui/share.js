// "Share link": the configuration with every secret value replaced by the engine's redaction,
// its format and policy, compressed into the URL's #fragment (never sent to a server); opening
// such a link restores them and checks the text.
import { MASK, decodeShare, encodeShare, maskMissedSecrets, sharePayload, shareNote } from '../share.js';
import { setText, toast } from './dom.js';
import { editorText } from './editor.js';
import { dom, state } from './state.js';

const count = (text, what) => text.split(what).length - 1;

/** Builds the link for the current text; shows it with what it holds. */
export async function makeShareLink() {
  const text = editorText();
  if (!text.trim()) return toast('Nothing to share: the editor is empty.');
  const format = dom.format.value;
  let redacted;
  try {
    redacted = await redactForShare(text, format === 'auto' ? {} : { format });
  } catch (error) {
    // Secrets can only be found in text the engine can read: no link rather than a leaky one.
    dom.shareResult.hidden = true;
    return toast(`No link: the text cannot be read (${error.message}), so its secrets cannot be found and removed.`);
  }
  const payload = await encodeShare({ text: redacted, format, policy: dom.policyText.value, failOn: dom.failOn.value });
  const url = `${location.origin}${location.pathname}#share=${payload}`;
  dom.shareUrl.value = url;
  setText(dom.sharePreview, redacted);
  dom.shareStatus.textContent = shareNote({ length: url.length, secrets: count(redacted, MASK) - count(text, MASK) });
  dom.shareResult.hidden = false;
  try {
    await navigator.clipboard.writeText(url);
    toast('Link copied to the clipboard');
  } catch {
    dom.shareUrl.select();
  }
  return url;
}

/**
 * The engine's redaction, then its secret rule (MSK120) on the result: values where the rule
 * still finds a literal secret are masked too, and the text is checked again. Throws rather
 * than give a link that still holds a secret.
 */
async function redactForShare(text, options) {
  let redacted = await state.engine.call('redact', text, options);
  for (let round = 0; round < 3; round++) {
    const { findings } = await state.engine.call('validate', redacted, { ...options, select: ['MSK120'] });
    const masked = maskMissedSecrets(redacted, findings);
    if (masked === redacted) return redacted;
    redacted = masked;
  }
  throw new Error('a secret in it cannot be masked');
}

/** When the page was opened from a share link: `{ text, format, policy, failOn }`, or null. */
export async function sharedInput() {
  const payload = sharePayload(location.hash);
  if (payload === null) return null;
  try {
    return await decodeShare(payload);
  } catch (error) {
    toast(`The shared link cannot be opened: ${error.message}.`);
    return null;
  }
}

/** Puts a shared configuration's format and policy in place (the caller sets the text). */
export function applySharedOptions({ format, policy, failOn }) {
  if ([...dom.format.options].some((o) => o.value === format)) dom.format.value = format;
  if ([...dom.failOn.options].some((o) => o.value === failOn)) dom.failOn.value = failOn;
  dom.policyText.value = policy;
  if (policy) dom.policy.open = true;
}

/** A link made for an earlier text is not this text's: hide it after an edit. */
export function hideShareLink() {
  dom.shareResult.hidden = true;
}

export function setUpShare() {
  dom.share.addEventListener('click', () => makeShareLink());
  dom.shareUrl.addEventListener('focus', () => dom.shareUrl.select());
}
