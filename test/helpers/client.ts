/**
 * A citizen's or caseworker's browser without a browser: keeps cookies and reads CSRF tokens off pages.
 * Talks to the app in-process (`app.inject`) or to a running server over real HTTP (a base URL).
 */
import type { FastifyInstance } from 'fastify';

export interface Response {
  statusCode: number;
  headers: Record<string, string | undefined>;
  body: string;
  rawPayload: Buffer;
}

interface Request {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  payload?: Buffer | string;
}

export interface UploadFile {
  name: string;
  type: string;
  content: Buffer;
}

export class Client {
  private cookies = new Map<string, string>();
  lastPage = '';

  constructor(private readonly target: FastifyInstance | string) {}

  /** The Cookie header this client sends (e.g. to hand a signed-in session to a load generator). */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private async send(request: Request): Promise<Response> {
    const cookie = this.cookieHeader();
    const headers = cookie ? { ...request.headers, cookie } : request.headers;
    const response =
      typeof this.target === 'string'
        ? await this.fetch({ ...request, headers })
        : await this.inject({ ...request, headers });
    if (String(response.headers['content-type'] ?? '').startsWith('text/html')) this.lastPage = response.body;
    return response;
  }

  private remember(setCookie: string[]): void {
    for (const line of setCookie) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      this.cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
    }
  }

  private async inject(request: Request): Promise<Response> {
    const app = this.target as FastifyInstance;
    const response = await app.inject({
      method: request.method,
      url: request.url,
      headers: request.headers,
      payload: request.payload,
    });
    const setCookie = response.headers['set-cookie'];
    this.remember(setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie]);
    const headers = Object.fromEntries(
      Object.entries(response.headers).map(([k, v]) => [k, v === undefined ? undefined : String(v)]),
    );
    return { statusCode: response.statusCode, headers, body: response.body, rawPayload: response.rawPayload };
  }

  private async fetch(request: Request): Promise<Response> {
    const response = await fetch(new URL(request.url, this.target as string), {
      method: request.method,
      headers: request.headers,
      body: request.payload === undefined ? undefined : new Uint8Array(Buffer.from(request.payload)),
      redirect: 'manual',
    });
    this.remember(response.headers.getSetCookie());
    const rawPayload = Buffer.from(await response.arrayBuffer());
    return {
      statusCode: response.status,
      headers: Object.fromEntries(response.headers),
      body: rawPayload.toString('utf8'),
      rawPayload,
    };
  }

  get(url: string): Promise<Response> {
    return this.send({ method: 'GET', url, headers: {} });
  }

  /** The CSRF token from the last page with a form. */
  csrf(): string {
    const match = this.lastPage.match(/name="_csrf" value="([^"]+)"/);
    if (!match?.[1]) throw new Error('no CSRF token on the last page');
    return match[1];
  }

  post(
    url: string,
    fields: Record<string, string>,
    options: { csrf?: string | null; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const body = new URLSearchParams(fields);
    if (options.csrf !== null) body.set('_csrf', options.csrf ?? this.csrf());
    return this.send({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
      payload: body.toString(),
    });
  }

  upload(
    url: string,
    field: string,
    file: UploadFile,
    options: { csrf?: string | null } = {},
  ): Promise<Response> {
    return this.postMultipart(url, {}, { [field]: file }, options);
  }

  /** A multipart post as a browser sends it: the CSRF token, the other inputs, then the files. */
  async postMultipart(
    url: string,
    fields: Record<string, string>,
    files: Record<string, UploadFile>,
    options: { csrf?: string | null } = {},
  ): Promise<Response> {
    const form = new FormData();
    if (options.csrf !== null) form.append('_csrf', options.csrf ?? this.csrf());
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    for (const [name, file] of Object.entries(files))
      form.append(name, new Blob([new Uint8Array(file.content)], { type: file.type }), file.name);
    const encoded = new Request('http://localhost/', { method: 'POST', body: form });
    return this.send({
      method: 'POST',
      url,
      headers: { 'content-type': encoded.headers.get('content-type') ?? '' },
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
  }

  /** Follows a redirect to its target. */
  follow(response: Response): Promise<Response> {
    const location = response.headers.location;
    if (!location) throw new Error(`expected a redirect, got ${response.statusCode}`);
    return this.get(location);
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
