/** Renders a page's items (every field kind, info text, repeating groups) with their raw values and errors. */
import type { VNode } from 'preact';
import { formatFileSize, localize, YES_NO_LABELS } from '../../forms/display.ts';
import { ADDRESS_LABELS, ADDRESS_PARTS } from '../../forms/fields.ts';
import { DOCUMENT_SUFFIX } from '../../forms/raw-input.ts';
import type { Reveal } from '../../forms/reveal.ts';
import type { FileAnswer, Locale } from '../../forms/types.ts';
import type { PageItem } from '../../packages/compile.ts';
import type { RepeatFieldDef, ServicePackage, ValueFieldDef } from '../../packages/schema.ts';
import { Button } from '../components/button.tsx';
import { Checkbox } from '../components/checkbox.tsx';

import { FileField } from '../components/file-field.tsx';
import { Checkboxes, Radios } from '../components/radios.tsx';
import { Select } from '../components/select.tsx';
import { TextArea } from '../components/text-area.tsx';
import { TextField } from '../components/text-field.tsx';
import { VisuallyHidden } from '../components/visually-hidden.tsx';
import { citizenTexts } from './texts.ts';

type Texted = { de: string; en?: string };
const optional = (text: Texted | undefined, locale: Locale) => text && localize(text, locale);
const yesNo = (locale: Locale) => [
  { value: 'yes', label: YES_NO_LABELS[locale][0] },
  { value: 'no', label: YES_NO_LABELS[locale][1] },
];

interface ItemProps {
  locale: Locale;
  errors: Map<string, string>;
  codeLists: NonNullable<ServicePackage['codeLists']>;
  isPageHeading: boolean;
}

const INPUT_HINTS: Partial<
  Record<
    ValueFieldDef['kind'],
    { inputMode?: string; autocomplete?: string; width?: 'short' | 'medium' | 'full' }
  >
> = {
  number: { inputMode: 'decimal', width: 'medium' },
  money: { inputMode: 'decimal', width: 'medium' },
  date: { width: 'medium' },
  email: { inputMode: 'email', autocomplete: 'email' },
  phone: { inputMode: 'tel', autocomplete: 'tel', width: 'medium' },
  postalCode: { inputMode: 'numeric', autocomplete: 'postal-code', width: 'short' },
  taxId: { inputMode: 'numeric', width: 'medium' },
  bic: { width: 'medium' },
  vehicleRegistration: { width: 'medium' },
};

/** A file field in an item of a repeating group: what its remove button posts, and the item's name for it. */
interface RepeatSlot {
  action: string;
  itemName: string;
}

function Field(
  props: ItemProps & {
    def: ValueFieldDef;
    path: string;
    value: unknown;
    slot?: RepeatSlot;
    /** When the field applies (a question depending on another one of the page), before its own hint. */
    conditionHint?: string;
  },
): VNode {
  const { def, path, value, errors, locale } = props;
  const t = citizenTexts(locale);
  const common = {
    name: path,
    hint: [props.conditionHint, optional(def.hint, locale)].filter(Boolean).join(' ') || undefined,
    error: errors.get(path),
    isPageHeading: props.isPageHeading,
  };
  const label = localize(def.label, locale);
  const text = typeof value === 'string' ? value : '';
  switch (def.kind) {
    case 'multiline':
      return <TextArea {...common} label={label} value={text} maxLength={def.maxLength} />;
    case 'yesNo':
      return <Radios {...common} legend={label} options={yesNo(locale)} value={text} />;
    case 'choice':
    case 'codeList': {
      const options =
        def.kind === 'choice'
          ? def.options.map((o) => ({
              value: o.value,
              label: localize(o.label, locale),
              hint: optional(o.hint, locale),
            }))
          : (props.codeLists[def.codeList]?.entries ?? []).map((e) => ({
              value: e.code,
              label: localize(e.label, locale),
            }));
      const asSelect = def.display === 'select' || (def.display === undefined && def.kind === 'codeList');
      return asSelect ? (
        <Select {...common} label={label} options={options} value={text} />
      ) : (
        <Radios {...common} legend={label} options={options} value={text} />
      );
    }
    case 'multiChoice':
      return (
        <Checkboxes
          {...common}
          legend={label}
          options={def.options.map((o) => ({ value: o.value, label: localize(o.label, locale) }))}
          values={Array.isArray(value) ? value.map(String) : []}
        />
      );
    case 'address':
      return <AddressFields {...props} label={label} />;
    case 'file': {
      const current = value && typeof value === 'object' ? (value as FileAnswer) : undefined;
      return (
        <>
          {current && (
            <p class="kern-body">
              {t.alreadyUploaded(`${current.filename} (${formatFileSize(current.sizeBytes, locale)})`)}
            </p>
          )}
          {/* An item's file is carried to the next post by its id (it is saved with the page). */}
          {current && props.slot && (
            <input type="hidden" name={`${path}${DOCUMENT_SUFFIX}`} value={current.documentId} />
          )}
          <FileField {...common} label={label} accept={def.mediaTypes.join(',')} />
          {current && props.slot && (
            <Button variant="secondary" name="_action" value={props.slot.action}>
              {t.removeFileOf(label, props.slot.itemName)}
            </Button>
          )}
          {/* The id of the file shown: a page left open in another tab removes no file uploaded since. */}
          {current && !props.slot && (
            <Button variant="secondary" name="_action" value={`remove-file:${path}:${current.documentId}`}>
              {t.removeFile}
              <VisuallyHidden>{t.removeFileNamed(label, current.filename)}</VisuallyHidden>
            </Button>
          )}
        </>
      );
    }
    case 'declaration':
      return (
        <Checkbox
          name={path}
          label={label}
          value="yes"
          checked={value === 'yes'}
          error={errors.get(path)}
          hint={common.hint}
        />
      );
    default: {
      const hints = INPUT_HINTS[def.kind] ?? {};
      const autocomplete = def.kind === 'text' ? def.autocomplete : hints.autocomplete;
      const width = def.kind === 'text' ? def.width : hints.width;
      const maxLength = def.kind === 'text' ? def.maxLength : undefined;
      return (
        <TextField
          {...common}
          label={label}
          value={text}
          inputMode={hints.inputMode}
          autocomplete={autocomplete}
          width={width}
          maxLength={maxLength}
          spellcheck={false}
        />
      );
    }
  }
}

function AddressFields(
  props: ItemProps & { def: ValueFieldDef; path: string; value: unknown; label: string },
): VNode {
  const value = (props.value && typeof props.value === 'object' ? props.value : {}) as Record<
    string,
    unknown
  >;
  const autocomplete = {
    street: 'address-line1',
    houseNumber: undefined,
    postalCode: 'postal-code',
    city: 'address-level2',
  } as const;
  return (
    <fieldset class="kern-fieldset">
      <legend class="kern-label">{props.label}</legend>
      <div class="kern-fieldset__body">
        {ADDRESS_PARTS.map((part) => (
          <TextField
            key={part}
            name={`${props.path}.${part}`}
            label={ADDRESS_LABELS[part][props.locale]}
            value={typeof value[part] === 'string' ? (value[part] as string) : ''}
            error={props.errors.get(`${props.path}.${part}`)}
            autocomplete={autocomplete[part]}
            inputMode={part === 'postalCode' ? 'numeric' : undefined}
            width={part === 'houseNumber' || part === 'postalCode' ? 'short' : undefined}
          />
        ))}
      </div>
    </fieldset>
  );
}

function Repeat(props: ItemProps & { def: RepeatFieldDef; value: unknown }): VNode {
  const { def } = props;
  const entries = Array.isArray(props.value) ? (props.value as Record<string, unknown>[]) : [];
  const t = citizenTexts(props.locale);
  const itemLabel = localize(def.itemLabel, props.locale);
  const groupError = props.errors.get(def.name);
  return (
    <div class="app-repeat" id={def.name} tabindex={-1}>
      <input type="hidden" name={`${def.name}._count`} value={String(entries.length)} />
      {groupError && <p class="kern-error">{groupError}</p>}
      {entries.map((entry, index) => (
        <fieldset class="kern-fieldset app-repeat__item" key={String(index)}>
          <legend class="kern-heading-small">
            {itemLabel} {index + 1}
          </legend>
          <div class="kern-fieldset__body">
            {def.fields.map((field) => (
              <Field
                key={field.name}
                {...props}
                isPageHeading={false}
                def={field}
                path={`${def.name}.${index}.${field.name}`}
                value={entry[field.name]}
                slot={{
                  action: `remove-file:${def.name}:${index}:${field.name}`,
                  itemName: `${itemLabel} ${index + 1}`,
                }}
              />
            ))}
          </div>
          {entries.length > def.min && (
            <Button variant="secondary" name="_action" value={`remove:${def.name}:${index}`}>
              {t.removeItem(`${itemLabel} ${index + 1}`)}
            </Button>
          )}
        </fieldset>
      ))}
      {entries.length < def.max && (
        <Button variant="secondary" name="_action" value={`add:${def.name}`}>
          {t.addItem(itemLabel)}
        </Button>
      )}
    </div>
  );
}

/**
 * An item whose condition depends on another answer of the page: always rendered (so the page works
 * without JavaScript), with its hint; reveal.js hides it while the controlling answer does not make it apply.
 */
function Conditional(props: { reveal: Reveal; children: VNode; hintAbove: boolean }): VNode {
  const { reveal } = props;
  return (
    <div
      class="app-conditional"
      id={reveal.id}
      data-reveal-field={reveal.field}
      data-reveal-states={reveal.states && JSON.stringify(reveal.states)}
    >
      {props.hintAbove && reveal.hint && <div class="kern-hint app-conditional__hint">{reveal.hint}</div>}
      {props.children}
    </div>
  );
}

export function PageItems(
  props: ItemProps & {
    items: readonly PageItem[];
    raw: Record<string, unknown>;
    reveals?: ReadonlyMap<PageItem, Reveal> | undefined;
  },
): VNode {
  const { reveals, ...itemProps } = props;
  return (
    <>
      {props.items.map((item, index) => {
        const reveal = reveals?.get(item);
        let rendered: VNode;
        if (item.kind === 'info')
          rendered = (
            <p class="kern-body" key={`info-${index}`}>
              {localize(item.text, props.locale)}
            </p>
          );
        else if (item.kind === 'repeat')
          rendered = <Repeat key={item.name} {...itemProps} def={item} value={props.raw[item.name]} />;
        else
          rendered = (
            <Field
              key={item.name}
              {...itemProps}
              def={item}
              path={item.name}
              value={props.raw[item.name]}
              conditionHint={item.kind === 'address' ? undefined : reveal?.hint}
            />
          );
        if (!reveal) return rendered;
        // Fields carry the hint as their own (read with the input); other items get it above them.
        const hintAbove = item.kind === 'info' || item.kind === 'repeat' || item.kind === 'address';
        return (
          <Conditional key={reveal.id} reveal={reveal} hintAbove={hintAbove}>
            {rendered}
          </Conditional>
        );
      })}
    </>
  );
}
