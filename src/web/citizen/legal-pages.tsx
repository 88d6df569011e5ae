/** Impressum, Datenschutz and Erklärung zur Barrierefreiheit (BITV 2.0 § 7), filled from the tenant's data. */
import type { FastifyInstance } from 'fastify';
import type { VNode } from 'preact';
import type { AppDeps } from '../app.ts';
import { sendPage } from '../context.ts';
import { frameOf } from './frame.ts';
import { type CitizenFrame, CitizenPage } from './views.tsx';

function LegalPage(props: { frame: CitizenFrame; title: string; paragraphs: string[] }): VNode {
  return (
    <CitizenPage frame={props.frame} title={props.title}>
      <h1 class="kern-heading-large">{props.title}</h1>
      {props.paragraphs.map((text) => (
        <p class="kern-body" key={text}>
          {text}
        </p>
      ))}
    </CitizenPage>
  );
}

export async function legalRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { letterhead } = deps.tenant;
  const address = `${letterhead.name}, ${letterhead.street}, ${letterhead.postalCode} ${letterhead.city}`;
  const contact = [
    letterhead.phone && `Telefon ${letterhead.phone}`,
    letterhead.email && `E-Mail ${letterhead.email}`,
  ]
    .filter(Boolean)
    .join(', ');
  const pages: Record<string, { title: string; paragraphs: string[] }> = {
    '/impressum': {
      title: 'Impressum',
      paragraphs: [`Anbieterin dieser Online-Dienste ist die ${address}.`, `Kontakt: ${contact}.`],
    },
    '/datenschutz': {
      title: 'Datenschutz',
      paragraphs: [
        `Verantwortlich für die Verarbeitung Ihrer Daten ist die ${address}.`,
        'Wir verarbeiten Ihre Angaben nur, um Ihren Antrag zu bearbeiten (Art. 6 Abs. 1 Buchstabe e DSGVO). Jeder Zugriff von Mitarbeitenden auf Ihre Angaben wird protokolliert.',
        'Stellen Sie einen Antrag ohne Anmeldung, speichern wir die E-Mail-Adresse, die Sie beim Absenden angeben, beim Antrag und löschen sie mit ihm. Wir nutzen sie nur, um Ihnen Links zu den Nachrichten und zum Bescheid zu Ihrem Antrag zu schicken.',
        'Diese Seite setzt nur ein technisch notwendiges Sitzungs-Cookie. Es gibt keine Analyse- oder Werbe-Cookies.',
      ],
    },
    '/barrierefreiheit': {
      title: 'Erklärung zur Barrierefreiheit',
      paragraphs: [
        `Diese Erklärung gilt für die Online-Dienste der ${address}.`,
        'Diese Online-Dienste sollen die Anforderungen der BITV 2.0 und der WCAG 2.2 auf Stufe AA erfüllen. Alle Seiten werden automatisch mit axe-core geprüft und können ohne Maus und ohne JavaScript bedient werden.',
        'Eine Prüfung nach dem BITV-Test durch Menschen steht noch aus. Die erzeugten PDF-Dokumente sind noch nicht barrierefrei nach PDF/UA.',
        `Barrieren melden: ${contact}. Wenn Sie keine zufriedenstellende Antwort erhalten, können Sie sich an die Schlichtungsstelle nach dem Behindertengleichstellungsgesetz wenden.`,
      ],
    },
  };
  for (const [path, page] of Object.entries(pages)) {
    app.get(path, async (request, reply) =>
      sendPage(
        reply,
        <LegalPage frame={frameOf(request, deps)} title={page.title} paragraphs={page.paragraphs} />,
      ),
    );
  }
}
