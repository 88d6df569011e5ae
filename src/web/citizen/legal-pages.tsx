/** Impressum, Datenschutz and Erklärung zur Barrierefreiheit (BITV 2.0 § 7), filled from the tenant's data. */
import type { FastifyInstance } from 'fastify';
import type { VNode } from 'preact';
import type { Locale } from '../../forms/types.ts';
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

type LegalText = Record<Locale, { title: string; paragraphs: string[] }>;

export async function legalRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { letterhead } = deps.tenant;
  const address = `${letterhead.name}, ${letterhead.street}, ${letterhead.postalCode} ${letterhead.city}`;
  const contact = (phone: string, email: string) =>
    [letterhead.phone && `${phone} ${letterhead.phone}`, letterhead.email && `${email} ${letterhead.email}`]
      .filter(Boolean)
      .join(', ');
  const pages: Record<string, LegalText> = {
    '/impressum': {
      de: {
        title: 'Impressum',
        paragraphs: [
          `Anbieterin dieser Online-Dienste ist die ${address}.`,
          `Kontakt: ${contact('Telefon', 'E-Mail')}.`,
        ],
      },
      en: {
        title: 'Legal notice',
        paragraphs: [
          `These online services are provided by ${address}.`,
          `Contact: ${contact('phone', 'email')}.`,
        ],
      },
    },
    '/datenschutz': {
      de: {
        title: 'Datenschutz',
        paragraphs: [
          `Verantwortlich für die Verarbeitung Ihrer Daten ist die ${address}.`,
          'Wir verarbeiten Ihre Angaben nur, um Ihren Antrag zu bearbeiten (Art. 6 Abs. 1 Buchstabe e DSGVO). Jeder Zugriff von Mitarbeitenden auf Ihre Angaben wird protokolliert.',
          'Stellen Sie einen Antrag ohne Anmeldung, speichern wir die E-Mail-Adresse, die Sie beim Absenden angeben, beim Antrag und löschen sie mit ihm. Wir nutzen sie nur, um Ihnen Links zu den Nachrichten und zum Bescheid zu Ihrem Antrag zu schicken.',
          'Diese Seite setzt nur technisch notwendige Cookies: ein Sitzungs-Cookie und, wenn Sie eine andere Sprache wählen, ein Cookie, das sich diese Sprache merkt. Es gibt keine Analyse- oder Werbe-Cookies.',
        ],
      },
      en: {
        title: 'Privacy',
        paragraphs: [
          `The controller for the processing of your data is ${address}.`,
          'We process your answers only to handle your application (Art. 6(1)(e) GDPR). Every access by staff to your answers is logged.',
          'If you apply without logging in, we store the email address you give when sending with the application and delete it with the application. We use it only to send you links to the messages and the decision about your application.',
          'This site sets only technically necessary cookies: a session cookie and, if you choose another language, a cookie that remembers it. There are no analytics or advertising cookies.',
        ],
      },
    },
    '/barrierefreiheit': {
      de: {
        title: 'Erklärung zur Barrierefreiheit',
        paragraphs: [
          `Diese Erklärung gilt für die Online-Dienste der ${address}.`,
          'Diese Online-Dienste sollen die Anforderungen der BITV 2.0 und der WCAG 2.2 auf Stufe AA erfüllen. Alle Seiten werden automatisch mit axe-core geprüft und können ohne Maus und ohne JavaScript bedient werden.',
          'Eine Prüfung nach dem BITV-Test durch Menschen steht noch aus. Die erzeugten PDF-Dokumente sind noch nicht barrierefrei nach PDF/UA.',
          `Barrieren melden: ${contact('Telefon', 'E-Mail')}. Wenn Sie keine zufriedenstellende Antwort erhalten, können Sie sich an die Schlichtungsstelle nach dem Behindertengleichstellungsgesetz wenden.`,
        ],
      },
      en: {
        title: 'Accessibility statement',
        paragraphs: [
          `This statement applies to the online services of ${address}.`,
          'These online services aim to meet the requirements of BITV 2.0 and WCAG 2.2 level AA. Every page is checked automatically with axe-core and can be used without a mouse and without JavaScript.',
          'A BITV test by people is still to be done. The PDF documents generated are not yet accessible according to PDF/UA.',
          `Report barriers: ${contact('phone', 'email')}. If you do not receive a satisfactory answer, you can contact the conciliation body under the German Disability Equality Act (Behindertengleichstellungsgesetz).`,
        ],
      },
    },
  };
  for (const [path, texts] of Object.entries(pages)) {
    app.get(path, async (request, reply) => {
      const frame = frameOf(request, deps);
      const page = texts[frame.locale];
      return sendPage(reply, <LegalPage frame={frame} title={page.title} paragraphs={page.paragraphs} />);
    });
  }
}
