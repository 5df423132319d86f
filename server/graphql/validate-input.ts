import { validate, ValidationError as ClassValidationError } from 'class-validator';
import { ValidationError } from '../errors';

/** Flattens class-validator's nested errors into "path: message" lines. */
export function describeErrors(errors: ClassValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      // class-validator starts its default messages with the property name; ours do not.
      message: message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message,
    }));
    return [...own, ...describeErrors(error.children ?? [], field)];
  });
}

/**
 * type-graphql's `validateFn`: validates every input object argument with its class-validator
 * decorators and rejects the whole operation, before anything is written, with BAD_USER_INPUT
 * and a message naming each offending field ("input.location.lat: latitude must be between -90 and 90").
 */
export async function validateInput(argValue: unknown, _argType: unknown, resolverData?: { info?: { fieldName?: string } }): Promise<void> {
  if (argValue === null || typeof argValue !== 'object') return;
  const values = Array.isArray(argValue) ? argValue : [argValue];
  const problems: { field: string; message: string }[] = [];
  for (const value of values) {
    if (value === null || typeof value !== 'object' || value.constructor === Object) continue;
    problems.push(...describeErrors(await validate(value, { forbidUnknownValues: false })));
  }
  if (problems.length) {
    const fields = [...new Set(problems.map((p) => p.field))];
    const lines = problems.map((p) => `${p.field}: ${p.message}`);
    const where = resolverData?.info?.fieldName ? `Invalid input to ${resolverData.info.fieldName}: ` : 'Invalid input: ';
    throw new ValidationError(`${where}${lines.join('; ')}.`, fields);
  }
}
