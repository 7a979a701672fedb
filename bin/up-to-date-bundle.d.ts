/** The entry's file URL of the CLI bundle in `folder`, or undefined when it is missing or stale (see up-to-date-bundle.js). */
export function upToDateBundle(folder: string | URL): string | undefined;
