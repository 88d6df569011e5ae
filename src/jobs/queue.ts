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

const DEAD_LETTER = 'failed-effects';

export interface JobQueueOptions {
  url: string;
  queues: string[];
  handlers?: EffectHandlers;
  /** Recurring jobs (cron, UTC), e.g. deleting expired drafts; their handlers are in `handlers`. */
  schedules?: { queue: string; cron: string }[];
  onDeadLetter?: (job: { id: string; data: unknown }) => Promise<void>;
  onError?: (error: Error) => void;
}

export async function startJobQueue(options: JobQueueOptions): Promise<JobQueue> {
  const boss = new PgBoss({ connectionString: options.url, useListenNotify: true, max: 4 });
  boss.on('error', (error) => options.onError?.(error));
  await boss.start();
  await boss.createQueue(DEAD_LETTER);
  for (const queue of options.queues) {
    await boss.createQueue(queue, {
      notify: true,
      retryLimit: 8,
      retryDelay: 2,
      retryBackoff: true,
      retryDelayMax: 600,
      deadLetter: DEAD_LETTER,
    });
  }
  for (const { queue, cron } of options.schedules ?? []) {
    await boss.createQueue(queue, { retryLimit: 3, deadLetter: DEAD_LETTER });
    await boss.schedule(queue, cron);
  }
  if (options.handlers) {
    for (const [queue, handle] of Object.entries(options.handlers)) {
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
      await boss.work(DEAD_LETTER, async (jobs) => {
        for (const job of jobs) await onDeadLetter({ id: job.id, data: job.data });
      });
    }
  }
  return {
    async enqueue(trx, effect) {
      await boss.send(effect.queue, effect.data, { db: fromKysely(trx) });
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
