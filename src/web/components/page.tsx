import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { ErrorSummary, type FieldError } from './error-summary.tsx';
import { LangContext } from './lang.ts';

export interface PageProps {
  title: string;
  lang?: 'de' | 'en';
  tenantName: string;
  /** Rendered at the right of the header, e.g. log-in/log-out links. */
  nav?: ComponentChildren;
  children: ComponentChildren;
  /** When given, the title starts with "Fehler: " and the error summary opens <main>. */
  errors?: FieldError[];
}

// The page frame's own words; the content passed in is in the page's language already.
const TEXT = {
  de: {
    error: 'Fehler: ',
    skip: 'Zum Inhalt springen',
    official: 'Offizielle Website – Bundesrepublik Deutschland',
    home: 'Startseite',
    service: 'Servicenavigation',
    legal: 'Rechtliches',
    imprint: 'Impressum',
    privacy: 'Datenschutz',
    accessibility: 'Barrierefreiheit',
  },
  en: {
    error: 'Error: ',
    skip: 'Skip to main content',
    official: 'Official website – Federal Republic of Germany',
    home: 'Home page',
    service: 'Service navigation',
    legal: 'Legal',
    imprint: 'Legal notice',
    privacy: 'Privacy',
    accessibility: 'Accessibility',
  },
} as const;

/**
 * The parts of the frame that are the same on every page, rendered once per language: about a third of
 * the frame's elements, which Preact would otherwise walk on every request.
 */
const STATIC = {
  de: staticParts('de'),
  en: staticParts('en'),
};

function staticParts(lang: 'de' | 'en') {
  const text = TEXT[lang];
  return {
    kopfzeile: { __html: renderToString(<KopfzeileContent label={text.official} />) },
    footer: {
      __html: renderToString(
        <div class="kern-container">
          <nav aria-label={text.legal}>
            <ul class="kern-list kern-list--horizontal">
              <li>
                <a class="kern-link" href="/impressum">
                  {text.imprint}
                </a>
              </li>
              <li>
                <a class="kern-link" href="/datenschutz">
                  {text.privacy}
                </a>
              </li>
              <li>
                <a class="kern-link" href="/barrierefreiheit">
                  {text.accessibility}
                </a>
              </li>
            </ul>
          </nav>
        </div>,
      ),
    },
  };
}

/** The full HTML document of every page (the caller prepends the doctype, see render.ts). */
export function Page(props: PageProps): VNode {
  const lang = props.lang ?? 'de';
  const text = TEXT[lang];
  const hasErrors = props.errors !== undefined && props.errors.length > 0;
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${hasErrors ? text.error : ''}${props.title} – ${props.tenantName}`}</title>
        <link rel="stylesheet" href="/assets/kern/kern.min.css" />
        <link rel="stylesheet" href="/assets/kern/fonts/fira-sans.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="stylesheet" href="/assets/charts.css" />
      </head>
      <body>
        <a class="kern-link app-skip-link" href="#main">
          {text.skip}
        </a>
        <header class="app-header">
          <div class="kern-kopfzeile" dangerouslySetInnerHTML={STATIC[lang].kopfzeile} />
          <div class="kern-container app-header__bar">
            <a class="app-header__name" href="/">
              {props.tenantName}
              <span class="kern-sr-only"> – {text.home}</span>
            </a>
            {props.nav != null && (
              <nav class="app-header__nav" aria-label={text.service}>
                <LangContext.Provider value={lang}>{props.nav}</LangContext.Provider>
              </nav>
            )}
          </div>
        </header>
        <main class="kern-container app-main" id="main">
          {hasErrors && <ErrorSummary errors={props.errors ?? []} lang={lang} />}
          <LangContext.Provider value={lang}>{props.children}</LangContext.Provider>
        </main>
        <footer class="app-footer" dangerouslySetInnerHTML={STATIC[lang].footer} />
      </body>
    </html>
  );
}

/**
 * KERN's "Kopfzeile", the CSS variant: the package's <kern-kopfzeile> web component needs JavaScript
 * and writes inline <style> into its shadow root, which a `style-src 'self'` CSP blocks.
 */
function KopfzeileContent(props: { label: string }): VNode {
  return (
    <div class="kern-container">
      <div class="kern-kopfzeile__content">
        <span class="kern-kopfzeile__flagge" aria-hidden="true">
          <svg
            xmlns="http://www.w3.org/2000/svg"
            aria-hidden="true"
            fill="none"
            viewBox="0 0 24 16"
            width="24"
            height="16"
          >
            <path fill="#000" d="M0 .5h24v5.333H0z" />
            <path fill="red" d="M0 5.833h24v5.333H0z" />
            <path fill="#FACA2C" d="M0 11.167h24V16.5H0z" />
          </svg>
        </span>
        <span class="kern-kopfzeile__label">{props.label}</span>
      </div>
    </div>
  );
}
