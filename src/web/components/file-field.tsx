import type { VNode } from 'preact';
import { classes, describedBy, ErrorMessage, errorId, FieldLabel, Hint, hintId } from './field-parts.tsx';

export interface FileFieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  /** e.g. "application/pdf,image/jpeg" — a convenience for the picker only; the server checks the bytes. */
  accept?: string;
  isPageHeading?: boolean;
}

/** A KERN file input (dashed drop area style). Needs a <Form multipart>. */
export function FileField(props: FileFieldProps): VNode {
  const { name, error, hint } = props;
  return (
    <div class={classes('kern-form-input', error && 'kern-form-input--error')}>
      <FieldLabel for={name} label={props.label} isPageHeading={props.isPageHeading} />
      {hint && <Hint id={hintId(name)}>{hint}</Hint>}
      <input
        class={classes('kern-form-input__input', error && 'kern-form-input__input--error')}
        id={name}
        name={name}
        type="file"
        accept={props.accept}
        aria-describedby={describedBy(hint && hintId(name), error && errorId(name))}
        aria-invalid={error ? true : undefined}
      />
      {error && <ErrorMessage id={errorId(name)}>{error}</ErrorMessage>}
    </div>
  );
}
