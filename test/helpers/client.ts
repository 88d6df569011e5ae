/** A citizen's or caseworker's browser over `app.inject`: keeps cookies, reads CSRF tokens off pages. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export class Client {
  private cookies = new Map<string, string>();
  lastPage = '';

  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
  }

  private remember(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const cookie of response.cookies as { name: string; value: string }[])
      this.cookies.set(cookie.name, cookie.value);
    if (String(response.headers['content-type'] ?? '').startsWith('text/html')) this.lastPage = response.body;
    return response;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.remember(
      await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() } }),
    );
  }

  /** The CSRF token from the last page with a form. */
  csrf(): string {
    const match = this.lastPage.match(/name="_csrf" value="([^"]+)"/);
    if (!match?.[1]) throw new Error('no CSRF token on the last page');
    return match[1];
  }

  async post(
    url: string,
    fields: Record<string, string>,
    options: { csrf?: string | null } = {},
  ): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams(fields);
    if (options.csrf !== null) body.set('_csrf', options.csrf ?? this.csrf());
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
      }),
    );
  }

  async upload(
    url: string,
    field: string,
    file: { name: string; type: string; content: Buffer },
    options: { csrf?: string } = {},
  ): Promise<LightMyRequestResponse> {
    const form = new FormData();
    form.append('_csrf', options.csrf ?? this.csrf());
    form.append(field, new Blob([new Uint8Array(file.content)], { type: file.type }), file.name);
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const payload = Buffer.from(await request.arrayBuffer());
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader(), 'content-type': request.headers.get('content-type') ?? '' },
        payload,
      }),
    );
  }

  /** Follows a 303 to its target. */
  async follow(response: LightMyRequestResponse): Promise<LightMyRequestResponse> {
    const location = response.headers.location;
    if (!location) throw new Error(`expected a redirect, got ${response.statusCode}`);
    return this.get(String(location));
  }
}

/** Minimal valid files for upload tests. */
export const SAMPLE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
export const SAMPLE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
