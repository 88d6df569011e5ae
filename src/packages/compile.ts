/**
 * Turns a validated package into its runtime form once per package version: FEEL conditions and
 * computed values compiled, field lookups indexed. The definition itself is frozen.
 */
import { type CompiledExpression, compileExpression, FeelError, referencedNames } from '../rules/feel.ts';
import { PackageError } from './errors.ts';
import type {
  InfoBlockDef,
  PackagePage,
  PageCheckDef,
  RepeatFieldDef,
  ServicePackage,
  ValueFieldDef,
} from './schema.ts';

export type PageItem = ValueFieldDef | RepeatFieldDef | InfoBlockDef;

export interface CompiledItem {
  def: PageItem;
  condition?: CompiledExpression;
  /**
   * The other answers of the same page that the condition refers to, directly or through computed values
   * (empty without a condition): such an item is shown with the page and decided when the page is posted.
   */
  pageRefs: readonly string[];
}

export interface CompiledCheck {
  def: PageCheckDef;
  expression: CompiledExpression;
  /** The answers of the same page the expression refers to, directly or through computed values. */
  pageRefs: readonly string[];
}

export interface CompiledPage {
  def: PackagePage;
  condition?: CompiledExpression;
  items: CompiledItem[];
  checks: CompiledCheck[];
}

export interface CompiledPackage {
  definition: ServicePackage;
  pages: CompiledPage[];
  computed: {
    name: string;
    format: string;
    label: ServicePackage['form']['declaration'];
    expression: CompiledExpression;
  }[];
  applicantName: CompiledExpression;
  /** Every answer or computed name, which is what FEEL expressions may refer to. */
  names: readonly string[];
}

/** Names FEEL expressions may use besides the answers. */
export const RESERVED_NAMES = ['applicationDate'] as const;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export function answerNames(pkg: ServicePackage): string[] {
  return pkg.form.pages.flatMap((page) => page.fields.flatMap((item) => ('name' in item ? [item.name] : [])));
}

/** The answers an expression refers to, directly or through the computed values it uses. */
function answersReferred(definition: ServicePackage, names: readonly string[]) {
  const computed = new Map<string, Set<string>>();
  const refersTo = (expression: string): Set<string> =>
    new Set(referencedNames(expression, names).flatMap((name) => [name, ...(computed.get(name) ?? [])]));
  // A computed value may use the ones before it, so one pass in order collects them transitively.
  for (const c of definition.form.computed ?? []) computed.set(c.name, refersTo(c.expression));
  return refersTo;
}

export function compilePackage(pkg: ServicePackage): CompiledPackage {
  const definition = deepFreeze(structuredClone(pkg));
  const computedNames = (definition.form.computed ?? []).map((c) => c.name);
  const names = [...answerNames(definition), ...computedNames, ...RESERVED_NAMES];
  const problems: string[] = [];
  const compile = (expression: string, where: string, scope = names): CompiledExpression | undefined => {
    try {
      return compileExpression(expression, scope);
    } catch (error) {
      if (!(error instanceof FeelError)) throw error;
      problems.push(`${where}: ${error.message}`);
      return undefined;
    }
  };
  const refersTo = answersReferred(definition, names);
  const pages = definition.form.pages.map((page, p): CompiledPage => {
    const pageNames = page.fields.flatMap((item) => ('name' in item ? [item.name] : []));
    const valueFields = page.fields.flatMap((item) =>
      item.kind !== 'info' && item.kind !== 'repeat' ? [item.name] : [],
    );
    const checks = (page.checks ?? []).flatMap((check, c): CompiledCheck[] => {
      const where = `form.pages[${p}].checks[${c}] (page "${page.id}")`;
      if (!valueFields.includes(check.field))
        problems.push(`${where}: field "${check.field}" is not a value field of this page`);
      const expression = compile(check.expression, `${where}.expression`);
      if (!expression) return [];
      const pageRefs = [...refersTo(check.expression)].filter((n) => pageNames.includes(n));
      return [{ def: check, expression, pageRefs }];
    });
    return {
      def: page,
      condition: page.condition ? compile(page.condition, `form.pages[${p}].condition`) : undefined,
      items: page.fields.map((item, i) => ({
        def: item,
        condition: item.condition
          ? compile(item.condition, `form.pages[${p}].fields[${i}].condition`)
          : undefined,
        pageRefs: item.condition
          ? [...refersTo(item.condition)].filter(
              (n) => pageNames.includes(n) && n !== ('name' in item && item.name),
            )
          : [],
      })),
      checks,
    };
  });
  const computed = (definition.form.computed ?? []).map((c, i) => ({
    name: c.name,
    format: c.format,
    label: c.label,
    expression: compile(c.expression, `form.computed[${i}].expression`) ?? (() => null),
  }));
  const applicantName = compile(definition.form.applicantName, 'form.applicantName');
  if (problems.length > 0 || !applicantName)
    throw new PackageError(`${definition.id}@${definition.version}`, problems);
  return { definition, pages, computed, applicantName, names };
}
