import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig, settings, settingsTable } from './config.ts';

const SECRET = 's'.repeat(32);
/** What production needs besides NODE_ENV. */
const PRODUCTION = { NODE_ENV: 'production', SESSION_SECRET: SECRET, SMTP_URL: 'smtps://mail.example.de' };

test('without any variables every setting has its documented default', () => {
  assert.deepEqual(loadConfig({}), {
    nodeEnv: 'development',
    host: '127.0.0.1',
    port: 3000,
    dataDir: resolve('./data'),
    databaseUrl: undefined,
    embeddedPostgresPort: 54329,
    sessionSecret: undefined,
    clamavHost: undefined,
    clamavPort: 3310,
    clamavTimeoutMs: 30000,
    cookieSecure: true,
    draftRetentionDays: 30,
    caseLinkDays: 90,
    mailRetentionDays: 30,
    worker: true,
    uploadMaxBytes: 10 * 1024 * 1024,
    devLoginLoadPersons: 0,
    logLevel: 'info',
    mailFrom: 'Amtsweg <noreply@localhost>',
    publicUrl: 'http://localhost:3000',
    smtpUrl: undefined,
  });
});

test('an empty variable counts as unset', () => {
  assert.equal(loadConfig({ PORT: '', LOG_LEVEL: '' }).port, 3000);
});

test('valid values are parsed to their types', () => {
  const config = loadConfig({
    ...PRODUCTION,
    PORT: '8080',
    DATA_DIR: '/srv/amtsweg',
    DATABASE_URL: 'postgresql://amtsweg@db.internal/amtsweg',
    COOKIE_SECURE: 'false',
    WORKER: 'no',
    UPLOAD_MAX_BYTES: '2048',
    LOG_LEVEL: 'warn',
    MAIL_RETENTION_DAYS: '7',
  });
  assert.equal(config.nodeEnv, 'production');
  assert.equal(config.smtpUrl, 'smtps://mail.example.de');
  assert.equal(config.mailRetentionDays, 7);
  assert.equal(config.port, 8080);
  assert.equal(config.dataDir, '/srv/amtsweg');
  assert.equal(config.databaseUrl, 'postgresql://amtsweg@db.internal/amtsweg');
  assert.equal(config.cookieSecure, false);
  assert.equal(config.worker, false);
  assert.equal(config.uploadMaxBytes, 2048);
  assert.equal(config.logLevel, 'warn');
});

/** The ConfigError thrown for `env`, or a failed assertion when there is none. */
function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected loadConfig to throw');
}

test('invalid values produce one error naming every bad variable and its value', () => {
  const error = configError({
    PORT: 'abc',
    EMBEDDED_POSTGRES_PORT: '80',
    COOKIE_SECURE: 'maybe',
    LOG_LEVEL: 'loud',
    NODE_ENV: 'staging',
    DATABASE_URL: 'mysql://db/amtsweg',
    UPLOAD_MAX_BYTES: '1.5',
    HOST: '0.0.0.0',
  });
  const lines = error.message.split('\n').slice(1);
  assert.equal(lines.length, 7, error.message);
  for (const name of [
    'PORT',
    'EMBEDDED_POSTGRES_PORT',
    'COOKIE_SECURE',
    'LOG_LEVEL',
    'NODE_ENV',
    'DATABASE_URL',
    'UPLOAD_MAX_BYTES',
  ]) {
    assert.ok(
      lines.some((line) => line.startsWith(`- ${name} `)),
      `${name} is named: ${error.message}`,
    );
  }
  assert.match(error.message, /PORT must be a whole number from 0 to 65535, got "abc"/);
  assert.match(error.message, /LOG_LEVEL must be one of .*silent, got "loud"/);
  assert.doesNotMatch(error.message, /HOST/);
});

test('production without SESSION_SECRET does not start', () => {
  const error = configError({ NODE_ENV: 'production' });
  assert.match(error.message, /SESSION_SECRET must be set when NODE_ENV=production/);
  assert.equal(loadConfig(PRODUCTION).sessionSecret, SECRET);
});

test('production without SMTP_URL does not start: its e-mails and their links would stay in the outbox', () => {
  const error = configError({ ...PRODUCTION, SMTP_URL: '' });
  assert.equal(error.message.split('\n').length, 2, 'one problem');
  assert.match(error.message, /- SMTP_URL must be set when NODE_ENV=production/);
  assert.match(error.message, /SMTP_URL muss bei NODE_ENV=production gesetzt sein/);
  // Development keeps e-mails in the outbox, where developers read them.
  assert.equal(loadConfig({ NODE_ENV: 'development' }).smtpUrl, undefined);
  assert.equal(loadConfig({ NODE_ENV: 'test' }).smtpUrl, undefined);
});

test('MAIL_RETENTION_DAYS is a number of days from 1 to 365', () => {
  assert.match(
    configError({ MAIL_RETENTION_DAYS: '0' }).message,
    /MAIL_RETENTION_DAYS must be a whole number/,
  );
  assert.match(configError({ MAIL_RETENTION_DAYS: 'ewig' }).message, /got "ewig"/);
});

test('load persons for the development log-in are refused in production', () => {
  assert.equal(loadConfig({ DEV_LOGIN_LOAD_PERSONS: '50' }).devLoginLoadPersons, 50);
  const error = configError({ ...PRODUCTION, DEV_LOGIN_LOAD_PERSONS: '50' });
  assert.match(error.message, /DEV_LOGIN_LOAD_PERSONS must be unset when NODE_ENV=production/);
});

test('a session secret shorter than 32 characters is refused in any environment', () => {
  assert.match(configError({ SESSION_SECRET: 'short' }).message, /SESSION_SECRET must be at least 32/);
});

test('every setting reads its own, distinct variable', () => {
  const names = Object.values(settings).map((s) => s.env);
  assert.equal(new Set(names).size, names.length);
});

/** The cells of a Markdown table's rows, padding removed, the separator row reduced to `---`. */
function tableCells(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.trim().startsWith('|'))
    .map((line) =>
      line
        .trim()
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim().replace(/^-+$/, '---')),
    );
}

test('the README documents exactly the settings table the code prints', async () => {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0];
  assert.ok(section, 'README has a "## Configuration" section');
  const expected = tableCells(settingsTable());
  assert.equal(expected.length, Object.keys(settings).length + 2);
  assert.deepEqual(tableCells(section), expected);
});
