// The Samples menu: a menu button with arrow-key navigation, filled from samples/index.json.
import { el, toast } from './dom.js';
import { focusEditor } from './editor.js';
import { setInput } from './input.js';
import { dom } from './state.js';

/** Wires the menu at once; resolves once the list is loaded (or shows why it is not). */
export async function setUpSamples() {
  const button = dom.samplesButton;
  const items = () => [...dom.samplesList.querySelectorAll('button')];
  const open = (focusFirst) => {
    dom.samplesMenu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    if (focusFirst) items()[0]?.focus();
  };
  const close = (focusButton) => {
    dom.samplesMenu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (focusButton) button.focus();
  };
  button.addEventListener('click', () => (dom.samplesMenu.hidden ? open(true) : close(false)));
  button.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      open(true);
    }
  });
  dom.samplesMenu.addEventListener('keydown', (event) => {
    const list = items();
    const i = list.indexOf(document.activeElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = (i + (event.key === 'ArrowDown' ? 1 : -1) + list.length) % list.length;
      list[next]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      list[event.key === 'Home' ? 0 : list.length - 1]?.focus();
    }
  });
  dom.samplesMenu.addEventListener('focusout', (event) => {
    if (!dom.samplesMenu.contains(event.relatedTarget) && event.relatedTarget !== button) close(false);
  });
  document.addEventListener('click', (event) => {
    if (!dom.samplesMenu.hidden && !dom.samplesMenu.contains(event.target) && !button.contains(event.target)) close(false);
  });

  let samples;
  try {
    const response = await fetch('samples/index.json');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    samples = await response.json();
  } catch (error) {
    dom.samplesList.replaceChildren(el('li', { class: 'muted', text: `The samples could not be loaded (${error.message}).` }));
    return;
  }
  const load = async (sample) => {
    close(false);
    try {
      const response = await fetch(`samples/${encodeURIComponent(sample.file)}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      setInput(await response.text(), { name: sample.file, sample: true });
      focusEditor();
    } catch (error) {
      toast(`The sample ${sample.file} could not be loaded (${error.message}).`);
    }
  };
  dom.samplesList.replaceChildren(
    ...samples.map((sample) =>
      el(
        'li',
        {},
        el(
          'button',
          { type: 'button', data: { sample: sample.file }, on: { click: () => load(sample) } },
          el('span', { class: 'sample-title', text: sample.title }),
          el('span', { class: 'sample-description', text: sample.description }),
        ),
      ),
    ),
  );
}
