/**
 * pg-boss wiring. Effects are enqueued on the caller's transaction, so a case change and its
 * effects commit or roll back together; handlers must be idempotent (pg-boss delivers at least once).
 */
import type { Transaction } from 'kysely';
import { fromKysely, PgBoss } from 'pg-boss';
import type { Database } from '../db/schema.ts';

export interface EffectHandlers {
  [queue: string]: (data: Record<string, unknown>) => Promise<void>;
}

export interface Effect {
  queue: string;
  /** Carries what the handler needs to derive its idempotency key (e.g. case id and version). */
  data: Record<string, unknown>;
}

export interface JobQueue {
  enqueue(trx: Transaction<Database>, effect: Effect): Promise<void>;
  stop(): Promise<void>;
}

/** Where a queue's jobs go after their last retry: a person has to look at them (see incidents.ts). */
export const deadLetterQueue = (queue: string) => `failed-${queue}`;

export interface JobQueueOptions {
  url: string;
  queues: string[];
  /** Or a function of the queue, for handlers that enqueue further jobs (e.g. an e-mail). */
  handlers?: EffectHandlers | ((jobs: JobQueue) => EffectHandlers);
  /** Recurring jobs (cron, UTC), e.g. deleting expired drafts; their handlers are in `handlers`. */
  schedules?: { queue: string; cron: string }[];
  onDeadLetter?: (job: { id: string; queue: string; data: unknown }) => Promise<void>;
  /** Retries before a job is given up (default 8, backing off from 2 s up to 10 min between tries). */
  retryLimit?: number;
  onError?: (error: Error) => void;
}

export async function startJobQueue(options: JobQueueOptions): Promise<JobQueue> {
  const boss = new PgBoss({ connectionString: options.url, useListenNotify: true, max: 4 });
  boss.on('error', (error) => options.onError?.(error));
  await boss.start();
  const scheduled = options.schedules ?? [];
  for (const queue of [...options.queues, ...scheduled.map((s) => s.queue)]) {
    await boss.createQueue(deadLetterQueue(queue));
    const settings = {
      retryLimit: options.retryLimit ?? 8,
      retryDelay: 2,
      retryBackoff: true,
      retryDelayMax: 600,
      deadLetter: deadLetterQueue(queue),
    };
    await boss.createQueue(queue, { notify: true, ...settings });
    // createQueue leaves an existing queue as it was: bring queues of older installations up to date.
    await boss.updateQueue(queue, settings);
  }
  for (const { queue, cron } of scheduled) await boss.schedule(queue, cron);
  const jobs: JobQueue = {
    async enqueue(trx, effect) {
      await boss.send(effect.queue, effect.data, { db: fromKysely(trx) });
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
  const handlers = typeof options.handlers === 'function' ? options.handlers(jobs) : options.handlers;
  if (handlers) {
    for (const [queue, handle] of Object.entries(handlers)) {
      await boss.work<Record<string, unknown>>(
        queue,
        { pollingIntervalSeconds: 2, localConcurrency: 4 },
        async (jobs) => {
          for (const job of jobs) await handle(job.data);
        },
      );
    }
    const onDeadLetter = options.onDeadLetter;
    if (onDeadLetter) {
      for (const queue of Object.keys(handlers)) {
        await boss.work(deadLetterQueue(queue), async (jobs) => {
          for (const job of jobs) await onDeadLetter({ id: job.id, queue, data: job.data });
        });
      }
    }
  }
  return jobs;
}
