import type { z } from 'zod';

/** Zod issues → form errors keyed by dot path (`address.pincode`, `hours.0.close`); the first issue per field wins. */
export function issuesToFormErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map((segment) => String(segment)).join('.');
    if (!(key in errors)) errors[key] = issue.message;
  }
  return errors;
}

/** A `validate` function for @mantine/form that checks the values against a zod schema. */
export function zodFormValidator(schema: z.ZodType): (values: unknown) => Record<string, string> {
  return (values) => {
    const result = schema.safeParse(values);
    return result.success ? {} : issuesToFormErrors(result.error.issues);
  };
}
