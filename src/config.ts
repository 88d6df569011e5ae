/** All settings, read from environment variables once at start-up and validated (README's table is checked against this list). */
import { resolve } from 'node:path';

type Parser<T> = (raw: string) => T;

interface Setting<T> {
  env: string;
  doc: string;
  default: T | undefined;
  /** Shown in the README instead of the literal default, e.g. when it depends on another setting. */
  defaultDoc?: string;
  parse: Parser<T>;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const integer =
  (min: number, max: number): Parser<number> =>
  (raw) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new ConfigError(`must be a whole number from ${min} to ${max}, got "${raw}"`);
    }
    return value;
  };

const boolean: Parser<boolean> = (raw) => {
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`must be true or false, got "${raw}"`);
};

const text: Parser<string> = (raw) => raw;

const oneOf =
  <T extends string>(...values: T[]): Parser<T> =>
  (raw) => {
    if ((values as string[]).includes(raw)) return raw as T;
    throw new ConfigError(`must be one of ${values.join(', ')}, got "${raw}"`);
  };

const postgresUrl: Parser<string> = (raw) => {
  const url = URL.parse(raw);
  if (!url || !['postgres:', 'postgresql:'].includes(url.protocol)) {
    throw new ConfigError('must be a postgres:// URL');
  }
  return raw;
};

const secret: Parser<string> = (raw) => {
  if (raw.length < 32) throw new ConfigError('must be at least 32 characters long');
  return raw;
};

export const settings = {
  nodeEnv: {
    env: 'NODE_ENV',
    doc: '`production` disables the development log-ins and requires SESSION_SECRET and SMTP_URL.',
    default: 'development',
    parse: oneOf('development', 'production', 'test'),
  },
  host: { env: 'HOST', doc: 'Address the HTTP server listens on.', default: '127.0.0.1', parse: text },
  port: { env: 'PORT', doc: 'Port of the HTTP server.', default: 3000, parse: integer(0, 65535) },
  dataDir: {
    env: 'DATA_DIR',
    doc: 'Folder for the embedded database, uploaded files and the development session key.',
    default: './data',
    parse: text,
  },
  databaseUrl: {
    env: 'DATABASE_URL',
    doc: 'PostgreSQL server to use. Unset: an embedded PostgreSQL is started with its data in DATA_DIR/postgres.',
    default: undefined,
    parse: postgresUrl,
  },
  embeddedPostgresPort: {
    env: 'EMBEDDED_POSTGRES_PORT',
    doc: 'Port of the embedded PostgreSQL (only used without DATABASE_URL; listens on 127.0.0.1 only).',
    default: 54329,
    parse: integer(1024, 65535),
  },
  sessionSecret: {
    env: 'SESSION_SECRET',
    doc: 'Key for the encrypted session cookie (at least 32 characters). Required in production; otherwise generated once into DATA_DIR/session-secret.',
    default: undefined,
    parse: secret,
  },
  cookieSecure: {
    env: 'COOKIE_SECURE',
    doc: 'Send cookies only over HTTPS (browsers treat http://localhost as secure, so this stays on in development).',
    default: true,
    parse: boolean,
  },
  worker: {
    env: 'WORKER',
    doc: 'Run the background job worker (Bescheid rendering, notifications) in this process.',
    default: true,
    parse: boolean,
  },
  draftRetentionDays: {
    env: 'DRAFT_RETENTION_DAYS',
    doc: 'Days an unfinished application (draft) is kept after its last change; then it is deleted with its uploads.',
    default: 30,
    parse: integer(1, 365),
  },
  caseLinkDays: {
    env: 'CASE_LINK_DAYS',
    doc: 'Days the e-mailed link to a case’s messages and Bescheid works, for applicants of services without log-in; each new message sends a new link.',
    default: 90,
    parse: integer(1, 365),
  },
  uploadMaxBytes: {
    env: 'UPLOAD_MAX_BYTES',
    doc: 'Largest accepted upload in bytes.',
    default: 10 * 1024 * 1024,
    parse: integer(1024, 2 * 1024 * 1024 * 1024),
  },
  publicUrl: {
    env: 'PUBLIC_URL',
    doc: 'Address citizens reach the platform at; links in e-mails are built on it.',
    default: undefined,
    defaultDoc: '`http://localhost:<PORT>`',
    parse: (raw: string) => {
      if (!/^https?:\/\/[^/]+$/.test(raw))
        throw new ConfigError('must be like https://service.example.de (no path)');
      return raw;
    },
  },
  smtpUrl: {
    env: 'SMTP_URL',
    doc: 'Mail server for e-mails to citizens, e.g. smtps://user:pass@mail.example.de. Required with NODE_ENV=production. Unset in development: e-mails are not sent but stay in the outbox (development page /entwicklung/postausgang).',
    default: undefined,
    parse: text,
  },
  mailFrom: {
    env: 'MAIL_FROM',
    doc: 'Sender of e-mails to citizens.',
    default: 'Amtsweg <noreply@localhost>',
    parse: text,
  },
  mailRetentionDays: {
    env: 'MAIL_RETENTION_DAYS',
    doc: 'Days a sent or failed e-mail (recipient and subject) is kept in the outbox; then it is deleted. An e-mail still unsent after that long counts as failed: its body (with any link) is emptied, and it goes one period later.',
    default: 30,
    parse: integer(1, 365),
  },
  clamavHost: {
    env: 'CLAMAV_HOST',
    doc: 'Host of a ClamAV clamd that scans every upload (INSTREAM). Unset: uploads are not scanned for viruses.',
    default: undefined,
    parse: text,
  },
  clamavPort: { env: 'CLAMAV_PORT', doc: 'Port of clamd.', default: 3310, parse: integer(1, 65535) },
  clamavTimeoutMs: {
    env: 'CLAMAV_TIMEOUT_MS',
    doc: 'How long clamd may stay silent before an upload is refused as unscanned (milliseconds).',
    default: 30000,
    parse: integer(100, 600000),
  },
  devLoginLoadPersons: {
    env: 'DEV_LOGIN_LOAD_PERSONS',
    doc: 'Load tests only: the development log-in also accepts this many generated people, `load-person-1` …, one per simulated citizen (a draft belongs to one citizen). They are not listed on the log-in page. Refused with NODE_ENV=production.',
    default: 0,
    parse: integer(0, 100_000),
  },
  logLevel: {
    env: 'LOG_LEVEL',
    doc: 'Log level: fatal, error, warn, info, debug, trace or silent.',
    default: 'info',
    parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
  },
} satisfies Record<string, Setting<unknown>>;

type Settings = typeof settings;
export type Config = {
  [K in keyof Settings]: Settings[K] extends Setting<infer T>
    ? Settings[K]['default'] extends undefined
      ? T | undefined
      : T
    : never;
};

/** The settings as the app uses them: PUBLIC_URL filled in from the port when unset, once, here. */
export type LoadedConfig = Omit<Config, 'publicUrl'> & { publicUrl: string };

/** Reads and validates every setting; throws one ConfigError naming all bad variables. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(settings) as [string, Setting<unknown>][]) {
    const raw = env[setting.env];
    if (raw === undefined || raw === '') {
      values[key] = setting.default;
      continue;
    }
    try {
      values[key] = setting.parse(raw);
    } catch (error) {
      problems.push(`${setting.env} ${(error as Error).message}`);
    }
  }
  const config = values as Config;
  if (config.nodeEnv === 'production' && !config.sessionSecret) {
    problems.push('SESSION_SECRET must be set when NODE_ENV=production');
  }
  // Without a mail server e-mails are never sent, so their link tokens would stay in the outbox table.
  if (config.nodeEnv === 'production' && !config.smtpUrl) {
    problems.push(
      'SMTP_URL must be set when NODE_ENV=production (e-mails with their links would stay unsent in the outbox) / ' +
        'SMTP_URL muss bei NODE_ENV=production gesetzt sein (E-Mails blieben samt ihren Links unverschickt im Postausgang)',
    );
  }
  if (config.nodeEnv === 'production' && config.devLoginLoadPersons > 0) {
    problems.push(
      'DEV_LOGIN_LOAD_PERSONS must be unset when NODE_ENV=production (there is no development log-in)',
    );
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`);
  return {
    ...config,
    dataDir: resolve(config.dataDir),
    publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
  };
}

/** The README table of settings, generated from the list above. */
export function settingsTable(): string {
  const rows = Object.values(settings).map((s: Setting<unknown>) => {
    const shown = s.defaultDoc ?? (s.default === undefined ? '(unset)' : `\`${String(s.default)}\``);
    return `| \`${s.env}\` | ${shown} | ${s.doc} |`;
  });
  return ['| Variable | Default | Meaning |', '|---|---|---|', ...rows].join('\n');
}
