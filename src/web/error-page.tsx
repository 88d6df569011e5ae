/** The one place where errors become pages: a heading, a plain message and a way on. */
import type { FastifyReply } from 'fastify';
import type { Locale, Text } from '../forms/types.ts';
import type { Tenant } from '../identity/tenants.ts';
import { Page } from './components/page.tsx';
import { renderPage } from './render.ts';

const HOME = { de: 'Zur Startseite', en: 'Go to the start page' };

export function renderErrorPage(
  reply: FastifyReply,
  tenant: Tenant,
  status: number,
  problem: { title: Text; message: Text },
  locale: Locale,
) {
  const title = problem.title[locale];
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(
      renderPage(
        <Page title={title} lang={locale} tenantName={tenant.name}>
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body">{problem.message[locale]}</p>
          <p class="kern-body">
            <a class="kern-link" href="/">
              {HOME[locale]}
            </a>
          </p>
        </Page>,
      ),
    );
}
