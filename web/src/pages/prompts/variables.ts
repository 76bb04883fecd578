/** The render form's values → the `variables` argument of renderPrompt. */

export interface VariableSpec { name: string; required: boolean; default?: string | null }

/** Start from each variable's default. */
export function initialValues(vars: ReadonlyArray<VariableSpec>): Record<string, string> {
  return Object.fromEntries(vars.map((v) => [v.name, v.default ?? '']));
}

/**
 * Only the variables the version declares; an empty optional field is left out (its default applies).
 * Required fields that are empty are reported, so the form can say which before calling the server.
 */
export function renderArguments(vars: ReadonlyArray<VariableSpec>, values: Record<string, string>): { variables: Record<string, string>; missing: string[] } {
  const variables: Record<string, string> = {};
  const missing: string[] = [];
  for (const v of vars) {
    const value = values[v.name] ?? '';
    if (value !== '') variables[v.name] = value;
    else if (v.required) missing.push(v.name);
  }
  return { variables, missing };
}
