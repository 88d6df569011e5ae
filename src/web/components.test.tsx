import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { Alert } from './components/alert.tsx';
import { BackLink } from './components/back-link.tsx';
import { Badge } from './components/badge.tsx';
import { Button, ButtonLink } from './components/button.tsx';
import { Checkbox } from './components/checkbox.tsx';
import { ErrorSummary } from './components/error-summary.tsx';
import { FileField } from './components/file-field.tsx';
import { Form } from './components/form.tsx';
import { Page } from './components/page.tsx';
import { Radios } from './components/radios.tsx';
import { SummaryList } from './components/summary-list.tsx';
import { Table } from './components/table.tsx';
import { TextArea } from './components/text-area.tsx';
import { TextField } from './components/text-field.tsx';
import { VisuallyHidden } from './components/visually-hidden.tsx';
import { renderPage } from './render.ts';

const html = (vnode: VNode): string => renderToString(vnode);

/** The opening tag of the first element matching `<tag … id="id"`. */
function tagWithId(markup: string, tag: string, id: string): string {
  const match = markup.match(new RegExp(`<${tag}\\b[^>]*\\bid="${id}"[^>]*>`));
  assert.ok(match, `no <${tag} id="${id}"> in ${markup}`);
  return match[0];
}

describe('TextField', () => {
  it('links label, hint and error to the input and marks it invalid', () => {
    const out = html(
      <TextField
        name="email"
        label="E-Mail-Adresse"
        hint="Für Rückfragen"
        error="Geben Sie eine E-Mail-Adresse an"
      />,
    );
    const input = tagWithId(out, 'input', 'email');
    assert.match(input, /name="email"/);
    assert.match(input, /aria-describedby="email-hint email-error"/);
    assert.match(input, /aria-invalid="true"/);
    assert.match(input, /class="kern-form-input__input kern-form-input__input--error"/);
    assert.match(out, /<label class="kern-label" for="email">E-Mail-Adresse<\/label>/);
    assert.match(out, /<div class="kern-hint" id="email-hint">Für Rückfragen<\/div>/);
    assert.match(out, /<p class="kern-error" id="email-error">.*Fehler: .*Geben Sie eine E-Mail-Adresse an/);
    assert.match(out, /^<div class="kern-form-input kern-form-input--error">/);
  });

  it('has neither aria-invalid nor aria-describedby without error and hint', () => {
    const out = html(<TextField name="name" label="Name" />);
    assert.doesNotMatch(out, /aria-invalid|aria-describedby|kern-error|--error/);
  });

  it('escapes the value', () => {
    const out = html(<TextField name="name" label="Name" value={'"><script>alert(1)</script>'} />);
    assert.match(out, /value="&quot;>&lt;script>alert\(1\)&lt;\/script>"/);
    assert.doesNotMatch(out, /<script>/);
  });

  it('passes the input attributes through in HTML spelling', () => {
    const out = html(
      <TextField
        name="plz"
        label="Postleitzahl"
        autocomplete="postal-code"
        inputMode="numeric"
        maxLength={5}
        width="short"
        spellcheck={false}
      />,
    );
    const input = tagWithId(out, 'input', 'plz');
    assert.match(input, /autocomplete="postal-code"/);
    assert.match(input, /inputmode="numeric"/);
    assert.match(input, /maxlength="5"/);
    assert.match(input, /spellcheck="false"/);
    assert.match(input, /app-input--short/);
  });

  it('puts the label inside the h1 when it is the page heading', () => {
    const out = html(<TextField name="name" label="Wie heißen Sie?" isPageHeading />);
    assert.match(out, /<h1 class="[^"]*"><label for="name">Wie heißen Sie\?<\/label><\/h1>/);
  });
});

describe('TextArea', () => {
  it('renders the escaped value as content and links the error', () => {
    const out = html(
      <TextArea name="begruendung" label="Begründung" value="<b>fett</b> & mehr" error="Zu lang" rows={3} />,
    );
    assert.match(out, /<textarea[^>]*rows="3"[^>]*>&lt;b>fett&lt;\/b> &amp; mehr<\/textarea>/);
    const textarea = tagWithId(out, 'textarea', 'begruendung');
    assert.match(textarea, /aria-describedby="begruendung-error"/);
    assert.match(textarea, /aria-invalid="true"/);
  });
});

describe('FileField', () => {
  it('is a file input with accept and a linked error', () => {
    const out = html(
      <FileField name="nachweis" label="Nachweis" accept="application/pdf" error="Die Datei ist zu groß" />,
    );
    const input = tagWithId(out, 'input', 'nachweis');
    assert.match(input, /type="file"/);
    assert.match(input, /accept="application\/pdf"/);
    assert.match(input, /aria-describedby="nachweis-error"/);
  });
});

describe('Radios', () => {
  const options = [
    { value: 'pkw', label: 'Pkw' },
    { value: 'motorrad', label: 'Motorrad', hint: 'Auch Leichtkrafträder' },
  ];

  it('groups the radios in a fieldset, first id = name, and checks the value', () => {
    const out = html(
      <Radios name="fahrzeug" legend="Welches Fahrzeug?" options={options} value="motorrad" />,
    );
    assert.match(
      out,
      /^<fieldset class="kern-fieldset"><legend class="kern-label">Welches Fahrzeug\?<\/legend>/,
    );
    const first = tagWithId(out, 'input', 'fahrzeug');
    assert.match(first, /type="radio"/);
    assert.match(first, /value="pkw"/);
    assert.doesNotMatch(first, /checked/);
    const second = tagWithId(out, 'input', 'fahrzeug-2');
    assert.match(second, /checked/);
    assert.match(second, /aria-describedby="fahrzeug-2-hint"/);
    assert.match(out, /<label class="kern-label" for="fahrzeug-2">Motorrad<\/label>/);
  });

  it('describes the fieldset by hint and error and marks the group as erroneous', () => {
    const out = html(
      <Radios
        name="fahrzeug"
        legend="Fahrzeug"
        options={options}
        hint="Eins wählen"
        error="Wählen Sie ein Fahrzeug"
      />,
    );
    assert.match(
      out,
      /^<fieldset class="kern-fieldset kern-fieldset--error" aria-describedby="fahrzeug-hint fahrzeug-error">/,
    );
    assert.match(out, /kern-form-check__radio--error/);
    assert.match(out, /id="fahrzeug-error"/);
  });

  it('renders the legend as the page h1 on request', () => {
    const out = html(<Radios name="f" legend="Welches Fahrzeug?" options={options} isPageHeading />);
    assert.match(out, /<legend[^>]*><h1 class="kern-heading-large">Welches Fahrzeug\?<\/h1><\/legend>/);
  });
});

describe('Checkbox', () => {
  it('renders a labelled, checked checkbox with a linked error', () => {
    const out = html(
      <Checkbox
        name="erklaerung"
        label="Ich versichere die Richtigkeit"
        value="ja"
        checked
        error="Bestätigen Sie die Erklärung"
      />,
    );
    const input = tagWithId(out, 'input', 'erklaerung');
    assert.match(input, /type="checkbox"/);
    assert.match(input, /value="ja"/);
    assert.match(input, /checked/);
    assert.match(input, /aria-describedby="erklaerung-error"/);
    assert.match(input, /aria-invalid="true"/);
    assert.match(out, /<label class="kern-label" for="erklaerung">/);
  });
});

describe('ErrorSummary', () => {
  it('links each message to its field and can take focus', () => {
    const out = html(
      <ErrorSummary
        errors={[
          { field: 'name', message: 'Geben Sie Ihren Namen an' },
          { field: 'plz', message: 'Die Postleitzahl hat 5 Ziffern' },
        ]}
      />,
    );
    const container = tagWithId(out, 'div', 'error-summary');
    assert.match(container, /tabindex="-1"/);
    assert.match(container, /role="alert"/);
    assert.match(container, /aria-labelledby="error-summary-title"/);
    assert.doesNotMatch(out, /autofocus/);
    assert.match(out, /<h2 class="kern-title" id="error-summary-title">Es gibt ein Problem<\/h2>/);
    assert.match(out, /<a class="kern-link" href="#name">Geben Sie Ihren Namen an<\/a>/);
    assert.match(out, /<a class="kern-link" href="#plz">Die Postleitzahl hat 5 Ziffern<\/a>/);
  });
});

describe('Form', () => {
  it('posts, renders _csrf as its first element and skips browser validation by default', () => {
    const out = html(
      <Form action="/antrag/seite-1" csrfToken="tok&en" multipart>
        <FileField name="datei" label="Datei" />
      </Form>,
    );
    assert.match(
      out,
      /^<form class="app-form" method="post" action="\/antrag\/seite-1" enctype="multipart\/form-data" novalidate><input type="hidden" name="_csrf" value="tok&amp;en"\/?>/,
    );
    assert.ok(out.indexOf('name="_csrf"') < out.indexOf('type="file"'));
  });

  it('leaves validation to the browser and the encoding default when asked', () => {
    const out = html(
      <Form action="/x" csrfToken="t" novalidate={false}>
        <Button>Weiter</Button>
      </Form>,
    );
    assert.doesNotMatch(out, /novalidate|enctype/);
  });
});

describe('Buttons and links', () => {
  it('renders a KERN submit button by default', () => {
    assert.equal(
      html(<Button>Weiter</Button>),
      '<button class="kern-btn kern-btn--primary" type="submit"><span class="kern-label">Weiter</span></button>',
    );
    assert.match(
      html(
        <Button variant="secondary" type="button" name="aktion" value="entwurf">
          Speichern
        </Button>,
      ),
      /class="kern-btn kern-btn--secondary" type="button" name="aktion" value="entwurf"/,
    );
  });

  it('renders a link styled as a button, and a back link', () => {
    assert.equal(
      html(<ButtonLink href="/start">Jetzt starten</ButtonLink>),
      '<a class="kern-btn kern-btn--primary" href="/start"><span class="kern-label">Jetzt starten</span></a>',
    );
    const back = html(<BackLink href="/antrag/seite-1" />);
    assert.match(back, /href="\/antrag\/seite-1"/);
    assert.match(back, /Zurück<\/a>$/);
    assert.match(html(<BackLink href="/" label="Zur Übersicht" />), /Zur Übersicht<\/a>$/);
  });
});

describe('Alert, Badge, VisuallyHidden', () => {
  it('announces danger alerts and names the type for screen readers', () => {
    const out = html(
      <Alert type="danger" title="Nicht gespeichert">
        Bitte erneut versuchen.
      </Alert>,
    );
    assert.match(out, /^<div class="kern-alert kern-alert--danger" role="alert">/);
    assert.match(out, /<span class="kern-sr-only">Fehler: <\/span>Nicht gespeichert/);
    assert.match(
      out,
      /<div class="kern-alert__body"><p class="kern-body">Bitte erneut versuchen.<\/p><\/div>/,
    );
  });

  it('renders info alerts without a live role and without an empty body', () => {
    const out = html(<Alert type="info" title="Hinweis" />);
    assert.doesNotMatch(out, /role=|kern-alert__body/);
  });

  it('renders badges and hidden text', () => {
    assert.match(
      html(<Badge type="success">Beschieden</Badge>),
      /^<span class="kern-badge kern-badge--success">.*Beschieden<\/span><\/span>$/,
    );
    assert.match(html(<Badge>Neu</Badge>), /kern-badge--info/);
    assert.equal(html(<VisuallyHidden>Name</VisuallyHidden>), '<span class="kern-sr-only">Name</span>');
  });
});

describe('SummaryList', () => {
  it('renders a description list with change links that name their row', () => {
    const out = html(
      <SummaryList
        rows={[
          { key: 'Name', value: 'Kim Musterperson', changeHref: '/antrag/name' },
          {
            key: 'Kennzeichen',
            value: 'HH-AB 123',
            changeHref: '/antrag/kfz',
            changeLabel: 'amtliches Kennzeichen',
          },
          { key: 'Eingang', value: '1. Juli 2026' },
        ]}
      />,
    );
    assert.match(out, /^<dl class="kern-description-list[^"]*">/);
    assert.match(
      out,
      /<dt class="kern-description-list-item__key">Name<\/dt><dd class="kern-description-list-item__value">Kim Musterperson<\/dd>/,
    );
    assert.match(
      out,
      /<a class="kern-link" href="\/antrag\/name">Ändern<span class="kern-sr-only"> Name<\/span><\/a>/,
    );
    assert.match(out, /Ändern<span class="kern-sr-only"> amtliches Kennzeichen<\/span>/);
    assert.equal(out.match(/Ändern/g)?.length, 2);
  });
});

describe('Table', () => {
  it('wraps the table in a focusable, named scroll region with a caption and column headers', () => {
    const out = html(
      <Table
        caption="Anträge"
        head={['Nummer', 'Status']}
        rows={[
          ['BPA-1', 'Neu'],
          ['BPA-2', <strong>Beschieden</strong>],
        ]}
      />,
    );
    assert.match(
      out,
      /^<section class="kern-table-responsive app-table-scroll" tabindex="0" aria-label="Anträge">/,
    );
    assert.match(out, /<caption class="kern-title">Anträge<\/caption>/);
    assert.match(out, /<th class="kern-table__header" scope="col">Status<\/th>/);
    assert.match(out, /<td class="kern-table__cell"><strong>Beschieden<\/strong><\/td>/);
  });
});

describe('Page and renderPage', () => {
  const page = (errors?: { field: string; message: string }[]) =>
    renderPage(
      <Page
        title="Bewohnerparkausweis"
        tenantName="Musterstadt"
        errors={errors}
        nav={<a href="/abmelden">Abmelden</a>}
      >
        <h1 class="kern-heading-large">Bewohnerparkausweis</h1>
      </Page>,
    );

  it('renders a whole document with the KERN frame', () => {
    const out = page();
    assert.ok(out.startsWith('<!doctype html><html lang="de"><head>'));
    assert.match(out, /<meta charset="utf-8"\/?>/);
    assert.match(out, /<meta name="viewport" content="width=device-width, initial-scale=1"\/?>/);
    assert.match(out, /<title>Bewohnerparkausweis – Musterstadt<\/title>/);
    assert.match(out, /<link rel="stylesheet" href="\/assets\/kern\/kern.min.css"\/?>/);
    assert.match(out, /<link rel="stylesheet" href="\/assets\/app.css"\/?>/);
    assert.match(out, /<body><a class="kern-link app-skip-link" href="#main">Zum Inhalt springen<\/a>/);
    assert.match(out, /Offizielle Website – Bundesrepublik Deutschland/);
    assert.match(out, /<a class="app-header__name" href="\/">Musterstadt/);
    assert.match(
      out,
      /<nav class="app-header__nav" aria-label="Servicenavigation"><a href="\/abmelden">Abmelden<\/a><\/nav>/,
    );
    assert.match(out, /<main class="kern-container app-main" id="main"><h1/);
    for (const path of ['/impressum', '/datenschutz', '/barrierefreiheit']) {
      assert.match(out, new RegExp(`<footer[^]*href="${path}"`));
    }
  });

  it('prefixes the title with "Fehler: " and opens main with the error summary', () => {
    const out = page([{ field: 'name', message: 'Geben Sie Ihren Namen an' }]);
    assert.match(out, /<title>Fehler: Bewohnerparkausweis – Musterstadt<\/title>/);
    assert.match(
      out,
      /<main class="kern-container app-main" id="main"><div class="kern-alert kern-alert--danger app-error-summary" id="error-summary"/,
    );
    assert.doesNotMatch(page([]), /Fehler: |error-summary/);
  });

  it('escapes the title and the tenant name and has no inline style or script', () => {
    const out = renderPage(
      <Page title="<script>x</script>" tenantName={'A & "B"'}>
        <p>Inhalt</p>
      </Page>,
    );
    assert.match(out, /<title>&lt;script>x&lt;\/script> – A &amp; &quot;B&quot;<\/title>/);
    assert.doesNotMatch(out, /<script|<style|\sstyle=/);
  });

  it('speaks English when asked', () => {
    const out = renderPage(
      <Page
        title="Resident parking"
        lang="en"
        tenantName="Musterstadt"
        errors={[{ field: 'a', message: 'b' }]}
      >
        <p>x</p>
      </Page>,
    );
    assert.match(out, /<html lang="en">/);
    assert.match(out, /<title>Error: Resident parking – Musterstadt<\/title>/);
    assert.match(out, /Skip to main content/);
    assert.match(out, /There is a problem/);
  });
});
