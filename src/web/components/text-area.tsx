import type { VNode } from 'preact';
import { classes, describedBy, ErrorMessage, errorId, FieldLabel, Hint, hintId } from './field-parts.tsx';

export interface TextAreaProps {
  name: string;
  label: string;
  hint?: string;
  value?: string;
  error?: string;
  autocomplete?: string;
  maxLength?: number;
  spellcheck?: boolean;
  isPageHeading?: boolean;
  rows?: number;
}

/** A KERN multi-line text input; the value is rendered (escaped) as the textarea's content. */
export function TextArea(props: TextAreaProps): VNode {
  const { name, error, hint } = props;
  return (
    <div class={classes('kern-form-input', error && 'kern-form-input--error')}>
      <FieldLabel for={name} label={props.label} isPageHeading={props.isPageHeading} />
      {hint && <Hint id={hintId(name)}>{hint}</Hint>}
      <textarea
        class={classes('kern-form-input__input', error && 'kern-form-input__input--error')}
        id={name}
        name={name}
        rows={props.rows ?? 5}
        value={props.value}
        autocomplete={props.autocomplete}
        maxlength={props.maxLength}
        spellcheck={props.spellcheck}
        aria-describedby={describedBy(hint && hintId(name), error && errorId(name))}
        aria-invalid={error ? true : undefined}
      />
      {error && <ErrorMessage id={errorId(name)}>{error}</ErrorMessage>}
    </div>
  );
}
