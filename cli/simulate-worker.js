// Worker threads start without tsx: register it, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
const { default: runInWorker } = await import('./simulate-worker.ts');
export default runInWorker;
