// Worker threads do not inherit tsx from the main thread on Node 20, so each one registers it
// before loading its TypeScript entry.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
