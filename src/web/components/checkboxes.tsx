import type { VNode } from 'preact';
import { classes, describedBy, ErrorMessage, errorId, Hint, hintId, Legend } from './field-parts.tsx';
import type { RadioOption } from './radios.tsx';

/** Several checkboxes in a fieldset, one answer with many values; ids follow the radios' scheme. */
export function Checkboxes(props: {
  name: string;
  legend: string;
  options: RadioOption[];
  values: string[];
  error?: string;
  hint?: string;
  isPageHeading?: boolean;
}): VNode {
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
            <div class="kern-form-check" key={option.value}>
              <input
                class={classes('kern-form-check__checkbox', error && 'kern-form-check__checkbox--error')}
                id={id}
                name={name}
                type="checkbox"
                value={option.value}
                checked={props.values.includes(option.value)}
              />
              <label class="kern-label" for={id}>
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
      {error && <ErrorMessage id={errorId(name)}>{error}</ErrorMessage>}
    </fieldset>
  );
}
