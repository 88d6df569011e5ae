/** The header links for citizens: language, postbox and log-out when signed in, log-in otherwise. */
import type { VNode } from 'preact';
import type { Locale } from '../../forms/types.ts';
import type { Citizen } from '../../identity/types.ts';
import { Button } from '../components/button.tsx';
import { Form } from '../components/form.tsx';
import { switchLanguageHref } from './locale.ts';
import { citizenTexts } from './texts.ts';

/** The other language's name in that language, so who needs it can read it. */
const OTHER = { de: { lang: 'en', name: 'English' }, en: { lang: 'de', name: 'Deutsch' } } as const;

function LanguageLink(props: { locale: Locale; url: string }): VNode {
  const other = OTHER[props.locale];
  return (
    <a
      class="kern-link"
      href={switchLanguageHref(props.url, other.lang)}
      hreflang={other.lang}
      lang={other.lang}
    >
      {other.name}
    </a>
  );
}

export function CitizenNav(props: {
  citizen: Citizen | undefined;
  csrfToken: string;
  locale: Locale;
  url: string | undefined;
}): VNode {
  const t = citizenTexts(props.locale);
  return (
    <ul class="kern-list kern-list--horizontal app-nav-list">
      {props.url !== undefined && (
        <li>
          <LanguageLink locale={props.locale} url={props.url} />
        </li>
      )}
      {props.citizen ? (
        <>
          <li>
            <a class="kern-link" href="/postfach">
              {t.postbox}
            </a>
          </li>
          <li>
            <Form action="/abmelden" csrfToken={props.csrfToken}>
              <Button variant="tertiary">
                {t.logOut} ({`${props.citizen.givenName} ${props.citizen.familyName}`})
              </Button>
            </Form>
          </li>
        </>
      ) : (
        <li>
          <a class="kern-link" href="/anmelden">
            {t.logIn}
          </a>
        </li>
      )}
    </ul>
  );
}
