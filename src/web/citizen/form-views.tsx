/** The pages of a form journey: one question (or a small group) per page, check your answers, declaration. */
import type { VNode } from 'preact';
import type { Answers } from '../../db/schema.ts';
import type { FieldDef, FieldError, FileAnswer, PageDef, ServiceDefinition } from '../../forms/types.ts';
import { formatMegabytes } from '../../forms/uploads.ts';
import { BackLink } from '../components/back-link.tsx';
import { Button } from '../components/button.tsx';
import { Checkbox } from '../components/checkbox.tsx';
import { FileField } from '../components/file-field.tsx';
import { Form } from '../components/form.tsx';
import { SummaryList } from '../components/summary-list.tsx';
import { TextField } from '../components/text-field.tsx';
import { type CitizenFrame, CitizenPage } from './views.tsx';

export interface JourneyProps {
  frame: CitizenFrame;
  service: ServiceDefinition;
  backHref: string;
}

const isFile = (value: unknown): value is FileAnswer =>
  typeof value === 'object' && value !== null && 'documentId' in value;

export function answerText(value: unknown): string {
  if (isFile(value)) return `${value.filename} (${formatMegabytes(value.sizeBytes)})`;
  return typeof value === 'string' ? value : '';
}

function Field(props: {
  field: FieldDef;
  value: unknown;
  error: string | undefined;
  isPageHeading: boolean;
}): VNode | null {
  const { field, error } = props;
  if (field.kind === 'text') {
    return (
      <TextField
        name={field.name}
        label={field.label.de}
        hint={field.hint?.de}
        value={typeof props.value === 'string' ? props.value : ''}
        error={error}
        autocomplete={field.autocomplete}
        width={field.width}
        isPageHeading={props.isPageHeading}
        spellcheck={false}
      />
    );
  }
  if (field.kind === 'file') {
    const current = isFile(props.value) ? props.value : undefined;
    return (
      <>
        {current && (
          <p class="kern-body">
            Bereits hochgeladen: {answerText(current)}. Wählen Sie eine neue Datei, um sie zu ersetzen.
          </p>
        )}
        <FileField
          name={field.name}
          label={field.label.de}
          hint={field.hint?.de}
          error={error}
          accept={field.mediaTypes.join(',')}
          isPageHeading={props.isPageHeading}
        />
      </>
    );
  }
  return null;
}

export function QuestionPage(
  props: JourneyProps & { page: PageDef; values: Answers; errors: FieldError[]; action: string },
): VNode {
  const { page } = props;
  const single = page.fields.length === 1;
  const multipart = page.fields.some((f) => f.kind === 'file');
  const error = (name: string) => props.errors.find((e) => e.field === name)?.message;
  return (
    <CitizenPage frame={props.frame} title={page.title.de} errors={props.errors}>
      <BackLink href={props.backHref} />
      <p class="kern-body kern-body--muted app-caption">{props.service.title.de}</p>
      <Form action={props.action} csrfToken={props.frame.csrfToken} multipart={multipart}>
        {single ? null : <h1 class="kern-heading-large">{page.title.de}</h1>}
        {page.fields.map((field) => (
          <Field
            key={field.name}
            field={field}
            value={props.values[field.name]}
            error={error(field.name)}
            isPageHeading={single}
          />
        ))}
        <Button>Weiter</Button>
      </Form>
    </CitizenPage>
  );
}

export function CheckAnswersPage(
  props: JourneyProps & { answers: Answers; pageHref: (page: PageDef) => string; nextHref: string },
): VNode {
  const { service, answers } = props;
  return (
    <CitizenPage frame={props.frame} title="Angaben prüfen">
      <BackLink href={props.backHref} />
      <h1 class="kern-heading-large">Prüfen Sie Ihre Angaben</h1>
      {service.pages.map((page) => (
        <section key={page.id}>
          <h2 class="kern-heading-medium">{page.title.de}</h2>
          <SummaryList
            rows={page.fields.map((field) => ({
              key: (field.summaryLabel ?? field.label).de,
              value: answerText(answers[field.name]) || 'Keine Angabe',
              changeHref: props.pageHref(page),
              changeLabel: (field.summaryLabel ?? field.label).de,
            }))}
          />
        </section>
      ))}
      <a class="kern-btn kern-btn--primary" href={props.nextHref}>
        <span class="kern-label">Weiter zur Erklärung</span>
      </a>
    </CitizenPage>
  );
}

export function DeclarationPage(props: JourneyProps & { action: string; errors: FieldError[] }): VNode {
  const { service } = props;
  return (
    <CitizenPage frame={props.frame} title="Erklärung und Absenden" errors={props.errors}>
      <BackLink href={props.backHref} />
      <h1 class="kern-heading-large">Erklärung und Absenden</h1>
      <p class="kern-body">Mit dem Absenden stellen Sie den Antrag „{service.title.de}“ verbindlich.</p>
      <Form action={props.action} csrfToken={props.frame.csrfToken}>
        <Checkbox
          name={service.declaration.name}
          label={service.declaration.label.de}
          value="yes"
          error={props.errors.find((e) => e.field === service.declaration.name)?.message}
        />
        <Button>Antrag verbindlich absenden</Button>
      </Form>
    </CitizenPage>
  );
}
