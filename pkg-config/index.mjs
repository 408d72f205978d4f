// ESM entry for Node: the same instance as the CommonJS entry, so mixing both loads the module once.
import { createRequire } from 'node:module';

const engine = createRequire(import.meta.url)('./node/msk_connect_lint.js');

export const validate = engine.validate;
export const fix = engine.fix;
export const rules = engine.rules;
export const toSarif = engine.toSarif;
export const version = engine.version;
