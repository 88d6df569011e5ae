/**
 * Turns a validated package into its runtime form once per package version: FEEL conditions and
 * computed values compiled, field lookups indexed. The definition itself is frozen.
 */
import { type CompiledExpression, compileExpression, FeelError } from '../rules/feel.ts';
import { PackageError } from './errors.ts';
import type { InfoBlockDef, PackagePage, RepeatFieldDef, ServicePackage, ValueFieldDef } from './schema.ts';

export type PageItem = ValueFieldDef | RepeatFieldDef | InfoBlockDef;

export interface CompiledItem {
  def: PageItem;
  condition?: CompiledExpression;
}

export interface CompiledPage {
  def: PackagePage;
  condition?: CompiledExpression;
  items: CompiledItem[];
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
  const pages = definition.form.pages.map((page, p) => ({
    def: page,
    condition: page.condition ? compile(page.condition, `form.pages[${p}].condition`) : undefined,
    items: page.fields.map((item, i) => ({
      def: item,
      condition: item.condition
        ? compile(item.condition, `form.pages[${p}].fields[${i}].condition`)
        : undefined,
    })),
  }));
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
