/**
 * The floor of the stack for a question page: bare Fastify sending the same HTML our question page has
 * (the same package, the same Preact views), rendered per request — but with no session, no CSRF token, no
 * security headers and no draft read from PostgreSQL. The distance from hello-world to this is what Fastify +
 * Preact cost for the page; the distance from this to the real page is what the platform adds.
 */
import Fastify from 'fastify';
import { isoDateInBerlin } from '../../src/forms/display.ts';
import { evaluationContext } from '../../src/forms/engine.ts';
import { findPage } from '../../src/forms/journey.ts';
import { storedToRaw } from '../../src/forms/raw-input.ts';
import { pageLayout } from '../../src/forms/reveal.ts';
import { DEMO_TENANT } from '../../src/identity/tenants.ts';
import { loadPackageDirectory } from '../../src/packages/load.ts';
import { SHIPPED_SERVICES } from '../../src/packages/registry.ts';
import { QuestionPage } from '../../src/web/citizen/form-views.tsx';
import { sendPage } from '../../src/web/context.ts';

const SERVICE = 'bewohnerparkausweis';
const PAGE = 'name';
const pkg = (await loadPackageDirectory(SHIPPED_SERVICES)).find((p) => p.definition.id === SERVICE);
const page = pkg && findPage(pkg, PAGE);
if (!pkg || !page) throw new Error(`${SERVICE}/${PAGE} not found`);
const citizen = {
  id: 'test-erika-mustermann',
  givenName: 'Erika',
  familyName: 'Mustermann',
  trustLevel: 'substantial',
} as const;
const csrfToken = 'x'.repeat(43);

const app = Fastify({ logger: false });
app.get(`/dienste/${SERVICE}/formular/${PAGE}`, async (request, reply) => {
  // Per request, as in the real route: the context of the (here empty) draft and the page's layout.
  const today = isoDateInBerlin(new Date());
  const context = evaluationContext(pkg, {}, today);
  const { items, reveals } = pageLayout(
    page,
    context,
    (posted) => evaluationContext(pkg, posted, today),
    'de',
  );
  return sendPage(
    reply,
    <QuestionPage
      frame={{ tenantName: DEMO_TENANT.name, citizen, csrfToken, locale: 'de', url: request.url }}
      pkg={pkg}
      page={page.def}
      items={items}
      reveals={reveals}
      raw={storedToRaw(items, {})}
      errors={[]}
      backHref={`/dienste/${SERVICE}`}
      action={request.url}
      expiresAt={new Date(Date.now() + 30 * 86_400_000)}
    />,
  );
});
const address = await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
console.log(`listening on ${address}`);
