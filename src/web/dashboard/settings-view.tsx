/** The tenant's cost model for the dashboard's cost figures. */
import type { VNode } from 'preact';
import type { FieldError } from '../../forms/types.ts';
import { Alert } from '../components/alert.tsx';
import { Button } from '../components/button.tsx';
import { Form } from '../components/form.tsx';
import { TextField } from '../components/text-field.tsx';
import { type StaffFrame, StaffPage } from '../staff/views.tsx';
import { errorFor, type FormValues, SETTINGS_PATH } from './form-state.ts';

export function SettingsPage(props: {
  frame: StaffFrame;
  values: FormValues;
  errors: FieldError[];
  canChange: boolean;
  done?: string;
}): VNode {
  const { values, errors } = props;
  return (
    <StaffPage frame={props.frame} title="Kostenmodell" errors={errors}>
      <a class="kern-link" href="/verwaltung/ozg">
        Zurück zum OZG-Stand
      </a>
      <h1 class="kern-heading-large">Kostenmodell</h1>
      {props.done && <Alert type="success" title={props.done} />}
      <p class="kern-body">
        Die Kosten pro Jahr setzen sich zusammen aus einer festen Gebühr für die Plattform, einem Betrag je
        Einwohnerin und Einwohner und den Kosten der einzelnen Online-Dienste (bei jeder Leistung
        eingetragen).
      </p>
      {props.canChange ? (
        <Form action={SETTINGS_PATH} csrfToken={props.frame.csrfToken}>
          <TextField
            name="costModelName"
            label="Name des Kostenmodells"
            value={values.costModelName}
            error={errorFor(errors, 'costModelName')}
          />
          <TextField
            name="platformFee"
            label="Feste Gebühr pro Jahr in Euro"
            value={values.platformFee}
            error={errorFor(errors, 'platformFee')}
            width="medium"
          />
          <TextField
            name="perInhabitant"
            label="Betrag je Einwohnerin und Einwohner pro Jahr in Euro"
            value={values.perInhabitant}
            error={errorFor(errors, 'perInhabitant')}
            width="medium"
          />
          <TextField
            name="inhabitants"
            label="Einwohnerinnen und Einwohner"
            value={values.inhabitants}
            error={errorFor(errors, 'inhabitants')}
            width="medium"
            inputMode="numeric"
          />
          <TextField
            name="trendStart"
            label="Zeitverlauf beginnt am"
            hint="Zum Beispiel 01.01.2020"
            value={values.trendStart}
            error={errorFor(errors, 'trendStart')}
            width="medium"
          />
          <Button>Speichern</Button>
        </Form>
      ) : (
        <p class="kern-body">Ändern dürfen diese Angaben nur Mitarbeitende der OZG-Koordination.</p>
      )}
    </StaffPage>
  );
}
