import type { VNode } from 'preact';
import { classes, describedBy, ErrorMessage, errorId, Hint, hintId, Legend } from './field-parts.tsx';

export interface RadioOption {
  value: string;
  label: string;
  hint?: string;
}

export interface RadiosProps {
  name: string;
  legend: string;
  options: RadioOption[];
  value?: string;
  error?: string;
  hint?: string;
  /** Renders the legend as the page's <h1> (one question per page). */
  isPageHeading?: boolean;
}

/**
 * A KERN radio group in a fieldset. The first radio's id is the name itself, so the error summary's
 * `#<name>` link lands on it; the others are `<name>-2`, `<name>-3`, … (GOV.UK's scheme).
 */
export function Radios(props: RadiosProps): VNode {
  const { name, error, hint } = props;
  return (
    <fieldset
      class={classes('kern-fieldset', error && 'kern-fieldset--error')}
      aria-describedby={describedBy(hint && hintId(name), error && errorId(name))}
    >
      <Legend text={props.legend} isPageHeading={props.isPageHeading} />
      {hint && <Hint id={hintId(name)}>{hint}</Hint>}
      <div class="kern-fieldset__body">
        {props.options.map((option, index) => {
          const id = index === 0 ? name : `${name}-${index + 1}`;
          return (
            <div class="kern-form-check">
              <input
                class={classes('kern-form-check__radio', error && 'kern-form-check__radio--error')}
                id={id}
                name={name}
                type="radio"
                value={option.value}
                checked={option.value === props.value}
                aria-describedby={option.hint ? hintId(id) : undefined}
              />
              <label class="kern-label" for={id}>
                {option.label}
              </label>
              {option.hint && <Hint id={hintId(id)}>{option.hint}</Hint>}
            </div>
          );
        })}
      </div>
      {error && <ErrorMessage id={errorId(name)}>{error}</ErrorMessage>}
    </fieldset>
  );
}
