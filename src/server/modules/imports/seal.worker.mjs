// Worker-thread entry of the import seal pool, in plain JS so that it starts under
// any loader: worker threads do not inherit tsx (neither `--import tsx` on Node 20
// nor bin/tuntas.mjs's register()), so it registers tsx, then loads the worker.
import { register } from 'tsx/esm/api';

register();
await import('./seal.worker.ts');
