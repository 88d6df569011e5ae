import type { VNode } from 'preact';
import { classes, describedBy, ErrorMessage, errorId, Hint, hintId, Legend } from './field-parts.tsx';

export interface RadioOption {
  value: string;
  label: string;
  hint?: string;
}

interface GroupProps {
  name: string;
  legend: string;
  options: RadioOption[];
  error?: string;
  hint?: string;
  /** Renders the legend as the page's <h1> (one question per page). */
  isPageHeading?: boolean;
}

export interface RadiosProps extends GroupProps {
  value?: string;
}

/**
 * Radios or checkboxes in a KERN fieldset. The first input's id is the name itself, so the error
 * summary's `#<name>` link lands on it; the others are `<name>-2`, `<name>-3`, … (GOV.UK's scheme).
 */
function OptionGroup(
  props: GroupProps & { type: 'radio' | 'checkbox'; selected: (value: string) => boolean },
): VNode {
  const { name, error, hint, type } = props;
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
                class={classes(`kern-form-check__${type}`, error && `kern-form-check__${type}--error`)}
                id={id}
                name={name}
                type={type}
                value={option.value}
                checked={props.selected(option.value)}
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

/** One answer from a few options. */
export function Radios(props: RadiosProps): VNode {
  return <OptionGroup {...props} type="radio" selected={(value) => value === props.value} />;
}

/** Several answers from a list of options. */
export function Checkboxes(props: GroupProps & { values: string[] }): VNode {
  return <OptionGroup {...props} type="checkbox" selected={(value) => props.values.includes(value)} />;
}
