/** The page's language for components deep in the tree (hidden "Fehler:", "Zurück", "Ändern"); set by <Page>. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale } from '../../forms/types.ts';

export type Lang = Locale;

export const LangContext = createContext<Lang>('de');

export function useLang(): Lang {
  return useContext(LangContext);
}
