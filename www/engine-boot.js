// Starts the engine (its worker, glue and wasm) the moment the document is parsed: it is on the
// page's critical path, and app.js only runs once every module it imports has loaded.
import { startEngine } from './engine.js';

startEngine();
