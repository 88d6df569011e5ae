/** The page's language for components deep in the tree (hidden "Fehler:", "Zurück", "Ändern"); set by <Page>. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Lang = 'de' | 'en';

export const LangContext = createContext<Lang>('de');

export function useLang(): Lang {
  return useContext(LangContext);
}
