// A mistake the user can mend (a wrong flag, a checklist that cannot be found, a file in the way),
// told in one line in their language. Any layer may raise it; the CLI prints it and exits 2.
export class UserError extends Error {}
