// CommonJS entry for Node: the wasm-bindgen `nodejs` glue loads the module synchronously.
'use strict';
const engine = require('./node/msk_connect_lint.js');

module.exports = {
  validate: engine.validate,
  fix: engine.fix,
  rules: engine.rules,
  toSarif: engine.toSarif,
  version: engine.version,
};
