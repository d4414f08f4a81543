// One reply worker (see reply-pool.ts): a read-only connection to the bot's database, the same
// reader, composer and views as the main thread, answering one job at a time. The main thread's
// clock rides with each job, so a worker answers as of the same day.
import { parentPort, workerData } from 'node:worker_threads';
import { answerToDoc } from '../core/answer/to-doc.ts';
import { Directory } from '../core/directory.ts';
import { openDatabase } from '../store/database.ts';
import { oncePerRow, setUnreadableClaimHandler } from '../store/claims-repo.ts';
import { LookupRepo } from '../store/lookup-repo.ts';
import { ReferenceRepo } from '../store/reference-repo.ts';
import { SeriesRepo } from '../store/series-repo.ts';
import { AskService } from './ask-service.ts';
import { ViewsService } from './views-service.ts';
import { answerIn, type ReplyJob, type ReplyWorkerData, type ReplyWorkerMessage } from './reply-pool.ts';

const port = parentPort!;
const post = (m: ReplyWorkerMessage) => port.postMessage(m);
const data = workerData as ReplyWorkerData;

// Read-only: a worker never migrates, seeds or writes; the main thread opened (and migrated) the file first.
const db = openDatabase(data.databasePath, { readonly: true, checkSchema: false });
setUnreadableClaimHandler(oncePerRow((row) => post({ type: 'unreadable', row })));
const reference = new ReferenceRepo(db);
// Reference data (parties, claimants) is applied at start, before the pool exists, and not changed after.
const directory = new Directory(reference.parties(), reference.claimants());
let now = new Date();
// No answer cache here: the main thread keeps it, and sends only what it does not hold.
const lookup = new LookupRepo(db);
const asker = new AskService(lookup, () => directory, () => now, data.dataDir, 0);
const views = new ViewsService(asker, new SeriesRepo(db));
asker.warmUp();

port.on('message', (message: { id: number; job: ReplyJob } | { close: true }) => {
  if ('close' in message) {
    db.close();
    port.close();
    return;
  }
  const { id, job } = message;
  now = new Date(job.now);
  try {
    // Each reply from one snapshot of the database, as the main thread's would be.
    const result = lookup.snapshot(() => (job.kind === 'answer' ? asker.ask(job.question, job.locale) : views.replyHere(job.question, job.action ?? undefined, job.locale)));
    // The answer's doc too, so the main thread does not lay it out again.
    const answer = answerIn(job.kind, result);
    post({ type: 'done', id, result, ...(answer ? { answerDoc: answerToDoc(answer) } : {}) });
  } catch (error) {
    post({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
  }
});
post({ type: 'ready' });
