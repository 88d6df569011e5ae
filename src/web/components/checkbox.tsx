import type { VNode } from 'preact';
import { classes, describedBy, ErrorMessage, errorId, Hint, hintId } from './field-parts.tsx';

export interface CheckboxProps {
  /** Also the input's id. */
  name: string;
  label: string;
  /** Sent when checked; the browser sends "on" when left out. Unchecked boxes send nothing. */
  value?: string;
  checked?: boolean;
  error?: string;
  hint?: string;
}

/** A single KERN checkbox, e.g. a declaration ("Ich versichere, dass …"). */
export function Checkbox(props: CheckboxProps): VNode {
  const { name, error, hint } = props;
  return (
    <div class={classes('kern-form-check', error && 'kern-form-check--error')}>
      <input
        class={classes('kern-form-check__checkbox', error && 'kern-form-check__checkbox--error')}
        id={name}
        name={name}
        type="checkbox"
        value={props.value}
        checked={props.checked}
        aria-describedby={describedBy(hint && hintId(name), error && errorId(name))}
        aria-invalid={error ? true : undefined}
      />
      <label class="kern-label" for={name}>
        {props.label}
      </label>
      {hint && <Hint id={hintId(name)}>{hint}</Hint>}
      {error && <ErrorMessage id={errorId(name)}>{error}</ErrorMessage>}
    </div>
  );
}
