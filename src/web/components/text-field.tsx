import type { VNode } from 'preact';
import { classes, describedBy, ErrorMessage, errorId, FieldLabel, Hint, hintId } from './field-parts.tsx';

export interface TextFieldProps {
  /** Also the input's id, so the error summary can link to `#<name>`. */
  name: string;
  label: string;
  hint?: string;
  value?: string;
  error?: string;
  autocomplete?: string;
  inputMode?: string;
  maxLength?: number;
  width?: 'short' | 'medium' | 'full';
  spellcheck?: boolean;
  /** Renders the label inside the page's <h1> (one question per page). */
  isPageHeading?: boolean;
}

const WIDTH_CLASS = { short: 'app-input--short', medium: 'app-input--medium', full: undefined } as const;

/** A KERN single-line text input with label, optional hint and inline error. */
export function TextField(props: TextFieldProps): VNode {
  const { name, error, hint } = props;
  return (
    <div class={classes('kern-form-input', error && 'kern-form-input--error')}>
      <FieldLabel for={name} label={props.label} isPageHeading={props.isPageHeading} />
      {hint && <Hint id={hintId(name)}>{hint}</Hint>}
      <input
        class={classes(
          'kern-form-input__input',
          error && 'kern-form-input__input--error',
          WIDTH_CLASS[props.width ?? 'full'],
        )}
        id={name}
        name={name}
        type="text"
        value={props.value}
        autocomplete={props.autocomplete}
        inputmode={props.inputMode}
        maxlength={props.maxLength}
        spellcheck={props.spellcheck}
        aria-describedby={describedBy(hint && hintId(name), error && errorId(name))}
        aria-invalid={error ? true : undefined}
      />
      {error && <ErrorMessage id={errorId(name)}>{error}</ErrorMessage>}
    </div>
  );
}
