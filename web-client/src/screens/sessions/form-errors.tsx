/** Messages next to fields, shared by the session and registration forms. */
export type Errors = Record<string, string>;

const errorId = (form: string, key: string) => `${form}-${key.replace(/[^\w-]/g, '-')}-error`;

/** aria-invalid and the link to the message, for the control(s) of a field in error. */
export function invalidProps(errors: Errors, form: string, key: string): Record<string, unknown> {
  return errors[key] ? { 'aria-invalid': true, 'aria-describedby': errorId(form, key) } : {};
}

export function FieldError({ errors, form, name }: { errors: Errors; form: string; name: string }) {
  return errors[name] ? <span id={errorId(form, name)} class="field-error">{errors[name]}</span> : null;
}

/** After a refused submit, takes the keyboard (and a screen reader) to the first field to correct. */
export function focusFirstInvalid(): void {
  requestAnimationFrame(() => (document.querySelector('main [aria-invalid="true"]') as HTMLElement | null)?.focus());
}

/** A whole number within bounds, or the French message saying which. */
export function wholeNumber(text: string, min: number, max: number): { value: number | null; error?: string } {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(n) || n < min || n > max) return { value: null, error: `Un nombre entier de ${min} à ${max}.` };
  return { value: n };
}
