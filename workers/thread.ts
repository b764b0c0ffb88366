/** Entry of a pool thread: loads the dictionary once, then processes one file per message. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadDictionary } from '../dictionaries/load.ts';
import { toSohoaError } from '../pipeline/model/errors.ts';
import { failedOutcome, type FileJob, runFileJob } from './job.ts';
import type { ThreadData } from './pool.ts';

const { dictDir } = workerData as ThreadData;
const dictionary = loadDictionary(dictDir);
// A dictionary that fails to load is reported per job, not as a thread crash.
dictionary.catch(() => undefined);

parentPort!.on('message', async (job: FileJob) => {
  const outcome = await dictionary.then(
    (dict) => runFileJob(job, dict),
    (err) => failedOutcome(job.sha256 ?? '', toSohoaError(err)),
  );
  parentPort!.postMessage(outcome);
});
