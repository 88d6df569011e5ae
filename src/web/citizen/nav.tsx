/** The header links for citizens: postbox and log-out when signed in, log-in otherwise. */
import type { VNode } from 'preact';
import type { Citizen } from '../../identity/types.ts';
import { Button } from '../components/button.tsx';
import { Form } from '../components/form.tsx';

export function CitizenNav(props: { citizen: Citizen | undefined; csrfToken: string }): VNode {
  if (!props.citizen) {
    return (
      <a class="kern-link" href="/anmelden">
        Anmelden
      </a>
    );
  }
  return (
    <ul class="kern-list kern-list--horizontal app-nav-list">
      <li>
        <a class="kern-link" href="/postfach">
          Postfach
        </a>
      </li>
      <li>
        <Form action="/abmelden" csrfToken={props.csrfToken}>
          <Button variant="tertiary">
            Abmelden ({`${props.citizen.givenName} ${props.citizen.familyName}`})
          </Button>
        </Form>
      </li>
    </ul>
  );
}
