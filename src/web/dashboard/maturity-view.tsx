/** How mature a Leistung offered by an Amtsweg package is, criterion by criterion, with the staff answers form. */
import type { VNode } from 'preact';
import { answerFieldId, type ModelAssessment } from '../../catalog/package-maturity.ts';
import type { FieldError } from '../../forms/types.ts';
import { Button } from '../components/button.tsx';
import { Form } from '../components/form.tsx';
import { Radios } from '../components/radios.tsx';
import { Table } from '../components/table.tsx';
import { TextArea } from '../components/text-area.tsx';

export function MaturitySection(props: {
  assessments: ModelAssessment[];
  action: string;
  csrfToken: string;
  canChange: boolean;
  errors: FieldError[];
  /** The answer sent with an error: its form shows what was chosen and typed, not the stored answer. */
  submitted?: Record<string, string>;
}): VNode {
  return (
    <section aria-labelledby="reifegrad">
      <h2 class="kern-heading-medium" id="reifegrad">
        Reifegrad
      </h2>
      <p class="kern-body">
        Die schwächste Anforderung bestimmt die Stufe. Was das Leistungspaket tut, leitet Amtsweg selbst ab;
        die übrigen Anforderungen beantwortet die OZG-Koordination mit Begründung. Anforderungen, deren
        Bezeichnung nicht aus einer amtlichen Quelle bestätigt ist, sind mit „vorläufig“ markiert.
      </p>
      {props.assessments.map(({ model, answers, assessment }) => {
        const level = model.levels.find((l) => l.level === assessment.level);
        const limited = new Set(assessment.limitedBy);
        return (
          <section key={model.id} aria-labelledby={`modell-${model.id.replace('.', '')}`}>
            <h3 class="kern-heading-small" id={`modell-${model.id.replace('.', '')}`}>
              {model.name}: Stufe {assessment.level}
              {level ? ` – ${level.name}` : ''}
              {assessment.provisional ? ' (vorläufig, es fehlen noch Antworten)' : ''}
            </h3>
            <Table
              caption={`Anforderungen nach ${model.name}`}
              head={['Anforderung', 'Antwort', 'Begründung', 'Höchste Stufe']}
              rows={model.criteria.map((criterion) => {
                const answer = answers[criterion.id];
                const option = criterion.options.find((o) => o.id === answer?.option);
                return [
                  `${criterion.name}${criterion.verified ? '' : ' (vorläufig)'}`,
                  option ? option.label : 'Noch nicht beantwortet',
                  answer ? `${answer.reason}${answer.derived ? ' (aus dem Paket abgeleitet)' : ''}` : '–',
                  option
                    ? `${option.maxLevel}${limited.has(criterion.id) ? ' – begrenzt die Stufe' : ''}`
                    : '–',
                ];
              })}
            />
            {props.canChange &&
              model.criteria
                .filter((c) => !c.derivedFrom)
                .map((criterion) => {
                  const field = answerFieldId(model.id, criterion.id);
                  const answer = answers[criterion.id];
                  const sent =
                    props.submitted?.model === model.id && props.submitted.criterion === criterion.id
                      ? props.submitted
                      : undefined;
                  return (
                    <Form action={props.action} csrfToken={props.csrfToken} key={criterion.id}>
                      <input type="hidden" name="model" value={model.id} />
                      <input type="hidden" name="criterion" value={criterion.id} />
                      <Radios
                        name={field}
                        legend={`${criterion.name}: ${criterion.question}`}
                        value={sent ? sent[field] : answer?.option}
                        error={props.errors.find((e) => e.field === field)?.message}
                        options={criterion.options.map((o) => ({ value: o.id, label: o.label }))}
                      />
                      <TextArea
                        name={`${field}-begruendung`}
                        label="Begründung"
                        value={
                          sent
                            ? (sent[`${field}-begruendung`] ?? '')
                            : answer && !answer.derived
                              ? answer.reason
                              : ''
                        }
                        error={props.errors.find((e) => e.field === `${field}-begruendung`)?.message}
                      />
                      <Button variant="secondary">Antwort speichern</Button>
                    </Form>
                  );
                })}
          </section>
        );
      })}
    </section>
  );
}
