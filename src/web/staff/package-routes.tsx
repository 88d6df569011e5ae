/** Service designers' area: list packages, view a version with its test results, preview pages, publish, retire. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isoDateInBerlin } from '../../forms/display.ts';
import { evaluationContext, validatePage } from '../../forms/engine.ts';
import { applyRepeatAction, parseRepeatAction, readPageBody } from '../../forms/raw-input.ts';
import type { StaffMember } from '../../identity/types.ts';
import { loadPackage } from '../../packages/load.ts';
import { findStoredPackage, listPackages, publishPackage, retirePackage } from '../../packages/store.ts';
import { runPackageTests } from '../../packages/test-runner.ts';
import type { AppDeps } from '../app.ts';
import { sendPage } from '../context.ts';
import { WebError } from '../errors.ts';
import { assertCsrf } from '../security.ts';
import { PackageListPage, PackagePreviewPage, PackageVersionPage } from './package-views.tsx';
import { signedInStaff, staffFrame } from './session.ts';

type Params = { id: string; version: string; pageId: string };

const isDesigner = (staff: StaffMember) => staff.roles.includes('designer');

export async function packageRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  async function version(request: FastifyRequest<{ Params: Partial<Params> }>) {
    const stored = await findStoredPackage(
      deps.db,
      deps.tenant.ars,
      request.params.id ?? '',
      request.params.version ?? '',
    );
    if (!stored) throw WebError.notFound();
    return {
      pkg: loadPackage(stored.definition, `${request.params.id}@${request.params.version}`),
      status: stored.status,
    };
  }

  app.get('/verwaltung/pakete', async (request, reply) => {
    const staff = await signedInStaff(request, reply, deps);
    if (!staff) return reply;
    return sendPage(
      reply,
      <PackageListPage
        frame={staffFrame(request, deps, staff)}
        packages={await listPackages(deps.db, deps.tenant.ars)}
      />,
    );
  });

  app.get<{ Params: Params; Querystring: { erledigt?: string } }>(
    '/verwaltung/pakete/:id/:version',
    async (request, reply) => {
      const staff = await signedInStaff(request, reply, deps);
      if (!staff) return reply;
      const { pkg, status } = await version(request);
      const done = { veroeffentlicht: 'Version veröffentlicht', zurueckgezogen: 'Version zurückgezogen' }[
        request.query.erledigt ?? ''
      ];
      return sendPage(
        reply,
        <PackageVersionPage
          frame={staffFrame(request, deps, staff)}
          pkg={pkg}
          status={status}
          results={runPackageTests(pkg, deps.now())}
          canChange={isDesigner(staff)}
          done={done}
        />,
      );
    },
  );

  for (const [verb, change, done] of [
    ['veroeffentlichen', publishPackage, 'veroeffentlicht'],
    ['zurueckziehen', retirePackage, 'zurueckgezogen'],
  ] as const) {
    app.post<{ Params: Params; Body: Record<string, unknown> }>(
      `/verwaltung/pakete/:id/:version/${verb}`,
      async (request, reply) => {
        assertCsrf(request, request.body?._csrf);
        const staff = await signedInStaff(request, reply, deps);
        if (!staff) return reply;
        if (!isDesigner(staff)) throw WebError.forbidden();
        const { pkg } = await version(request);
        if (verb === 'veroeffentlichen' && runPackageTests(pkg, deps.now()).some((r) => !r.passed))
          throw WebError.forbidden();
        await change(deps.db, deps.tenant.ars, pkg.definition.id, pkg.definition.version);
        await deps.services.reload();
        return reply.redirect(
          `/verwaltung/pakete/${pkg.definition.id}/${pkg.definition.version}?erledigt=${done}`,
          303,
        );
      },
    );
  }

  /** A page of a version for the preview, with every item whatever its condition: the designer sees it all. */
  async function previewOf(request: FastifyRequest<{ Params: Partial<Params> }>, staff: StaffMember) {
    const { pkg } = await version(request);
    const page = pkg.pages.find((p) => p.def.id === request.params.pageId);
    if (!page) throw WebError.notFound();
    const items = page.items.map((item) => item.def);
    const props = {
      frame: staffFrame(request, deps, staff),
      pkg,
      pageId: page.def.id,
      title: page.def.title.de,
      items,
    };
    return { pkg, page, items, props };
  }

  app.get<{ Params: Params }>('/verwaltung/pakete/:id/:version/vorschau/:pageId', async (request, reply) => {
    const staff = await signedInStaff(request, reply, deps);
    if (!staff) return reply;
    const { items, props } = await previewOf(request, staff);
    const raw = Object.fromEntries(
      items.flatMap((item) => (item.kind === 'repeat' ? [[item.name, [{}]]] : [])),
    );
    return sendPage(reply, <PackagePreviewPage {...props} raw={raw} errors={[]} />);
  });

  app.post<{ Params: Params; Body: Record<string, unknown> }>(
    '/verwaltung/pakete/:id/:version/vorschau/:pageId',
    async (request, reply) => {
      assertCsrf(request, request.body?._csrf);
      const staff = await signedInStaff(request, reply, deps);
      if (!staff) return reply;
      const { pkg, page, items, props } = await previewOf(request, staff);
      const raw = readPageBody(items, request.body ?? {});
      const action = parseRepeatAction(request.body?._action);
      if (action)
        return sendPage(
          reply,
          <PackagePreviewPage {...props} raw={applyRepeatAction(items, raw, action)} errors={[]} />,
        );
      const today = isoDateInBerlin(deps.now());
      const context = evaluationContext(pkg, {}, today);
      const result = validatePage(
        { ...page, items: page.items.map((item) => ({ def: item.def, pageRefs: [] })) },
        raw,
        context,
        { locale: 'de', today, codeLists: pkg.definition.codeLists ?? {} },
        // The page's checks may use computed values, so they are recomputed from what is posted.
        (posted) => evaluationContext(pkg, posted, today),
      );
      const outcome =
        result.errors.length === 0 ? 'Alle Eingaben sind gültig. (Nichts wurde gespeichert.)' : undefined;
      return sendPage(
        reply,
        <PackagePreviewPage {...props} raw={raw} errors={result.errors} outcome={outcome} />,
        result.errors.length > 0 ? 400 : 200,
      );
    },
  );
}
