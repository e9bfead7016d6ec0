// A Camunda form (form-js schema, as Camunda Modeler saves it in forms/*.form) rendered by the bpmn.io form-js viewer,
// filled with the task's variables. The viewer renders into its own element (its own Preact root); this component
// only mounts and destroys it. Its "powered by bpmn.io" watermark stays, as the bpmn.io licence asks.
// Works under the pages' CSP: the viewer evaluates FEEL with its own interpreter (no eval), its stylesheet is bundled
// by Vite as a file, and it needs no fonts or images from elsewhere. Viewer and stylesheet are a chunk of their own,
// loaded when the first form is shown.
import { useEffect, useRef, useState } from 'preact/hooks';
import { Loading, ProblemBox } from '../../ui.jsx';

/**
 * A new form is made only when the schema or the data object change (pass the task's first loaded variables).
 * @param {{schema: object, data: object, readOnly?: boolean, label?: string,
 *   formRef: {current: any}, onSubmit: (result: {data: object, errors: object}) => void,
 *   onChange?: (state: {data: object, errors: object}) => void, onReady?: () => void}} props
 *   onSubmit gets form-js's submit result (its own validation's errors by field id); the form is submitted by
 *   {@link submitForm} (the page's button) or by Enter in a text field.
 */
export function CamundaForm({ schema, data, readOnly, label, formRef, onSubmit, onChange, onReady }) {
  const container = useRef(null);
  const formInstance = useRef(null);
  const readOnlyNow = useRef(readOnly);
  readOnlyNow.current = readOnly;
  const submitHandler = useRef(onSubmit);
  submitHandler.current = onSubmit;
  const changeHandler = useRef(onChange);
  changeHandler.current = onChange;
  const [importError, setImportError] = useState(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let alive = true;
    let form = null;
    setReady(false);
    setImportError(null);
    import('./formjs.js').then(async ({ Form }) => {
      if (!alive) return;
      // debounce off: every keystroke is in the form's data at once. With form-js's default (300 ms per field), a field
      // typed into right after another one lost its text: the other field's delayed update re-rendered it empty.
      form = new Form({ container: container.current, debounce: false,
        properties: { readOnly: !!readOnlyNow.current, ariaLabel: label } });
      formInstance.current = form;
      if (formRef) formRef.current = form;
      form.on('submit', (result) => submitHandler.current?.(result));
      form.on('changed', (state) => changeHandler.current?.(state));
      await form.importSchema(schema, data || {});
      if (alive) { setReady(true); onReady?.(); }
    }).catch((e) => { if (alive) setImportError(e); });
    return () => {
      alive = false;
      if (!form) return;
      if (formRef && formRef.current === form) formRef.current = null;
      formInstance.current = null;
      form.destroy();
    };
  }, [schema, data]);
  // read-only (someone else's task, a completing one) changes without a new form: what was typed stays
  useEffect(() => { formInstance.current?.setProperty('readOnly', !!readOnly); }, [readOnly]);

  return (
    <div class="camunda-form" aria-busy={ready ? 'false' : 'true'} data-testid="camunda-form">
      {importError && (
        <ProblemBox error={{ problem: { title: 'The form could not be shown', detail: String(importError.message || importError) } }} />
      )}
      {!ready && !importError && <Loading label="Loading the form…" />}
      <div ref={container} />
    </div>
  );
}

/** Submits the form (form-js validates it and fires 'submit'); false when there is no form to submit. */
export function submitForm(formRef) {
  const form = formRef.current;
  if (!form) return false;
  form.submit();
  return true;
}

/** Moves the focus to the first field form-js marked invalid, so keyboard and screen-reader users land on it. */
export function focusFirstError(root) {
  const field = root?.querySelector('.fjs-has-errors input:not([type=hidden]), .fjs-has-errors textarea, .fjs-has-errors select');
  field?.focus();
}

/**
 * The submitted values the server accepts: only the form's editable fields (form-js also hands back read-only ones;
 * the task API refuses keys that are not fields of the form).
 */
export function submittable(schema, data) {
  const shown = new Set();
  const walk = (components) => (components || []).forEach((c) => {
    if (c.type === 'dynamiclist') return; // an entry may carry its read-only values back
    if (c.components) walk(c.components);
    if (c.key && (c.readonly === true || c.disabled === true)) shown.add(c.key);
  });
  walk(schema?.components);
  return Object.fromEntries(Object.entries(data || {}).filter(([k, v]) => !shown.has(k) && v !== undefined));
}

/** How many fields form-js found invalid (errors by field id, nested for list entries). */
export function errorCount(errors) {
  let n = 0;
  const count = (e) => {
    if (Array.isArray(e)) { if (e.length && typeof e[0] === 'string') n++; else e.forEach(count); }
    else if (e && typeof e === 'object') Object.values(e).forEach(count);
  };
  count(errors);
  return n;
}
