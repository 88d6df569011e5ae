/**
 * Finds the genericode content for a schema's code-list references among the files the caller supplied,
 * and collects the lists actually used into the package's `codeLists`.
 */
import { FimImportError } from './errors.ts';
import { importGenericode, type PackageCodeList } from './genericode.ts';
import type { FimCodeListRef } from './model.ts';

interface Supplied {
  key: string;
  xml: string;
  canonicalUri?: string;
}

export interface CodeListResolver {
  resolve(ref: FimCodeListRef): { id: string; codeList: PackageCodeList } | undefined;
  /** The lists resolved so far, by package id. */
  readonly used: Record<string, PackageCodeList>;
}

/** Genericode files can be passed under any key: the canonical URI, the FIM id (C…) or e.g. a file name. */
export function createCodeListResolver(
  supplied: ReadonlyMap<string, string>,
  warn: (message: string) => void,
): CodeListResolver {
  const files: Supplied[] = [...supplied].map(([key, xml]) => {
    try {
      return { key, xml, canonicalUri: importGenericode(xml).codeList.source?.canonicalUri };
    } catch (error) {
      if (!(error instanceof FimImportError)) throw error;
      warn(`Code list "${key}" ignored: ${error.en}`);
      return { key, xml };
    }
  });
  const used: Record<string, PackageCodeList> = {};
  const byReference = new Map<string, { id: string; codeList: PackageCodeList } | undefined>();

  const load = (ref: FimCodeListRef) => {
    const file = files.find(
      (f) =>
        f.canonicalUri === ref.canonicalId || f.key === ref.canonicalId || (ref.fimId && f.key === ref.fimId),
    );
    if (!file?.canonicalUri) return undefined;
    try {
      const list = importGenericode(file.xml, {
        ...(ref.codeKey ? { codeKey: ref.codeKey } : {}),
        ...(ref.nameKey ? { nameKey: ref.nameKey } : {}),
      });
      const version = list.codeList.source?.version;
      if (ref.version && version && ref.version !== version) {
        warn(
          `Code list "${ref.canonicalId}": the schema refers to version ${ref.version}, the supplied file is version ${version}.`,
        );
      }
      used[list.id] ??= list.codeList;
      return { id: list.id, codeList: used[list.id] ?? list.codeList };
    } catch (error) {
      if (!(error instanceof FimImportError)) throw error;
      warn(`Code list "${ref.canonicalId}" ignored: ${error.en}`);
      return undefined;
    }
  };

  return {
    used,
    resolve(ref) {
      const key = `${ref.canonicalId}|${ref.codeKey ?? ''}|${ref.nameKey ?? ''}`;
      if (!byReference.has(key)) byReference.set(key, load(ref));
      return byReference.get(key);
    },
  };
}
