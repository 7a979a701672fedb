/**
 * `node:url` for the page: bpmn-engine calls fileURLToPath(import.meta.url) only to hand the result
 * to createRequire (editor/shims/module.ts), which ignores it. In the bundle import.meta.url is an
 * http: address, so this gives the URL's path rather than refusing a non-file: URL as node does.
 */
export function fileURLToPath(url: string | URL): string {
  return decodeURIComponent(new URL(url).pathname);
}

export default { fileURLToPath };
