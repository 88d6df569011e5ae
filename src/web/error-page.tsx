/** The one place where errors become pages: a heading, a plain message and a way on. */
import type { FastifyReply } from 'fastify';
import type { Tenant } from '../identity/tenants.ts';
import { Page } from './components/page.tsx';
import { renderPage } from './render.ts';

export function renderErrorPage(
  reply: FastifyReply,
  tenant: Tenant,
  status: number,
  title: string,
  message: string,
) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(
      renderPage(
        <Page title={title} tenantName={tenant.name}>
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body">{message}</p>
          <p class="kern-body">
            <a class="kern-link" href="/">
              Zur Startseite
            </a>
          </p>
        </Page>,
      ),
    );
}
