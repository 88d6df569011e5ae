/** The `amtsweg` command: `serve` (default) starts the platform, `migrate` only applies migrations. */
import { CATALOG_USAGE, catalogCommand } from './catalog/cli.ts';
import { ConfigError, loadConfig, settingsTable } from './config.ts';
import { DEMO_TENANT, seedDemoTenant } from './identity/tenants.ts';
import { openDatabase, serve } from './main.ts';
import { PACKAGE_USAGE, packageCommand } from './packages/cli.ts';
import { IMPORT_FIM_USAGE, importCodeListCommand, importFimCommand } from './packages/fim/cli.ts';

const USAGE = `Usage: amtsweg <command>

Commands:
  serve          start the platform (HTTP server, worker, embedded PostgreSQL unless DATABASE_URL is set)
  migrate        apply database migrations and exit
  config-table   print the table of configuration variables (as in README.md)
${PACKAGE_USAGE}
${IMPORT_FIM_USAGE}
${CATALOG_USAGE}`;

async function main(command: string | undefined): Promise<number> {
  switch (command ?? 'serve') {
    case 'serve': {
      const started = performance.now();
      const running = await serve(loadConfig());
      console.log(
        `Amtsweg läuft auf ${running.url} (gestartet in ${Math.round(performance.now() - started)} ms)`,
      );
      let stopping = false;
      const shutdown = async () => {
        if (stopping) return;
        stopping = true;
        await running.stop();
        process.exit(0);
      };
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
      return -1;
    }
    case 'migrate': {
      const database = await openDatabase(loadConfig());
      await database.close();
      console.log('Migrationen angewendet.');
      return 0;
    }
    case 'import-fim':
      return importFimCommand(
        process.argv.slice(3),
        (line) => console.log(line),
        (line) => console.error(line),
      );
    case 'import-codelist':
      return importCodeListCommand(
        process.argv.slice(3),
        (line) => console.log(line),
        (line) => console.error(line),
      );
    case 'package':
      return packageCommand(
        process.argv.slice(3),
        (line) => console.log(line),
        async () => {
          const database = await openDatabase(loadConfig());
          await seedDemoTenant(database.db);
          return { db: database.db, tenantArs: DEMO_TENANT.ars, close: () => database.close() };
        },
      );
    case 'catalog':
      return catalogCommand(
        process.argv.slice(3),
        (line) => console.log(line),
        (line) => console.error(line),
        async () => {
          const database = await openDatabase(loadConfig());
          return { db: database.db, close: () => database.close() };
        },
      );
    case 'config-table':
      console.log(settingsTable());
      return 0;
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv[2]).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
