import type { VNode } from 'preact';
import { classes, describedBy, ErrorMessage, errorId, FieldLabel, Hint, hintId } from './field-parts.tsx';
import type { RadioOption } from './radios.tsx';

/** A KERN select for long option lists (e.g. code lists); starts on an empty "Bitte auswählen" entry. */
export function Select(props: {
  name: string;
  label: string;
  options: RadioOption[];
  value?: string;
  error?: string;
  hint?: string;
  isPageHeading?: boolean;
}): VNode {
  const { name, error, hint } = props;
  return (
    <div class={classes('kern-form-input', error && 'kern-form-input--error')}>
      <FieldLabel for={name} label={props.label} isPageHeading={props.isPageHeading} />
      {hint && <Hint id={hintId(name)}>{hint}</Hint>}
      <div class="kern-form-input__select-wrapper">
        <select
          class={classes('kern-form-input__select', error && 'kern-form-input__select--error')}
          id={name}
          name={name}
          aria-describedby={describedBy(hint && hintId(name), error && errorId(name))}
          aria-invalid={error ? 'true' : undefined}
        >
          <option value="">Bitte auswählen</option>
          {props.options.map((option) => (
            <option key={option.value} value={option.value} selected={option.value === props.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {error && <ErrorMessage id={errorId(name)}>{error}</ErrorMessage>}
    </div>
  );
}
