import type { ComponentChildren, VNode } from 'preact';

export interface FormProps {
  action: string;
  csrfToken: string;
  multipart?: boolean;
  children: ComponentChildren;
  /** Defaults to true: the server's validation is the source of truth and speaks German. */
  novalidate?: boolean;
}

/** A POST form with its CSRF token. */
export function Form(props: FormProps): VNode {
  return (
    <form
      class="app-form"
      method="post"
      action={props.action}
      enctype={props.multipart ? 'multipart/form-data' : undefined}
      novalidate={props.novalidate ?? true}
    >
      {/* First, before any file input: the server reads the token off a multipart stream before the files. */}
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      {props.children}
    </form>
  );
}
